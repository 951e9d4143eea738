using Actinf.Bench.Analysis;
using Actinf.Bench.Results;

namespace Actinf.Bench.Reports;

/// <summary>Actions a report suggests, each derived from a number in the data and naming the benchmark.</summary>
/// <remarks>
/// In order: regressions (severe, then moderate), caches below the minimum hit rate, allocation on the hot path
/// (suite <see cref="MetricNames.HotPathSuite"/>) or above the limit, optimisations with a speedup below 1,
/// selective updates that deviate from the full update, noisy benchmarks (stddev/median above
/// <see cref="ReportOptions.HighVarianceRatio"/>) and a quick latest run. When nothing applies, one line says so.
/// </remarks>
public static class Recommendations
{
    /// <summary>Derives the recommendations for <paramref name="data"/>'s latest run.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    public static IReadOnlyList<string> From(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var items = new List<string>();
        GateOptions gate = data.Options.Gate;

        if (data.Comparison is { } comparison)
        {
            foreach (BenchmarkComparison row in comparison.Regressions.Where(r => r.Severity is Severity.Severe or Severity.Moderate))
            {
                items.Add($"Investigate `{row.Id}`: {DisplayFormat.Change(row.ChangePercent)} slower than the baseline "
                    + $"({DisplayFormat.Time(row.Baseline!.MedianNs)} -> {DisplayFormat.Time(row.Current!.MedianNs)}, {row.Severity.ToString().ToLowerInvariant()}). "
                    + $"Profile it, or bisect the commits from `{comparison.Baseline.GitCommit}` to `{comparison.Current.GitCommit}`.");
            }
        }

        IReadOnlyList<BenchmarkResult> latest = data.Latest.Benchmarks;
        foreach (BenchmarkResult result in latest)
        {
            if (Metric(result, MetricNames.HitRate) is double rate && rate < gate.MinHitRate)
            {
                string memory = Metric(result, MetricNames.CacheBytes) is double bytes ? $", holding {DisplayFormat.Bytes(bytes)}" : "";
                items.Add($"Cache `{result.Id}` hits only {DisplayFormat.Rate(rate)} of look-ups (minimum {DisplayFormat.Rate(gate.MinHitRate)}{memory}): "
                    + "check its keys and capacity, or switch it off where reuse is rare.");
            }
        }

        foreach (BenchmarkResult result in latest)
        {
            if (result.AllocatedBytesPerOp is not double allocated || !(allocated > 0.0))
            {
                continue;
            }

            if (gate.MaxAllocatedBytesPerOp is double limit && allocated > limit)
            {
                items.Add($"`{result.Id}` allocates {DisplayFormat.Bytes(allocated)} per operation, above the limit of {DisplayFormat.Bytes(limit)}: remove the allocation or raise --max-alloc with a reason.");
            }
            else if (string.Equals(result.Suite, MetricNames.HotPathSuite, StringComparison.Ordinal))
            {
                items.Add($"`{result.Id}` allocates {DisplayFormat.Bytes(allocated)} per operation on the hot path (suite {MetricNames.HotPathSuite}): "
                    + "find the allocation (kernels and workspaces allocate nothing) and pin it with a zero-allocation test.");
            }
        }

        foreach (BenchmarkResult result in latest)
        {
            if (Metric(result, MetricNames.Speedup) is double speedup && speedup < 1.0)
            {
                items.Add($"`{result.Id}` has a speedup of {DisplayFormat.Number(speedup)}x: the optimisation is slower than the plain path; fix it or switch it off.");
            }
        }

        foreach (BenchmarkResult result in latest)
        {
            if (Metric(result, MetricNames.MaxDeviation) is double deviation && deviation > data.Options.MaxDeviationTolerance)
            {
                items.Add($"`{result.Id}` deviates from the full update by up to {DisplayFormat.Number(deviation)} "
                    + $"(tolerance {DisplayFormat.Number(data.Options.MaxDeviationTolerance)}): check which updates it skips.");
            }
        }

        foreach (BenchmarkResult result in latest)
        {
            if (result.MedianNs > 0.0 && result.StdDevNs / result.MedianNs > data.Options.HighVarianceRatio)
            {
                items.Add($"`{result.Id}` is noisy (stddev {DisplayFormat.Rate(result.StdDevNs / result.MedianNs)} of the median, {result.Samples?.Count ?? 0} samples): "
                    + "take more samples (a full run instead of --quick) or quiet the machine before trusting small changes.");
            }
        }

        if (data.Latest.Quick)
        {
            items.Add("The latest run used --quick (fewer, noisier samples): confirm any regression with a full run before acting on it.");
        }

        if (items.Count == 0)
        {
            items.Add("Nothing to do: no regression beyond the warning threshold, every cache above its minimum hit rate, no allocation on the hot path and no noisy benchmark.");
        }

        return items;
    }

    private static double? Metric(BenchmarkResult result, string name) =>
        result.Metrics is not null && result.Metrics.TryGetValue(name, out double value) && double.IsFinite(value) ? value : null;
}
