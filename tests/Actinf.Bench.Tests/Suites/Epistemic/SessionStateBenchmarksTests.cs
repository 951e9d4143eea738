using Actinf.Bench.Suites.Epistemic;

namespace Actinf.Bench.Tests.Suites.Epistemic;

public class SessionStateBenchmarksTests
{
    [Fact]
    public void EveryBenchmark_RoundTripsTheSameSession_AndFormatTwoIsTheShorter()
    {
        using var bench = new SessionStateBenchmarks();
        bench.Setup();

        int exported = bench.Export();
        Assert.Equal(bench.CurrentLength, exported);
        Assert.Equal(bench.VersionOneLength, bench.ExportVersionOneLayout());
        Assert.Equal(bench.CurrentUtf8Length, bench.ExportUtf8());
        Assert.Equal(bench.CurrentUtf8Length, bench.ExportUtf8()); // the reused buffer starts empty each time

        // Importing either document leaves the session as it was: the next export has the same length (and the
        // epistemic tests check the bytes).
        bench.ImportVersionOne();
        Assert.Equal(exported, bench.Export());
        bench.Import();
        Assert.Equal(exported, bench.Export());
        bench.ImportUtf8();
        Assert.Equal(exported, bench.Export());

        // 1536-dimensional vectors: base64 takes 16/3 characters a float, decimal text more for non-zero values.
        Assert.InRange(bench.CurrentLength, 50_000, bench.VersionOneLength - 1);
    }
}
