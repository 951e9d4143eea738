using System.Globalization;

namespace Actinf.Causal.Conformance;

/// <summary>
/// Compares computed answers with a fixture's expectations under its three tolerances (absolute on
/// probabilities, relative on evidence probabilities and joint probabilities P(x, e), absolute on logs),
/// tracks the largest error of each and keeps the failure messages.
/// </summary>
internal sealed class CausalComparer(double probabilityTolerance, double relativeTolerance, double logTolerance, int maxFailures)
{
    // Below this an expected 0 (an underflowed P(x*, e), log < -700) is matched: exp(-700) ~ 1e-304.
    private const double UnderflowLimit = 1e-300;

    private readonly List<string> _failures = [];
    private int _omitted;

    public long Compared { get; private set; }

    public double MaxAbsError { get; private set; }

    public double MaxRelError { get; private set; }

    public double MaxLogError { get; private set; }

    /// <summary>Failures recorded so far (including the omitted ones).</summary>
    public int FailureCount => _failures.Count + _omitted;

    public IReadOnlyList<string> Failures()
    {
        if (_omitted == 0)
        {
            return [.. _failures];
        }

        return [.. _failures, string.Create(CultureInfo.InvariantCulture, $"... {_omitted} more failures")];
    }

    public void Fail(string message)
    {
        if (_failures.Count < maxFailures)
        {
            _failures.Add(message);
        }
        else
        {
            _omitted++;
        }
    }

    /// <summary>A probability: |actual - expected| &lt;= the probability tolerance.</summary>
    public void Probability(string id, string field, double expected, double actual)
    {
        Compared++;
        double diff = Math.Abs(actual - expected);
        if (diff <= probabilityTolerance)
        {
            MaxAbsError = Math.Max(MaxAbsError, diff);
            return;
        }

        MaxAbsError = double.IsNaN(diff) ? double.PositiveInfinity : Math.Max(MaxAbsError, diff);
        Fail(Message(id, field, expected, actual, $"|diff| {Short(diff)} > {Short(probabilityTolerance)}"));
    }

    /// <summary>A possibly tiny positive quantity: |actual - expected| / expected &lt;= the relative tolerance (0 matches an underflow).</summary>
    public void Relative(string id, string field, double expected, double actual)
    {
        Compared++;
        double rel;
        if (expected == 0)
        {
            rel = actual >= 0 && actual <= UnderflowLimit ? 0 : double.PositiveInfinity;
        }
        else
        {
            rel = Math.Abs(actual - expected) / Math.Abs(expected);
        }

        if (rel <= relativeTolerance)
        {
            MaxRelError = Math.Max(MaxRelError, rel);
            return;
        }

        MaxRelError = double.IsNaN(rel) ? double.PositiveInfinity : Math.Max(MaxRelError, rel);
        Fail(Message(id, field, expected, actual, $"relative diff {Short(rel)} > {Short(relativeTolerance)}"));
    }

    /// <summary>A natural log: |actual - expected| &lt;= the log tolerance.</summary>
    public void Log(string id, string field, double expected, double actual)
    {
        Compared++;
        double diff = Math.Abs(actual - expected);
        if (diff <= logTolerance)
        {
            MaxLogError = Math.Max(MaxLogError, diff);
            return;
        }

        MaxLogError = double.IsNaN(diff) ? double.PositiveInfinity : Math.Max(MaxLogError, diff);
        Fail(Message(id, field, expected, actual, $"|diff| {Short(diff)} > {Short(logTolerance)}"));
    }

    /// <summary>An exact match of two strings (assignments, names).</summary>
    public void Equal(string id, string field, string expected, string? actual)
    {
        Compared++;
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            Fail($"{id}: {field}: expected '{expected}', got {(actual is null ? "nothing" : $"'{actual}'")}");
        }
    }

    public static string Format(double x) => x.ToString("G12", CultureInfo.InvariantCulture);

    public static string Short(double x) => x.ToString("G3", CultureInfo.InvariantCulture);

    private static string Message(string id, string field, double expected, double actual, string why) =>
        $"{id}: {field}: expected {Format(expected)}, got {Format(actual)} ({why})";
}
