using Actinf.Bench.Results;

namespace Actinf.Bench.Analysis;

/// <summary>One benchmark compared between a baseline run and a new run, matched by <see cref="BenchmarkResult.Id"/>.</summary>
/// <param name="Id">The benchmark's id.</param>
/// <param name="Suite">Its suite (from the new run when present, else the baseline).</param>
/// <param name="Baseline">The baseline's result; null when the benchmark was <see cref="ChangeKind.Added"/>.</param>
/// <param name="Current">The new result; null when the benchmark was <see cref="ChangeKind.Removed"/>.</param>
/// <param name="Kind">The verdict: noise, regression, improvement, added or removed.</param>
/// <param name="Severity">Magnitude of a significant change; <see cref="Severity.None"/> for noise, added and removed.</param>
/// <param name="ChangePercent">
/// 100 · (new median − base median)/base median: positive is slower. Null when the benchmark is in one file
/// only or the baseline median is not positive.
/// </param>
/// <param name="Test">The Mann-Whitney test of the baseline samples (first) against the new samples (second); null when either has no samples.</param>
public sealed record BenchmarkComparison(
    string Id,
    string Suite,
    BenchmarkResult? Baseline,
    BenchmarkResult? Current,
    ChangeKind Kind,
    Severity Severity,
    double? ChangePercent,
    MannWhitneyResult? Test)
{
    /// <summary>A severe regression: fails the gate.</summary>
    public bool IsFailure => Kind == ChangeKind.Regression && Severity == Severity.Severe;

    /// <summary>A moderate regression: a warning.</summary>
    public bool IsWarning => Kind == ChangeKind.Regression && Severity == Severity.Moderate;

    /// <summary>Compares one benchmark; at least one of <paramref name="baseline"/> and <paramref name="current"/> must be given.</summary>
    /// <param name="baseline">The baseline's result, or null when the benchmark is new.</param>
    /// <param name="current">The new result, or null when the benchmark was removed.</param>
    /// <param name="options">Thresholds and alpha.</param>
    /// <remarks>
    /// The verdict is a regression or an improvement only when the two-sided Mann-Whitney p-value is below
    /// <see cref="ComparisonOptions.Alpha"/>; its direction is the sign of the median change (when the medians are
    /// equal, the side the test's U leans to), and its severity comes from |change| alone, so a 30 % speed-up is
    /// as <see cref="Severity.Severe"/> as a 30 % slow-down but never a failure.
    /// </remarks>
    /// <exception cref="ArgumentException">Both results are null, their ids differ, or a sample is NaN.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static BenchmarkComparison Compare(BenchmarkResult? baseline, BenchmarkResult? current, ComparisonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (baseline is null && current is null)
        {
            throw new ArgumentException("Give the baseline result, the new result or both.", nameof(current));
        }

        if (baseline is null)
        {
            return new BenchmarkComparison(current!.Id, current.Suite, null, current, ChangeKind.Added, Severity.None, null, null);
        }

        if (current is null)
        {
            return new BenchmarkComparison(baseline.Id, baseline.Suite, baseline, null, ChangeKind.Removed, Severity.None, null, null);
        }

        if (!string.Equals(baseline.Id, current.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Results of different benchmarks: '{baseline.Id}' and '{current.Id}'; match them by id first.", nameof(current));
        }

        double? change = baseline.MedianNs > 0.0 && double.IsFinite(baseline.MedianNs) && double.IsFinite(current.MedianNs)
            ? 100.0 * (current.MedianNs - baseline.MedianNs) / baseline.MedianNs
            : null;

        MannWhitneyResult? test = null;
        if (baseline.Samples is { Count: > 0 } && current.Samples is { Count: > 0 })
        {
            try
            {
                test = MannWhitney.Test([.. baseline.Samples], [.. current.Samples]);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"{current.Id}: {e.Message}", e.ParamName == "first" ? nameof(baseline) : nameof(current), e);
            }
        }

        if (test is null || change is null || !(test.PValue < options.Alpha))
        {
            return new BenchmarkComparison(current.Id, current.Suite, baseline, current, ChangeKind.Noise, Severity.None, change, test);
        }

        // U counts baseline values above new ones: above n₁n₂/2 means the new samples are faster.
        bool slower = change.Value != 0.0 ? change.Value > 0.0 : test.U < test.FirstCount * (double)test.SecondCount / 2.0;
        return new BenchmarkComparison(
            current.Id,
            current.Suite,
            baseline,
            current,
            slower ? ChangeKind.Regression : ChangeKind.Improvement,
            options.Classify(change.Value),
            change,
            test);
    }
}
