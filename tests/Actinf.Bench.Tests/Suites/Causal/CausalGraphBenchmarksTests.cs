using Actinf.Bench.Suites.Causal;
using Actinf.Causal.Graphs;

namespace Actinf.Bench.Tests.Suites.Causal;

public class CausalGraphBenchmarksTests
{
    [Fact]
    public void Benchmarks_AfterSetup_ReturnTheExpectedGraphsAndAnswers()
    {
        var bench = new CausalGraphBenchmarks { WarmupTime = TimeSpan.FromMilliseconds(5) };
        bench.Setup();

        for (int i = 0; i < CausalGraphBenchmarks.GraphCount; i++)
        {
            CausalGraph created = bench.Create();
            Assert.Equal(1000, created.NodeCount);
            Assert.Equal(5000, created.EdgeCount);
            Assert.Equal(1000, created.TopologicalOrder.Length);
        }

        for (int i = 0; i < CausalGraphBenchmarks.GraphCount; i++)
        {
            CausalGraph mutilated = bench.Surgery();
            Assert.Equal(1000, mutilated.NodeCount);
            Assert.InRange(mutilated.EdgeCount, 4970, 5000);
            Assert.True(bench.Ancestors());
            Assert.True(bench.DConnected());
            Assert.True(bench.Backdoor());
        }
    }

    [Fact]
    public void Surgery_EveryGraph_CutsExactlyTheEdgesIntoTheCause()
    {
        var bench = new CausalGraphBenchmarks { WarmupTime = TimeSpan.FromMilliseconds(5) };
        bench.Setup();
        IReadOnlyDictionary<string, double> metrics = bench.ComputeMetrics(nameof(CausalGraphBenchmarks.Surgery));

        double cut = 0;
        for (int i = 0; i < CausalGraphBenchmarks.GraphCount; i++)
        {
            cut += 5000 - bench.Surgery().EdgeCount;
        }

        Assert.Equal(metrics["cause_parents"], cut / CausalGraphBenchmarks.GraphCount, 12);
    }

    [Fact]
    public void ComputeMetrics_Default_DescribesTheGraphs()
    {
        var bench = new CausalGraphBenchmarks();

        IReadOnlyDictionary<string, double> metrics = bench.ComputeMetrics(nameof(CausalGraphBenchmarks.Create));

        Assert.Equal(1000, metrics["nodes"]);
        Assert.Equal(5000, metrics["edges"]);
        Assert.InRange(metrics["max_in_degree"], 10, 40);
        Assert.InRange(metrics["effect_ancestors"], 2, 1000);
        Assert.All(metrics.Values, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Create_BeforeSetup_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() => new CausalGraphBenchmarks().Create());
    }
}
