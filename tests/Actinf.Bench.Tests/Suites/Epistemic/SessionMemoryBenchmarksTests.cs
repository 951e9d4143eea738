using Actinf.Bench.Suites.Epistemic;

namespace Actinf.Bench.Tests.Suites.Epistemic;

public class SessionMemoryBenchmarksTests
{
    [Fact]
    public void CreateSessionsWithOneObservation_TenThousandSessions_LastOneWellUnderTheBudget()
    {
        var bench = new SessionMemoryBenchmarks();
        bench.Setup();

        long bytes = bench.CreateSessionsWithOneObservation();

        // One observation: layer means, four 1536-float vectors, one history entry and one domain centroid, about
        // 40 KB; the seed 004 budget is 2 MB per session.
        Assert.InRange(bytes, 20_000, 2 * 1024 * 1024);
    }
}
