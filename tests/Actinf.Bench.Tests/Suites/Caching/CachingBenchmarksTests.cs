using Actinf.Bench.Suites.Caching;
using Actinf.Core.Agents;

namespace Actinf.Bench.Tests.Suites.Caching;

public class CachingBenchmarksTests
{
    public static TheoryData<ShortcutBenchmarks> ExactCaches => new()
    {
        new PolicyPrefixBenchmarks { Model = "tmaze_plen2" },
        new PolicyPrefixBenchmarks { Model = "grid3x3_plen3" },
        new LikelihoodTermsCacheBenchmarks { Model = "tmaze" },
        new LikelihoodTermsCacheBenchmarks { Model = "learn_AB" },
        new PolicyScoreReuseBenchmarks { Model = "tmaze_plen2" },
    };

    [Theory]
    [MemberData(nameof(ExactCaches))]
    public void ComputeMetrics_ExactCache_HitRateInUnitIntervalAndNoDeviation(ShortcutBenchmarks bench)
    {
        IReadOnlyDictionary<string, double> on = bench.ComputeMetrics(nameof(ShortcutBenchmarks.On));

        Assert.InRange(on["hit_rate"], 0.0, 1.0);
        Assert.InRange(on["hits"], 0, on["lookups"]);
        Assert.Equal(on["hits"] / on["lookups"], on["hit_rate"], 12);
        Assert.Equal(0, on["max_deviation"]);
        Assert.True(on["cache_bytes"] >= 0);
        Assert.Equal(ShortcutComparison.DefaultSteps, on["steps"]);
        Assert.All(on.Values, v => Assert.True(double.IsFinite(v)));
    }

    [Theory]
    [MemberData(nameof(ExactCaches))]
    public void ComputeMetrics_OffCase_HasNoHitRate(ShortcutBenchmarks bench)
    {
        Assert.False(bench.ComputeMetrics(nameof(ShortcutBenchmarks.Off)).ContainsKey("hit_rate"));
    }

    [Fact]
    public void ComputeMetrics_PrefixTreeOfFiveActionsThreeSteps_SavesTheSharedPrefixes()
    {
        IReadOnlyDictionary<string, double> on = new PolicyPrefixBenchmarks { Model = "grid3x3_plen3" }.ComputeMetrics(nameof(ShortcutBenchmarks.On));

        // 155 tree nodes instead of 375 policy-steps per policy inference.
        Assert.Equal(1 - (155.0 / 375.0), on["hit_rate"], 12);
        Assert.True(on["memory_overhead_bytes"] < 0, "fewer nodes, smaller buffers");
    }

    [Fact]
    public void ComputeMetrics_LikelihoodTermsWithLearning_RebuildsAfterEveryUpdate()
    {
        IReadOnlyDictionary<string, double> learning = new LikelihoodTermsCacheBenchmarks { Model = "learn_AB" }.ComputeMetrics(nameof(ShortcutBenchmarks.On));
        IReadOnlyDictionary<string, double> fixedA = new LikelihoodTermsCacheBenchmarks { Model = "tmaze" }.ComputeMetrics(nameof(ShortcutBenchmarks.On));

        Assert.Equal(learning["lookups"] - (1 + ShortcutComparison.DefaultSteps), learning["hits"]);
        Assert.Equal(fixedA["lookups"] - 1, fixedA["hits"]);
        Assert.True(fixedA["cache_bytes"] > 0);
    }

    [Fact]
    public void ComputeMetrics_SparseTransitions_CountsCompressedMatricesWithRoundingDeviation()
    {
        IReadOnlyDictionary<string, double> on = new SparseTransitionsBenchmarks { Model = "grid7x7_plen3" }.ComputeMetrics(nameof(ShortcutBenchmarks.On));

        Assert.Equal(5, on["transition_matrices"]);
        Assert.Equal(5, on["sparse_matrices"]);
        Assert.Equal(1.0 / 49, on["nonzero_fraction"], 12);
        Assert.InRange(on["max_deviation"], 0, 1e-12);
        Assert.True(on["memory_overhead_bytes"] > 0);
        Assert.False(on.ContainsKey("hit_rate"));
    }

    [Fact]
    public void Sides_EveryCachingClass_DifferOnlyInItsShortcut()
    {
        ShortcutBenchmarks[] all = [new PolicyPrefixBenchmarks(), new LikelihoodTermsCacheBenchmarks(), new SparseTransitionsBenchmarks(), new PolicyScoreReuseBenchmarks()];

        Assert.All(all, b => Assert.Equal(b.Shortcut, b.ShortcutsOn ^ b.ShortcutsOff));
        Assert.All(all, b => Assert.Equal(ComputeShortcuts.CachesOnly, b.Reference));
    }

    [Fact]
    public void OnAndOff_AfterSetup_RunAndAllocateNothing()
    {
        var bench = new PolicyPrefixBenchmarks { Model = "tmaze_plen2" };
        foreach ((Action setup, Func<int> step) in new (Action, Func<int>)[] { (bench.SetupOff, bench.Off), (bench.SetupOn, bench.On) })
        {
            setup();
            step();

            Assert.Equal(0, AllocationProbe.SteadyStateBytes(() => step()));
        }
    }

    [Fact]
    public void On_BeforeSetup_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() => new PolicyPrefixBenchmarks().On());
    }
}
