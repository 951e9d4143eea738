using System.Globalization;

namespace Actinf.Bench.Analysis;

/// <summary>Invariant-culture text for times, changes, p-values, rates and bytes, shared by the CLI and the reports.</summary>
public static class DisplayFormat
{
    /// <summary>A time in nanoseconds with three significant digits in ns, µs, ms or s: <c>850 µs</c>, <c>12.0 µs</c>, <c>2.51 ms</c>.</summary>
    public static string Time(double nanoseconds)
    {
        if (!double.IsFinite(nanoseconds))
        {
            return nanoseconds.ToString(CultureInfo.InvariantCulture);
        }

        double magnitude = Math.Abs(nanoseconds);
        (double scaled, string unit) = magnitude switch
        {
            < 999.5 => (nanoseconds, "ns"),
            < 999_500.0 => (nanoseconds / 1e3, "µs"),
            < 999_500_000.0 => (nanoseconds / 1e6, "ms"),
            _ => (nanoseconds / 1e9, "s"),
        };
        return $"{Significant3(scaled)} {unit}";
    }

    /// <summary>A signed change in percent with one decimal: <c>+32.0%</c>, <c>-4.5%</c>, <c>0.0%</c>; "n/a" for null.</summary>
    public static string Change(double? percent) =>
        percent is double p ? p.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "n/a";

    /// <summary>A p-value: <c>&lt;0.0001</c>, <c>0.0042</c>, <c>0.43</c>; "n/a" for null.</summary>
    public static string PValue(double? p) => p switch
    {
        null => "n/a",
        < 1e-4 => "<0.0001",
        < 0.01 => p.Value.ToString("0.0000", CultureInfo.InvariantCulture),
        _ => p.Value.ToString("0.00", CultureInfo.InvariantCulture),
    };

    /// <summary>A fraction in [0, 1] as a percentage with one decimal: <c>0.153</c> → <c>15.3%</c>.</summary>
    public static string Rate(double fraction) => (100.0 * fraction).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A threshold in percent without trailing zeros: <c>25</c> → <c>25%</c>, <c>7.5</c> → <c>7.5%</c>.</summary>
    public static string Threshold(double percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>A byte count: <c>48 B</c>, <c>1.5 KiB</c>, <c>12.0 MiB</c>, <c>8.0 GiB</c>.</summary>
    public static string Bytes(double bytes) => Math.Abs(bytes) switch
    {
        < 1024.0 => bytes.ToString("0.#", CultureInfo.InvariantCulture) + " B",
        < 1024.0 * 1024.0 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        < 1024.0 * 1024.0 * 1024.0 => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        _ => (bytes / (1024.0 * 1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB",
    };

    /// <summary>A plain number: up to three decimals (<c>4.2</c>, <c>0.875</c>), or scientific below 0.001 (<c>1E-12</c>).</summary>
    public static string Number(double value) =>
        value != 0.0 && Math.Abs(value) < 1e-3
            ? value.ToString("0.###E+0", CultureInfo.InvariantCulture)
            : value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>The verdict word of a comparison: slower, faster, noise, untested (no samples), added or removed.</summary>
    public static string VerdictLabel(BenchmarkComparison row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Kind switch
        {
            ChangeKind.Regression => "slower",
            ChangeKind.Improvement => "faster",
            ChangeKind.Added => "added",
            ChangeKind.Removed => "removed",
            _ => row.Test is null ? "untested" : "noise",
        };
    }

    /// <summary>The severity word of a comparison: severe, moderate, minor, "none (noise)" for noise, "-" for added and removed.</summary>
    public static string SeverityLabel(BenchmarkComparison row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Kind switch
        {
            ChangeKind.Added or ChangeKind.Removed => "-",
            ChangeKind.Noise => "none (noise)",
            _ => row.Severity.ToString().ToLowerInvariant(),
        };
    }

    private static string Significant3(double value) => Math.Abs(value) switch
    {
        >= 99.95 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 9.995 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
