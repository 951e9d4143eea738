using Actinf.Bench.Analysis;
using Actinf.Bench.Results;

namespace Actinf.Bench.Tests.Analysis;

public sealed class BaselinePromotionTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Promote_ValidRun_CopiesBytesAndCreatesTheFolder()
    {
        BenchmarkRun run = SyntheticRuns.History()[^1];
        string source = _files.Write("run.json", BenchmarkRunJson.Write(run));
        string destination = Path.Combine(_files.Directory, "results", "baseline.json");

        BenchmarkRun promoted = BaselinePromotion.Promote(source, destination);

        Assert.Equal(run.RunId, promoted.RunId);
        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(destination));
    }

    [Fact]
    public void Promote_ReplacesAnExistingBaseline()
    {
        IReadOnlyList<BenchmarkRun> runs = SyntheticRuns.History();
        string destination = _files.Write("baseline.json", BenchmarkRunJson.Write(runs[0]));
        string source = _files.Write("new.json", BenchmarkRunJson.Write(runs[1]));

        BaselinePromotion.Promote(source, destination);

        Assert.Equal(runs[1].RunId, BenchmarkRunJson.ReadFile(destination).RunId);
    }

    [Fact]
    public void Promote_OntoItself_LeavesTheFile()
    {
        string path = _files.Write("baseline.json", BenchmarkRunJson.Write(SyntheticRuns.History()[0]));

        BaselinePromotion.Promote(path, path);

        Assert.Equal(SyntheticRuns.History()[0].RunId, BenchmarkRunJson.ReadFile(path).RunId);
    }

    [Fact]
    public void Promote_RunWithoutSamples_RefusesAndWritesNothing()
    {
        BenchmarkRun run = SyntheticRuns.History()[0];
        BenchmarkRun bad = run with { Benchmarks = [run.Benchmarks[0] with { Samples = [] }] };
        string source = _files.Write("bad.json", BenchmarkRunJson.Write(bad));
        string destination = Path.Combine(_files.Directory, "baseline.json");

        FormatException e = Assert.Throws<FormatException>(() => BaselinePromotion.Promote(source, destination));

        Assert.Contains(source, e.Message, StringComparison.Ordinal);
        Assert.Contains("no samples", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(destination));
    }

    [Fact]
    public void Promote_NotAResultFile_Throws()
    {
        string source = _files.Write("model.json", "{\"schema\":\"actinf-model/1\"}");

        Assert.Throws<FormatException>(() => BaselinePromotion.Promote(source, Path.Combine(_files.Directory, "b.json")));
    }

    [Fact]
    public void Promote_MissingFile_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => BaselinePromotion.Promote(Path.Combine(_files.Directory, "none.json"), Path.Combine(_files.Directory, "b.json")));
    }
}
