using Actinf.Bench.Suites.Caching;
using Actinf.Bench.Suites.Selective;

namespace Actinf.Bench.Tests.Suites.Selective;

public class SelectiveBenchmarksTests
{
    public static TheoryData<ShortcutBenchmarks> Skips => new()
    {
        new UnchangedObservationBenchmarks { Model = "grid3x3_plen1" },
        new UnchangedObservationBenchmarks { Model = "tmaze" },
        new UnchangedPolicyBenchmarks { Model = "tmaze_plen2" },
        new UnchangedPolicyBenchmarks { Model = "grid3x3_plen3" },
    };

    // The skips are exact: the run with the skip and the run without give bitwise identical posteriors, q(pi) and G.
    [Theory]
    [MemberData(nameof(Skips))]
    public void ComputeMetrics_ExactSkip_MaxDeviationIsExactlyZero(ShortcutBenchmarks bench)
    {
        IReadOnlyDictionary<string, double> on = bench.ComputeMetrics(nameof(ShortcutBenchmarks.On));

        Assert.Equal(0.0, on["max_deviation"]);
    }

    [Theory]
    [MemberData(nameof(Skips))]
    public void ComputeMetrics_On_SkipsSomeButNoMoreThanTotal(ShortcutBenchmarks bench)
    {
        IReadOnlyDictionary<string, double> on = bench.ComputeMetrics(nameof(ShortcutBenchmarks.On));

        Assert.InRange(on["ops_skipped"], 1, on["ops_total"]);
        Assert.Equal(on["ops_skipped"] / on["ops_total"], on["skip_rate"], 12);
    }

    [Theory]
    [MemberData(nameof(Skips))]
    public void ComputeMetrics_Off_SkipsNothingOfTheSameTotal(ShortcutBenchmarks bench)
    {
        IReadOnlyDictionary<string, double> on = bench.ComputeMetrics(nameof(ShortcutBenchmarks.On));
        IReadOnlyDictionary<string, double> off = bench.ComputeMetrics(nameof(ShortcutBenchmarks.Off));

        Assert.Equal(0, off["ops_skipped"]);
        Assert.Equal(on["ops_total"], off["ops_total"]);
        Assert.False(off.ContainsKey("max_deviation"));
    }

    [Fact]
    public void ComputeMetrics_GridAgentAtItsGoal_SkipsMostStateInferences()
    {
        IReadOnlyDictionary<string, double> on = new UnchangedObservationBenchmarks { Model = "grid3x3_plen1" }.ComputeMetrics(nameof(ShortcutBenchmarks.On));

        Assert.Equal(ShortcutComparison.DefaultSteps, on["ops_total"]);
        Assert.True(on["skip_rate"] > 0.5, $"skip rate {on["skip_rate"]}");
    }

    [Fact]
    public void AddOps_MoreSkippedThanTotal_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SelectiveMetrics.AddOps(new Dictionary<string, double>(), total: 3, skipped: 4));

        Assert.Equal("skipped", e.ParamName);
    }
}
