using Actinf.Bench.Suites.Causal;
using Actinf.Causal.Conformance;
using Actinf.Causal.Inference;

namespace Actinf.Bench.Tests.Suites.Causal;

public class FixtureQueryBenchmarksTests
{
    public static TheoryData<string> PosteriorNetworks() => [.. PosteriorBenchmarks.Networks];

    public static TheoryData<string> DoNetworks() => [.. DoQueryBenchmarks.Networks];

    public static TheoryData<string> MpeNetworks() => [.. MpeBenchmarks.Networks];

    [Theory]
    [MemberData(nameof(PosteriorNetworks))]
    public void Posterior_EveryQueryOnce_MarginalsSumToOneAndMatchTheFixture(string network)
    {
        var bench = new PosteriorBenchmarks { Network = network, WarmupTime = TimeSpan.Zero };
        bench.Setup();
        IReadOnlyList<PreparedQuery> queries = CausalBenchData.LoadQueries(network, CausalQueryKind.Posterior);

        foreach (PreparedQuery query in queries)
        {
            AssertMatches(query, bench.Posterior());
        }
    }

    [Theory]
    [MemberData(nameof(DoNetworks))]
    public void Do_EveryQueryOnce_MarginalsSumToOneAndMatchTheFixture(string network)
    {
        var bench = new DoQueryBenchmarks { Network = network, WarmupTime = TimeSpan.Zero };
        bench.Setup();
        IReadOnlyList<PreparedQuery> queries = CausalBenchData.LoadQueries(network, CausalQueryKind.Do, CausalQueryKind.DoObserve);

        Assert.Contains(queries, q => q.Source.Kind == CausalQueryKind.Do);
        Assert.Contains(queries, q => q.Source.Kind == CausalQueryKind.DoObserve);
        foreach (PreparedQuery query in queries)
        {
            AssertMatches(query, bench.Do());
        }
    }

    [Theory]
    [MemberData(nameof(MpeNetworks))]
    public void Mpe_EveryQueryOnce_LogProbabilityMatchesTheFixture(string network)
    {
        var bench = new MpeBenchmarks { Network = network, WarmupTime = TimeSpan.Zero };
        bench.Setup();
        IReadOnlyList<PreparedQuery> queries = CausalBenchData.LoadQueries(network, CausalQueryKind.Mpe);

        foreach (PreparedQuery query in queries)
        {
            Explanation explanation = bench.Mpe();
            Assert.Equal(query.Source.Expected.LogProbability!.Value, explanation.LogProbability, 1e-6);
            Assert.InRange(explanation.PosteriorProbability, 0, 1 + 1e-12);
        }
    }

    [Theory]
    [InlineData("pigs")]
    [InlineData("pathfinder")]
    [InlineData("andes")]
    public void MpeLargeNetwork_FirstQuery_LogProbabilityMatchesTheFixture(string network)
    {
        var bench = new MpeLargeNetworkBenchmarks { Model = network, WarmupTime = TimeSpan.Zero };
        bench.Setup();
        PreparedQuery first = CausalBenchData.LoadQueries(network, CausalQueryKind.Mpe)[0];

        Explanation explanation = bench.Mpe();

        Assert.Equal(first.Source.Expected.LogProbability!.Value, explanation.LogProbability, 1e-6);
    }

    [Theory]
    [InlineData("alarm")]
    [InlineData("link")]
    public void ComputeMetrics_Posterior_SizesTheWorkAndFindsNoDeviation(string network)
    {
        var bench = new PosteriorBenchmarks { Network = network, WarmupTime = TimeSpan.Zero };

        IReadOnlyDictionary<string, double> metrics = bench.ComputeMetrics(nameof(PosteriorBenchmarks.Posterior));

        Assert.Equal(18, metrics["queries"]);
        Assert.InRange(metrics["targets_per_query"], 1, 4);
        Assert.InRange(metrics["max_deviation"], 0, 1e-6);
    }

    [Fact]
    public void ComputeMetrics_Mpe_FindsNoDeviation()
    {
        var bench = new MpeBenchmarks { Network = "alarm" };

        IReadOnlyDictionary<string, double> metrics = bench.ComputeMetrics(nameof(MpeBenchmarks.Mpe));

        Assert.Equal(4, metrics["queries"]);
        Assert.Equal(37, metrics["variables"]);
        Assert.InRange(metrics["max_deviation"], 0, 1e-6);
    }

    [Fact]
    public void Benchmarks_WithoutOrderReuse_SameAnswers()
    {
        var posterior = new PosteriorBenchmarks { Network = "alarm", ReuseOrders = false, WarmupTime = TimeSpan.Zero };
        var intervention = new DoQueryBenchmarks { Network = "alarm", ReuseOrders = false, WarmupTime = TimeSpan.Zero };
        var mpe = new MpeBenchmarks { Network = "alarm", ReuseOrders = false, WarmupTime = TimeSpan.Zero };
        posterior.Setup();
        intervention.Setup();
        mpe.Setup();

        foreach (PreparedQuery query in CausalBenchData.LoadQueries("alarm", CausalQueryKind.Posterior))
        {
            AssertMatches(query, posterior.Posterior());
        }

        foreach (PreparedQuery query in CausalBenchData.LoadQueries("alarm", CausalQueryKind.Do, CausalQueryKind.DoObserve))
        {
            AssertMatches(query, intervention.Do());
        }

        foreach (PreparedQuery query in CausalBenchData.LoadQueries("alarm", CausalQueryKind.Mpe))
        {
            Assert.Equal(query.Source.Expected.LogProbability!.Value, mpe.Mpe().LogProbability, 1e-6);
        }
    }

    [Fact]
    public void Setup_AfterWarmup_StartsAgainAtTheFirstQuery()
    {
        var bench = new PosteriorBenchmarks { Network = "alarm", WarmupTime = TimeSpan.FromMilliseconds(50) };
        bench.Setup();
        IReadOnlyList<PreparedQuery> queries = CausalBenchData.LoadQueries("alarm", CausalQueryKind.Posterior);

        AssertMatches(queries[0], bench.Posterior());
        AssertMatches(queries[1], bench.Posterior());
    }

    [Fact]
    public void Posterior_BeforeSetup_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() => new PosteriorBenchmarks().Posterior());
    }

    [Fact]
    public void Setup_UnknownNetwork_ThrowsFileNotFound()
    {
        var bench = new DoQueryBenchmarks { Network = "no_such_network" };

        Assert.Throws<FileNotFoundException>(bench.Setup);
    }

    private static void AssertMatches(PreparedQuery query, Posterior posterior)
    {
        Assert.Equal(query.Targets.Length, posterior.Marginals.Count);
        foreach (Distribution marginal in posterior.Marginals)
        {
            Assert.Equal(1.0, marginal.Probabilities.Sum(), 1e-9);
            foreach ((string state, double expected) in query.Source.Expected.Marginals[marginal.Variable.Name])
            {
                Assert.True(Math.Abs(marginal[state] - expected) <= 1e-6, $"{query.Id}: P({marginal.Variable.Name} = {state}) = {marginal[state]}, fixture {expected}");
            }
        }
    }
}
