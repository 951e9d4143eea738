using Actinf.Bench.Results;

namespace Actinf.Bench.Analysis;

/// <summary>
/// The CI quality gate: fails on a severe regression against the baseline, a cache whose hit rate is below
/// the minimum, or allocation above the limit; warns on a moderate regression.
/// </summary>
public static class QualityGate
{
    /// <summary>Compares <paramref name="current"/> with <paramref name="baseline"/> and applies every gate.</summary>
    /// <param name="baseline">The reference run.</param>
    /// <param name="current">The run under test.</param>
    /// <param name="options">Thresholds; null for the defaults.</param>
    /// <returns>The comparison and the findings; <see cref="GateResult.Passed"/> is false when any failed.</returns>
    /// <exception cref="ArgumentNullException">A run is null.</exception>
    /// <exception cref="ArgumentException">A run lists an id twice, or a sample is NaN.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Invalid <paramref name="options"/>.</exception>
    public static GateResult Evaluate(BenchmarkRun baseline, BenchmarkRun current, GateOptions? options = null)
    {
        options ??= new GateOptions();
        options.Validate();
        RunComparison comparison = RunComparison.Compare(baseline, current, options.Comparison);

        var checks = new List<GateCheck>();
        foreach (BenchmarkComparison row in comparison.Benchmarks)
        {
            if (row.Kind == ChangeKind.Regression && row.Severity is Severity.Severe or Severity.Moderate)
            {
                bool severe = row.Severity == Severity.Severe;
                checks.Add(new GateCheck(
                    GateCheckKind.Regression,
                    severe ? GateOutcome.Failure : GateOutcome.Warning,
                    row.Id,
                    $"{(severe ? "severe" : "moderate")} regression: {row.Id}: median {DisplayFormat.Time(row.Baseline!.MedianNs)} -> {DisplayFormat.Time(row.Current!.MedianNs)} "
                    + $"({DisplayFormat.Change(row.ChangePercent)}, p {DisplayFormat.PValue(row.Test?.PValue)}); "
                    + (severe ? $"fails above {DisplayFormat.Threshold(options.Comparison.FailPercent)}" : $"warns from {DisplayFormat.Threshold(options.Comparison.WarnPercent)}")));
            }
        }

        checks.AddRange(MetricChecks(current, options));
        foreach (BenchmarkComparison row in comparison.Benchmarks)
        {
            if (row.Kind == ChangeKind.Removed)
            {
                checks.Add(new GateCheck(GateCheckKind.Coverage, GateOutcome.Note, row.Id, $"removed: {row.Id} is in the baseline but not in the results"));
            }
            else if (row.Kind == ChangeKind.Added)
            {
                checks.Add(new GateCheck(GateCheckKind.Coverage, GateOutcome.Note, row.Id, $"added: {row.Id} is new (not in the baseline)"));
            }
        }

        return new GateResult(comparison, [.. checks.OrderByDescending(c => c.Outcome)]);
    }

    /// <summary>
    /// The gates that need no baseline: every <c>hit_rate</c> below <see cref="GateOptions.MinHitRate"/> and every
    /// allocation above <see cref="GateOptions.MaxAllocatedBytesPerOp"/> in <paramref name="run"/> fails.
    /// </summary>
    /// <param name="run">The run to check.</param>
    /// <param name="options">Thresholds; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Invalid <paramref name="options"/>.</exception>
    public static IReadOnlyList<GateCheck> MetricChecks(BenchmarkRun run, GateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        options ??= new GateOptions();
        options.Validate();

        var checks = new List<GateCheck>();
        foreach (BenchmarkResult result in run.Benchmarks)
        {
            if (result.Metrics is not null && result.Metrics.TryGetValue(MetricNames.HitRate, out double hitRate) && !(hitRate >= options.MinHitRate))
            {
                checks.Add(new GateCheck(
                    GateCheckKind.HitRate,
                    GateOutcome.Failure,
                    result.Id,
                    $"hit rate: {result.Id}: {(double.IsNaN(hitRate) ? "NaN" : DisplayFormat.Rate(hitRate))} below the minimum {DisplayFormat.Rate(options.MinHitRate)}"));
            }
        }

        if (options.MaxAllocatedBytesPerOp is double limit)
        {
            foreach (BenchmarkResult result in run.Benchmarks)
            {
                if (result.AllocatedBytesPerOp is double allocated && !(allocated <= limit))
                {
                    checks.Add(new GateCheck(
                        GateCheckKind.Allocation,
                        GateOutcome.Failure,
                        result.Id,
                        $"allocation: {result.Id}: {DisplayFormat.Bytes(allocated)}/op above the limit {DisplayFormat.Bytes(limit)}/op"));
                }
            }
        }

        return checks;
    }
}
