using Actinf.Bench.Suites.Epistemic;

namespace Actinf.Bench.Tests.Suites.Epistemic;

public class BeliefUpdateBenchmarksTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(1)]
    public void Update_AfterSetup_ConvergesWithinTheIterationLimit(int groups)
    {
        using var bench = new BeliefUpdateBenchmarks { ConnectionGroups = groups, WarmupTime = TimeSpan.Zero };
        bench.Setup();

        // Eight calls: one pass over the workload's questions (the default updater allows 10 iterations).
        int[] iterations = [.. Enumerable.Range(0, 8).Select(_ => bench.Update())];

        Assert.All(iterations, i => Assert.InRange(i, 1, 10));
    }

    [Fact]
    public void Update_Blocked_AllocatesNothing()
    {
        using var bench = new BeliefUpdateBenchmarks { WarmupTime = TimeSpan.Zero };
        bench.Setup();

        Assert.Equal(0, AllocationProbe.SteadyStateBytes(() => bench.Update()));
    }
}
