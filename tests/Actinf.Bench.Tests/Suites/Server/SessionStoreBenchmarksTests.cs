using Actinf.Bench.Suites.Server;

namespace Actinf.Bench.Tests.Suites.Server;

public class SessionStoreBenchmarksTests
{
    [Theory]
    [InlineData("full", "beliefs", 50_000, 500_000)]
    [InlineData("process", "actions", 500, 20_000)]
    public async Task Saves_EverySessionAdvancesByItsSaves_AndEverySaveIsCommitted(string durability, string part, int minBytes, int maxBytes)
    {
        using var bench = new SessionStoreBenchmarks { Durability = durability, Part = part };
        bench.Setup();
        Assert.InRange(bench.StateLength, minBytes, maxBytes);
        Assert.Equal(SessionStoreBenchmarks.Sessions, bench.CommittedWrites);

        Assert.Equal(1 + SessionStoreBenchmarks.SequentialSaves, await bench.SaveOneAtATime());

        // Each session was at version 1 (session 0 at 21); one concurrent round adds 1 to each.
        long expected = SessionStoreBenchmarks.Sessions + SessionStoreBenchmarks.SequentialSaves + SessionStoreBenchmarks.Sessions;
        Assert.Equal(expected, await bench.SaveConcurrently());
        Assert.Equal((2 * SessionStoreBenchmarks.Sessions) + SessionStoreBenchmarks.SequentialSaves, bench.CommittedWrites);
        Assert.True(bench.Commits <= bench.CommittedWrites);
    }
}
