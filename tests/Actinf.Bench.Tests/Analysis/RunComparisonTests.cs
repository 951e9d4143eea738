using Actinf.Bench.Analysis;
using Actinf.Bench.Results;

namespace Actinf.Bench.Tests.Analysis;

public class RunComparisonTests
{
    [Fact]
    public void Compare_SyntheticHistory_ClassifiesEveryBenchmark()
    {
        IReadOnlyList<BenchmarkRun> runs = SyntheticRuns.History();

        RunComparison comparison = RunComparison.Compare(runs[0], runs[^1]);

        Dictionary<string, BenchmarkComparison> byId = comparison.Benchmarks.ToDictionary(b => b.Id);
        Assert.Equal((ChangeKind.Regression, Severity.Severe), (byId[SyntheticRuns.Grid].Kind, byId[SyntheticRuns.Grid].Severity));
        Assert.Equal((ChangeKind.Regression, Severity.Moderate), (byId[SyntheticRuns.Fpi].Kind, byId[SyntheticRuns.Fpi].Severity));
        Assert.Equal((ChangeKind.Regression, Severity.Minor), (byId[SyntheticRuns.TransitionCache].Kind, byId[SyntheticRuns.TransitionCache].Severity));
        Assert.Equal(ChangeKind.Noise, byId[SyntheticRuns.Sparse].Kind);
        Assert.Equal(ChangeKind.Noise, byId[SyntheticRuns.Tmaze].Kind);
        Assert.Equal((ChangeKind.Improvement, Severity.Moderate), (byId[SyntheticRuns.Hierarchical].Kind, byId[SyntheticRuns.Hierarchical].Severity));
        Assert.Equal(ChangeKind.Added, byId[SyntheticRuns.LikelihoodCache].Kind);
        Assert.Equal(ChangeKind.Removed, byId[SyntheticRuns.Mmp].Kind);
        Assert.Equal(SyntheticRuns.Grid, comparison.WorstRegression!.Id);
        Assert.Equal([SyntheticRuns.Grid, SyntheticRuns.Fpi, SyntheticRuns.TransitionCache], comparison.Regressions.Select(r => r.Id));
        Assert.Equal(SyntheticRuns.Hierarchical, Assert.Single(comparison.Improvements).Id);
    }

    [Fact]
    public void Compare_Order_IsNewRunThenRemoved()
    {
        IReadOnlyList<BenchmarkRun> runs = SyntheticRuns.History();

        RunComparison comparison = RunComparison.Compare(runs[0], runs[^1]);

        Assert.Equal(runs[^1].Benchmarks.Select(b => b.Id).Append(SyntheticRuns.Mmp), comparison.Benchmarks.Select(b => b.Id));
    }

    [Fact]
    public void Compare_RunWithItself_IsAllNoise()
    {
        BenchmarkRun run = SyntheticRuns.History()[0];

        RunComparison comparison = RunComparison.Compare(run, run);

        Assert.All(comparison.Benchmarks, b => Assert.Equal((ChangeKind.Noise, Severity.None), (b.Kind, b.Severity)));
        Assert.Null(comparison.WorstRegression);
    }

    [Fact]
    public void Compare_DuplicateId_ThrowsNamingTheRun()
    {
        BenchmarkRun run = SyntheticRuns.History()[0];
        BenchmarkRun doubled = run with { Benchmarks = [.. run.Benchmarks, run.Benchmarks[0]] };

        ArgumentException e = Assert.Throws<ArgumentException>(() => RunComparison.Compare(run, doubled));
        Assert.Equal("current", e.ParamName);
        Assert.Contains(run.Benchmarks[0].Id, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_MissingId_ThrowsNamingTheRun()
    {
        BenchmarkRun run = SyntheticRuns.History()[0];
        BenchmarkRun noId = run with { Benchmarks = [run.Benchmarks[0] with { Id = null! }] };

        ArgumentException e = Assert.Throws<ArgumentException>(() => RunComparison.Compare(noId, run));
        Assert.Equal("baseline", e.ParamName);
        Assert.Contains("without an id", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_InvalidOptions_Throws()
    {
        BenchmarkRun run = SyntheticRuns.History()[0];

        Assert.Throws<ArgumentOutOfRangeException>(() => RunComparison.Compare(run, run, new ComparisonOptions { FailPercent = 1 }));
    }
}
