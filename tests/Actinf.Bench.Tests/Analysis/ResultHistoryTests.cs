using Actinf.Bench.Analysis;
using Actinf.Bench.Results;

namespace Actinf.Bench.Tests.Analysis;

public sealed class ResultHistoryTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Load_CheckedInHistory_OrdersByTimeAndSkipsTheBaseline()
    {
        ResultHistory history = ResultHistory.Load(SyntheticRuns.DataDirectory);

        Assert.Equal(SyntheticRuns.History().Select(r => r.RunId), history.Runs.Select(r => r.Run.RunId));
        Assert.Empty(history.Skipped);
        Assert.Equal(SyntheticRuns.History()[^1].RunId, history.Latest!.Run.RunId);
    }

    [Fact]
    public void Load_OrdersByUtcTimeNotFileName()
    {
        IReadOnlyList<BenchmarkRun> runs = SyntheticRuns.History();
        _files.Write("a-newest.json", BenchmarkRunJson.Write(runs[2]));
        _files.Write("z-oldest.json", BenchmarkRunJson.Write(runs[0]));

        ResultHistory history = ResultHistory.Load(_files.Directory);

        Assert.Equal([runs[0].RunId, runs[2].RunId], history.Runs.Select(r => r.Run.RunId));
        Assert.EndsWith("a-newest.json", history.Latest!.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OtherJsonAndDuplicates_AreSkippedWithReasons()
    {
        BenchmarkRun run = SyntheticRuns.History()[0];
        _files.Write("one.json", BenchmarkRunJson.Write(run));
        _files.Write("two.json", BenchmarkRunJson.Write(run));
        _files.Write("model.json", "{\"schema\":\"actinf-model/1\"}");
        _files.Write("notes.txt", "not json");

        ResultHistory history = ResultHistory.Load(_files.Directory);

        Assert.Single(history.Runs);
        Assert.Equal(2, history.Skipped.Count);
        Assert.Contains(history.Skipped, s => s.Contains("model.json", StringComparison.Ordinal) && s.Contains("schema", StringComparison.Ordinal));
        Assert.Contains(history.Skipped, s => s.Contains("two.json", StringComparison.Ordinal) && s.Contains("already read", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_EmptyFolder_HasNoLatest()
    {
        ResultHistory history = ResultHistory.Load(_files.Directory);

        Assert.Empty(history.Runs);
        Assert.Null(history.Latest);
    }

    [Fact]
    public void Load_MissingFolder_ThrowsNamingIt()
    {
        string missing = Path.Combine(_files.Directory, "nope");

        DirectoryNotFoundException e = Assert.Throws<DirectoryNotFoundException>(() => ResultHistory.Load(missing));
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultBaselinePath_IsBaselineJsonInTheFolder()
    {
        Assert.Equal(Path.Combine("bench-results", "baseline.json"), ResultHistory.DefaultBaselinePath());
    }
}
