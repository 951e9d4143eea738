namespace Actinf.Epistemic.Errors;

/// <summary>Throw helpers for <see cref="ErrorKind.ConfigurationError"/> that name the offending setting.</summary>
internal static class ConfigurationGuard
{
    public static ActiveInferenceException Error(string setting, object? value, string requirement) =>
        new(ErrorKind.ConfigurationError, $"Configuration setting '{setting}' is {Format(value)}; it must be {requirement}.");

    public static void Positive(string setting, double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw Error(setting, value, "a finite number greater than 0");
        }
    }

    public static void Positive(string setting, int value)
    {
        if (value <= 0)
        {
            throw Error(setting, value, "an integer greater than 0");
        }
    }

    public static void NonNegative(string setting, double value)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw Error(setting, value, "a finite number of at least 0");
        }
    }

    public static void InRange(string setting, double value, double min, double max, bool minExclusive = false, bool maxExclusive = false)
    {
        bool low = minExclusive ? value > min : value >= min;
        bool high = maxExclusive ? value < max : value <= max;
        if (!low || !high || double.IsNaN(value))
        {
            string lo = minExclusive ? $"({min}" : $"[{min}";
            string hi = maxExclusive ? $"{max})" : $"{max}]";
            throw Error(setting, value, $"in {lo}, {hi}");
        }
    }

    public static void PositiveDuration(string setting, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            throw Error(setting, value, "a positive duration");
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        float f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
