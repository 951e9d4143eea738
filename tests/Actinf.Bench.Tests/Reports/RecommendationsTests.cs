using Actinf.Bench.Analysis;
using Actinf.Bench.Reports;
using Actinf.Bench.Results;
using Actinf.Bench.Tests.Analysis;

namespace Actinf.Bench.Tests.Reports;

public class RecommendationsTests
{
    private static IReadOnlyList<string> For(params BenchmarkResult[] results)
    {
        BenchmarkRun run = SyntheticRuns.Run("r", SyntheticRuns.Start, results);
        return Recommendations.From(ReportData.Create(ReportFixture.Entries([run])));
    }

    [Fact]
    public void From_SyntheticHistory_CoversEveryFinding()
    {
        IReadOnlyList<string> items = Recommendations.From(ReportFixture.Synthetic());

        Assert.Collection(
            items,
            i => Assert.StartsWith($"Investigate `{SyntheticRuns.Grid}`: +31.8% slower", i, StringComparison.Ordinal),
            i => Assert.StartsWith($"Investigate `{SyntheticRuns.Fpi}`", i, StringComparison.Ordinal),
            i => Assert.StartsWith($"Cache `{SyntheticRuns.TransitionCache}` hits only 15.0%", i, StringComparison.Ordinal),
            i => Assert.Contains("on the hot path (suite inference)", i, StringComparison.Ordinal),
            i => Assert.Contains("speedup of 0.9x", i, StringComparison.Ordinal),
            i => Assert.StartsWith($"`{SyntheticRuns.Sparse}` is noisy", i, StringComparison.Ordinal));
    }

    [Fact]
    public void From_CleanRun_SaysNothingToDo()
    {
        IReadOnlyList<string> items = For(SyntheticRuns.Result("inference/A.Step", 1000, 0.01, 1));

        Assert.StartsWith("Nothing to do", Assert.Single(items), StringComparison.Ordinal);
    }

    [Fact]
    public void From_AllocationOutsideTheHotPath_IsNotFlaggedWithoutALimit()
    {
        IReadOnlyList<string> items = For(SyntheticRuns.Result("caching/A.Lookup", 1000, 0.01, 1, allocated: 32));

        Assert.StartsWith("Nothing to do", Assert.Single(items), StringComparison.Ordinal);
    }

    [Fact]
    public void From_AllocationAboveLimit_NamesTheLimit()
    {
        BenchmarkRun run = SyntheticRuns.Run("r", SyntheticRuns.Start, SyntheticRuns.Result("caching/A.Lookup", 1000, 0.01, 1, allocated: 32));
        var options = new ReportOptions { Gate = new GateOptions { MaxAllocatedBytesPerOp = 16 } };

        string item = Assert.Single(Recommendations.From(ReportData.Create(ReportFixture.Entries([run]), options: options)));

        Assert.Contains("32 B per operation, above the limit of 16 B", item, StringComparison.Ordinal);
    }

    [Fact]
    public void From_DeviationAboveTolerance_IsFlagged()
    {
        IReadOnlyList<string> items = For(SyntheticRuns.Result("selective/S.Update", 1000, 0.01, 1, metrics: new Dictionary<string, double> { ["max_deviation"] = 0.002 }));

        Assert.Contains("deviates from the full update by up to 0.002 (tolerance 1E-6)", Assert.Single(items), StringComparison.Ordinal);
    }

    [Fact]
    public void From_QuickRun_AsksForAFullRun()
    {
        BenchmarkRun run = SyntheticRuns.Run("r", SyntheticRuns.Start, SyntheticRuns.Result("inference/A.Step", 1000, 0.01, 1)) with { Quick = true };

        string item = Assert.Single(Recommendations.From(ReportData.Create(ReportFixture.Entries([run]))));

        Assert.Contains("--quick", item, StringComparison.Ordinal);
    }
}
