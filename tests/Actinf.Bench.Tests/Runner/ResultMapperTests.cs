using Actinf.Bench.Results;
using Actinf.Bench.Runner;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Actinf.Bench.Tests.Runner;

[Collection(BenchmarkDotNetTests.Name)]
public class ResultMapperTests
{
    [Fact]
    public void Map_RealInProcessReport_CopiesBenchmarkDotNetStatistics()
    {
        IConfig config = ManualConfig.CreateEmpty()
            .AddJob(TrivialBenchmarks.TinyJob)
            .AddLogger(NullLogger.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableLogFile)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "actinf-mapper-test-" + Guid.NewGuid().ToString("N")));
        Summary summary = BenchmarkRunner.Run<TrivialBenchmarks>(config);
        BenchmarkReport report = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(TrivialBenchmarks.Once));

        BenchmarkResult? result = ResultMapper.Map("trivial", report, new Dictionary<string, double> { ["b"] = 2, ["a"] = 1, ["nan"] = double.NaN });

        Assert.NotNull(result);
        var statistics = report.ResultStatistics!;
        Assert.Equal("trivial/TrivialBenchmarks.Once(size=16)", result.Id);
        Assert.Equal(report.GetResultRuns().Select(m => m.Nanoseconds / m.Operations), result.Samples);
        Assert.Equal(statistics.N, result.Samples.Count);
        Assert.Equal(statistics.Mean, result.MeanNs);
        Assert.Equal(statistics.Median, result.MedianNs);
        Assert.Equal(statistics.Percentiles.P95, result.P95Ns);
        Assert.Equal(statistics.Percentiles.Percentile(99), result.P99Ns);
        Assert.Equal(statistics.StandardDeviation, result.StdDevNs);
        Assert.Equal(report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase), (long?)result.AllocatedBytesPerOp);
        Assert.Equal(["a", "b"], result.Metrics.Keys);
    }

    [Fact]
    public void Sorted_Metrics_AreInOrdinalOrderWithoutNonFiniteValues()
    {
        IReadOnlyDictionary<string, double> sorted = ResultMapper.Sorted(new Dictionary<string, double>
        {
            ["speedup"] = 2,
            ["hit_rate"] = 0.5,
            ["inf"] = double.PositiveInfinity,
            ["Z"] = 1,
        });

        Assert.Equal(["Z", "hit_rate", "speedup"], sorted.Keys);
    }
}
