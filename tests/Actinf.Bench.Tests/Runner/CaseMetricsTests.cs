using Actinf.Bench.Runner;
using BenchmarkDotNet.Running;

namespace Actinf.Bench.Tests.Runner;

public class CaseMetricsTests
{
    [Fact]
    public void Compute_MetricsClass_SetsParametersAndAsksPerMethod()
    {
        BenchmarkCase[] cases = BenchmarkIdsTests.Cases(typeof(TrivialBenchmarks));

        Dictionary<BenchmarkCase, IReadOnlyDictionary<string, double>> metrics = CaseMetrics.Compute(cases);

        Assert.Equal(2, metrics.Count);
        Assert.All(metrics.Values, m => Assert.Equal(16, m["size"]));
        Assert.Equal(1, metrics[cases.Single(c => c.Descriptor.WorkloadMethod.Name == nameof(TrivialBenchmarks.Once))]["is_once"]);
    }

    [Fact]
    public void Compute_ClassWithoutMetrics_GivesNothing()
    {
        Assert.Empty(CaseMetrics.Compute(BenchmarkIdsTests.Cases(typeof(OtherTrivialBenchmarks))));
    }

    [Fact]
    public void Speedups_BaselineAndMethod_IsBaselineMedianOverMethodMedian()
    {
        BenchmarkCase[] cases = BenchmarkIdsTests.Cases(typeof(TrivialBenchmarks));
        BenchmarkCase once = cases.Single(c => !c.Descriptor.Baseline);
        BenchmarkCase twice = cases.Single(c => c.Descriptor.Baseline);

        Dictionary<BenchmarkCase, double> speedups = CaseMetrics.Speedups(new Dictionary<BenchmarkCase, double> { [once] = 10, [twice] = 25 });

        Assert.Equal(2.5, Assert.Single(speedups, kv => kv.Key == once).Value);
        Assert.DoesNotContain(twice, speedups.Keys);
    }

    [Fact]
    public void Speedups_ClassWithoutAttribute_GivesNothing()
    {
        BenchmarkCase[] cases = BenchmarkIdsTests.Cases(typeof(OtherTrivialBenchmarks));

        Assert.Empty(CaseMetrics.Speedups(cases.ToDictionary(c => c, _ => 1.0)));
    }

    [Fact]
    public void SetParameters_UnknownParameter_ThrowsNamingIt()
    {
        BenchmarkCase withSize = BenchmarkIdsTests.Cases(typeof(TrivialBenchmarks))[0];

        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => CaseMetrics.SetParameters(new UncategorizedBenchmarks(), withSize.Parameters));

        Assert.Contains("'Size'", e.Message, StringComparison.Ordinal);
    }
}
