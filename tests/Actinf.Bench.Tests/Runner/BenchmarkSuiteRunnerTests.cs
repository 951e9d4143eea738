using System.Diagnostics;
using Actinf.Bench.Results;
using Actinf.Bench.Runner;

namespace Actinf.Bench.Tests.Runner;

[Collection(BenchmarkDotNetTests.Name)]
public sealed class BenchmarkSuiteRunnerTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Run_TinySuite_WritesOneSchemaFileWithStatisticsMetricsAndSpeedup()
    {
        var runner = new BenchmarkSuiteRunner(SuiteCatalog.FromTypes([typeof(TrivialBenchmarks), typeof(OtherTrivialBenchmarks)]));
        var progress = new RecordingProgress();

        BenchmarkRunOutcome outcome = runner.Run(Options(["trivial"]), progress);

        Assert.Empty(outcome.Failures);
        Assert.Equal(Path.Combine(_files.Directory, $"run-{outcome.Run.RunId}.json"), outcome.ResultPath);
        Assert.True(File.Exists(outcome.LogPath));
        Assert.Contains("BenchmarkRunner", File.ReadAllText(outcome.LogPath), StringComparison.Ordinal);

        BenchmarkRun run = BenchmarkRunJson.ReadFile(outcome.ResultPath);
        Assert.Equal(BenchmarkRun.SchemaName, run.Schema);
        Assert.Equal(outcome.Run.RunId, run.RunId);
        Assert.Equal(["trivial"], run.Suites);
        Assert.True(run.Quick);
        Assert.False(string.IsNullOrWhiteSpace(run.GitCommit));
        Assert.Equal(
            ["trivial/TrivialBenchmarks.Once(size=16)", "trivial/TrivialBenchmarks.Twice(size=16)"],
            run.Benchmarks.Select(b => b.Id));

        foreach (BenchmarkResult b in run.Benchmarks)
        {
            Assert.Equal("trivial", b.Suite);
            Assert.NotEmpty(b.Samples);
            Assert.InRange(b.MedianNs, b.Samples.Min(), b.Samples.Max());
            Assert.InRange(b.MeanNs, b.Samples.Min(), b.Samples.Max());
            Assert.True(b.P95Ns <= b.P99Ns && b.P99Ns <= b.Samples.Max(), $"{b.Id}: p95 {b.P95Ns}, p99 {b.P99Ns}, max {b.Samples.Max()}");
            Assert.True(b.StdDevNs >= 0);
            Assert.NotNull(b.AllocatedBytesPerOp);
            Assert.Equal(16, b.Metrics["size"]);
            Assert.False(b.Metrics.ContainsKey("not_finite"));
        }

        BenchmarkResult once = run.Benchmarks[0];
        BenchmarkResult twice = run.Benchmarks[1];
        Assert.Equal(1, once.Metrics["is_once"]);
        Assert.Equal(twice.MedianNs / once.MedianNs, once.Metrics["speedup"], 12);
        Assert.False(twice.Metrics.ContainsKey("speedup"));

        Assert.Equal(run.Benchmarks.Select(b => b.Id).Order(), progress.Planned.Order());
        Assert.Equal(progress.Planned.Order(), progress.Begun.Order());
        Assert.Equal(progress.Planned.Order(), progress.Finished.Order());
        Assert.Contains(progress.Stages, s => s.Contains("metrics", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(Path.GetTempPath(), $"actinf-bench-{run.RunId}")));
    }

    [Fact]
    public void Run_ClassWithItsOwnJob_RunsThatJobOnceInProcess()
    {
        var runner = new BenchmarkSuiteRunner(SuiteCatalog.FromTypes([typeof(OwnJobBenchmarks)]));

        BenchmarkRunOutcome outcome = runner.Run(Options(["trivial-own-job"]));

        Assert.Empty(outcome.Failures);
        BenchmarkResult result = Assert.Single(outcome.Run.Benchmarks);
        Assert.Equal("trivial-own-job/OwnJobBenchmarks.Sum", result.Id);
        Assert.Equal(3, result.Samples.Count);
        Assert.Contains("Toolchain=InProcessEmitToolchain", File.ReadAllText(outcome.LogPath), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownSuite_ThrowsBeforeWritingAnything()
    {
        var runner = new BenchmarkSuiteRunner(SuiteCatalog.FromTypes([typeof(TrivialBenchmarks)]));

        ArgumentException e = Assert.Throws<ArgumentException>(() => runner.Run(Options(["nope"])));

        Assert.Contains("Known suites: trivial.", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_files.Directory));
    }

    [Fact]
    public void Plan_QuickRun_KeepsEveryClassOfEverySuite()
    {
        var runner = new BenchmarkSuiteRunner();

        IReadOnlyList<PlannedBenchmark> quick = runner.Plan(new BenchmarkRunOptions { Quick = true });
        IReadOnlyList<PlannedBenchmark> full = runner.Plan(new BenchmarkRunOptions());

        Assert.True(quick.Count < full.Count);
        Assert.All(quick, p => Assert.Contains(p, full));
        Assert.Equal(Classes(full), Classes(quick));
        Assert.Equal(full.Select(p => p.Suite).Distinct(), quick.Select(p => p.Suite).Distinct());
    }

    [Fact]
    public void NewRunId_Time_IsUtcStampAndHexSuffix()
    {
        string id = BenchmarkSuiteRunner.NewRunId(new DateTimeOffset(2026, 1, 10, 5, 30, 12, TimeSpan.FromHours(2)));

        Assert.Matches(@"^20260110T033012Z-[0-9a-f]{6}$", id);
    }

    private static string[] Classes(IEnumerable<PlannedBenchmark> plan) =>
        [.. plan.Select(p => p.Id[..p.Id.IndexOf('.', StringComparison.Ordinal)]).Distinct().Order(StringComparer.Ordinal)];

    private BenchmarkRunOptions Options(string[] suites) => new()
    {
        Suites = suites,
        Quick = true,
        OutputDirectory = _files.Directory,
        AllowUnoptimizedBuild = true,
        Job = TrivialBenchmarks.TinyJob,
    };

    private sealed class RecordingProgress : IRunProgress
    {
        public List<string> Planned { get; } = [];

        public List<string> Begun { get; } = [];

        public List<string> Finished { get; } = [];

        public List<string> Stages { get; } = [];

        public void Started(IReadOnlyList<PlannedBenchmark> plan) => Planned.AddRange(plan.Select(p => p.Id));

        public void BenchmarkStarted(PlannedBenchmark benchmark) => Begun.Add(benchmark.Id);

        public void BenchmarkFinished(PlannedBenchmark benchmark, bool success)
        {
            Assert.True(success, benchmark.Id);
            Finished.Add(benchmark.Id);
        }

        public void Stage(string description) => Stages.Add(description);
    }
}
