using System.CommandLine;
using System.Globalization;

namespace Actinf.Cli.Commands;

/// <summary>Range checks for integer options that leave unparsable text to the parser's own error.</summary>
internal static class OptionRanges
{
    /// <summary>Adds a validator that rejects values outside <c>[min, max]</c> with a message naming the option.</summary>
    public static void Require(Option<int> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            // No token: the default applies. Unparsable text: the parser reports it; GetValue would throw here.
            if (result.Tokens.Count == 0
                || !int.TryParse(result.Tokens[^1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n))
            {
                return;
            }

            if (n < min || n > max)
            {
                result.AddError($"{option.Name} must be between {min} and {max}; got {n}.");
            }
        });
    }
}
