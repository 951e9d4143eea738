using Actinf.Bench.Results;
using BenchmarkDotNet.Mathematics;
using BenchmarkDotNet.Reports;

namespace Actinf.Bench.Runner;

/// <summary>Turns a BenchmarkDotNet report into a <see cref="BenchmarkResult"/> of the actinf-bench-run/1 schema.</summary>
/// <remarks>
/// <para>Every number comes from BenchmarkDotNet, nothing is re-measured: the samples are its workload
/// results (<see cref="BenchmarkReport.GetResultRuns"/>: the actual iterations, overhead subtracted, outliers
/// removed as the job's outlier mode says), each divided by its operation count, so one sample is the mean time
/// per operation over one iteration. Mean, median, standard deviation and percentiles are those of
/// <see cref="BenchmarkReport.ResultStatistics"/>, computed from the same samples. Allocation is
/// <see cref="BenchmarkDotNet.Engines.GcStats.GetBytesAllocatedPerOperation"/> (null without the memory
/// diagnoser).</para>
/// <para>Percentiles of iteration means are not percentiles of single calls: with thousands of calls per
/// iteration, p95 and p99 describe how stable the iterations were (docs/benchmarks.md).</para>
/// </remarks>
public static class ResultMapper
{
    /// <summary>Maps a report; null when the case did not produce measurements (failed, or no result iterations).</summary>
    /// <param name="suite">The suite of the case.</param>
    /// <param name="report">BenchmarkDotNet's report of the case.</param>
    /// <param name="metrics">The case's suite metrics (copied); null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="suite"/> or <paramref name="report"/> is null.</exception>
    public static BenchmarkResult? Map(string suite, BenchmarkReport report, IReadOnlyDictionary<string, double>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(report);
        Statistics? statistics = report.ResultStatistics;
        if (!report.Success || statistics is null || statistics.N == 0)
        {
            return null;
        }

        double[] samples = [.. report.GetResultRuns().Select(m => m.Nanoseconds / m.Operations)];
        long? allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
        return new BenchmarkResult(
            suite,
            BenchmarkIds.Of(suite, report.BenchmarkCase),
            samples,
            statistics.Mean,
            statistics.Median,
            statistics.Percentiles.P95,
            statistics.Percentiles.Percentile(99),
            statistics.StandardDeviation,
            allocated,
            Sorted(metrics));
    }

    /// <summary>A copy of <paramref name="metrics"/> in ordinal key order, dropping values that are not finite (JSON has no NaN).</summary>
    /// <param name="metrics">Metrics, or null.</param>
    public static IReadOnlyDictionary<string, double> Sorted(IEnumerable<KeyValuePair<string, double>>? metrics)
    {
        var sorted = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach ((string key, double value) in metrics ?? [])
        {
            if (double.IsFinite(value))
            {
                sorted[key] = value;
            }
        }

        return sorted;
    }
}
