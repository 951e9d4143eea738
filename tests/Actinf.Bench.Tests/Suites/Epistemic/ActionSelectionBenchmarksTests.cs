using Actinf.Bench.Suites.Epistemic;

namespace Actinf.Bench.Tests.Suites.Epistemic;

public class ActionSelectionBenchmarksTests
{
    [Fact]
    public void Methods_AfterSetup_ReturnOneToThreeActionsEachTime()
    {
        using var bench = new ActionSelectionBenchmarks();
        bench.Setup();

        // Twice each: the clock passes the cooldown before every call, so the second call sees the same limiter.
        for (int round = 0; round < 2; round++)
        {
            Assert.InRange(bench.GenerateActions(), 1, 3);
            Assert.InRange(bench.SelectActionsEndToEnd(), 1, 3);
            Assert.InRange(bench.ObserveAndSelect(), 1, 3);
        }
    }
}
