using System.Globalization;
using Actinf.Causal.Inference;
using Actinf.Causal.Networks;
using Actinf.Causal.Queries;

namespace Actinf.Cli.Causal;

/// <summary>
/// A command-line mistake in a causal query that is the command line's own (malformed <c>V=s</c>, a number that
/// does not parse); the message is one line naming the option and the offending text. Mistakes about the network
/// (unknown variable or state, bad vector, parts that do not combine) are <see cref="CausalQueryException"/>s.
/// </summary>
internal sealed class CausalArgumentException(string message) : Exception(message);

/// <summary>
/// Turns <c>--evidence V=s</c>, <c>--do V=s</c>, <c>--soft V=l1,l2,...</c>, <c>--soft-do V=q1,q2,...</c>,
/// <c>--target</c> and <c>--map</c> arguments into checked names and <see cref="Clamps"/>: this class parses the
/// text; <see cref="CheckedClamps"/> checks it against the network, labelling each item as it was typed.
/// </summary>
internal static class ClampArguments
{
    /// <summary>How <c>actinf causal query</c> names the parts of a question, for <see cref="CausalQuestion"/>'s messages.</summary>
    public static readonly QueryTerms Terms = new("--target", "--mpe", "--map", "--direction", "--max-depth");

    /// <summary>Builds the clamps of a query; every name, state and vector is checked against <paramref name="network"/>.</summary>
    /// <exception cref="CausalArgumentException">Text that does not parse.</exception>
    /// <exception cref="CausalQueryException">A clamp the network does not allow.</exception>
    public static Clamps Build(BayesianNetwork network, IEnumerable<string> evidence, IEnumerable<string> interventions, IEnumerable<string> soft, IEnumerable<string> softDo)
    {
        var clamps = new CheckedClamps(network);
        foreach (string text in evidence)
        {
            (string variable, string state) = SplitAssignment(network, clamps, "--evidence", text);
            clamps.Observe($"--evidence {text}", variable, state);
        }

        foreach (string text in interventions)
        {
            (string variable, string state) = SplitAssignment(network, clamps, "--do", text);
            clamps.Intervene($"--do {text}", variable, state);
        }

        foreach (string text in soft)
        {
            (string variable, double[] lambda) = ParseVector(network, clamps, "--soft", text);
            clamps.Likelihood($"--soft {text}", variable, lambda);
        }

        foreach (string text in softDo)
        {
            (string variable, double[] q) = ParseVector(network, clamps, "--soft-do", text);
            clamps.SoftIntervene($"--soft-do {text}", variable, q);
        }

        return clamps.Clamps;
    }

    /// <summary>
    /// Variable names from repeatable options that also accept comma-separated lists
    /// (<c>--target a --target b</c> or <c>--target a,b</c>), in order, each once.
    /// </summary>
    /// <exception cref="CausalQueryException">An unknown variable or a repeated one.</exception>
    public static string[] Variables(BayesianNetwork network, string option, IEnumerable<string> values) =>
        new CheckedClamps(network).Variables(option, values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));

    private static (string Variable, double[] Vector) ParseVector(BayesianNetwork network, CheckedClamps clamps, string option, string text)
    {
        (string variable, string value) = SplitAssignment(network, clamps, option, text, "P1,P2,...");
        string[] parts = value.Split(',', StringSplitOptions.TrimEntries);
        var vector = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out vector[i]))
            {
                throw new CausalArgumentException($"{option} {text}: '{parts[i]}' is not a number.");
            }
        }

        return (variable, vector);
    }

    /// <summary>
    /// Splits <c>VARIABLE=VALUE</c>. State names may contain '=' (<c>&gt;=7.5</c>), so the split is at the
    /// first '=' whose left part names a variable.
    /// </summary>
    private static (string Variable, string Value) SplitAssignment(BayesianNetwork network, CheckedClamps clamps, string option, string text, string valueName = "STATE")
    {
        int first = text.IndexOf('=', StringComparison.Ordinal);
        if (first <= 0 || first == text.Length - 1)
        {
            throw new CausalArgumentException($"{option} '{text}': expected VARIABLE={valueName}, e.g. {option} {Example(network, option)}.");
        }

        for (int at = first; at > 0 && at < text.Length - 1; at = text.IndexOf('=', at + 1))
        {
            if (network.TryGetVariable(text[..at].Trim(), out Variable v))
            {
                return (v.Name, text[(at + 1)..].Trim());
            }
        }

        throw new CausalQueryException($"{option} {text}: {clamps.UnknownVariable(text[..first].Trim())}");
    }

    private static string Example(BayesianNetwork network, string option)
    {
        Variable v = network[0];
        return option is "--soft" or "--soft-do"
            ? $"{v.Name}={string.Join(',', Enumerable.Repeat((1.0 / v.Cardinality).ToString("0.##", CultureInfo.InvariantCulture), v.Cardinality))}"
            : $"{v.Name}={v.States[0]}";
    }
}
