using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Actinf.Bench.Suites.Epistemic;

/// <summary>
/// One call per iteration (invocation count 1, unroll 1) and 400 iterations, so BenchmarkDotNet's iteration
/// statistics are per-call latencies: the P50 and P99 columns are per-call percentiles (no outlier is removed).
/// </summary>
public sealed class PerCallLatencyConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public PerCallLatencyConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Throughput)
            .WithLaunchCount(1)
            .WithWarmupCount(20)
            .WithIterationCount(400)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithOutlierMode(Perfolizer.Mathematics.OutlierDetection.OutlierMode.DontRemove)
            .WithGcForce(false)
            .WithId("PerCall"));
        AddColumn(StatisticColumn.P50, new PercentileColumn(99), StatisticColumn.P100);
    }

    /// <summary>A percentile of the iteration measurements (per call under this config).</summary>
    private sealed class PercentileColumn(int percentile) : IColumn
    {
        public string Id => $"P{percentile}";

        public string ColumnName => $"P{percentile}";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Statistics;

        public int PriorityInCategory => percentile;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Time;

        public string Legend => $"{percentile}th percentile of the per-call time";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var statistics = summary[benchmarkCase]?.ResultStatistics;
            if (statistics is null)
            {
                return "NA";
            }

            double nanoseconds = statistics.Percentiles.Percentile(percentile);
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{nanoseconds / 1000.0:N1} us");
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
