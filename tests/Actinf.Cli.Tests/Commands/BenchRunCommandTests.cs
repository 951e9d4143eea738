using Actinf.Bench.Results;
using Actinf.Bench.Runner;
using Actinf.Cli.Bench;

namespace Actinf.Cli.Tests.Commands;

public class BenchRunCommandTests
{
    [Fact]
    public void List_AllSuites_PrintsEachSuiteWithStableIdsAndWritesNothing()
    {
        string output = Path.Combine(Path.GetTempPath(), "actinf-run-list-" + Guid.NewGuid().ToString("N"));

        (int code, string stdout, string stderr) = Cli.Invoke("bench", "run", "--list", "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Contains("inference (", stdout, StringComparison.Ordinal);
        Assert.Contains("caching (", stdout, StringComparison.Ordinal);
        Assert.Contains("selective (", stdout, StringComparison.Ordinal);
        Assert.Contains("  inference/AgentStepBenchmarks.Step(model=tmaze,shortcuts=All)", stdout, StringComparison.Ordinal);
        Assert.Contains("  caching/PolicyPrefixBenchmarks.On(model=grid7x7_plen3)", stdout, StringComparison.Ordinal);
        Assert.Contains("  selective/UnchangedObservationBenchmarks.Off(model=grid3x3_plen1)", stdout, StringComparison.Ordinal);
        Assert.Matches(@"\d+ benchmarks in \d+ suites\.", stdout);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void List_QuickWithSeveralSuites_PrintsOnlyThoseSuitesQuickSubset()
    {
        (int code, string stdout, string stderr) = Cli.Invoke("bench", "run", "--list", "--quick", "--suite", "Selective", "caching");

        Assert.True(code == 0, stderr);
        Assert.Contains("caching (", stdout, StringComparison.Ordinal);
        Assert.Contains("selective (", stdout, StringComparison.Ordinal);
        Assert.Contains(", quick)", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("inference/", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("grid15x15", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownSuite_FailsListingTheKnownSuites()
    {
        (int code, string stdout, string stderr) = Cli.Invoke("bench", "run", "--suite", "inference", "nope", "--quick");

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: Unknown suite 'nope'. Known suites: ", stderr, StringComparison.Ordinal);
        Assert.Contains("caching", stderr, StringComparison.Ordinal);
        Assert.Contains("inference", stderr, StringComparison.Ordinal);
        Assert.Contains("selective", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteSummary_Run_ShowsEachBenchmarkAndThePaths()
    {
        var result = new BenchmarkResult(
            "caching", "caching/PolicyPrefixBenchmarks.On(model=tmaze_plen2)", [3000, 3100], 3050, 3050, 3095, 3099, 70, 0,
            new Dictionary<string, double> { ["speedup"] = 2.5, ["hit_rate"] = 0.375, ["max_deviation"] = 0 });
        var run = new BenchmarkRun(
            BenchmarkRun.SchemaName, "20260110T053012Z-abcdef", DateTimeOffset.UnixEpoch, "0123abc", true,
            new MachineInfo(2, "AMD EPYC", 1L << 30, "Linux", "10.0.0"), ["caching"], [result]);
        using var writer = new StringWriter();

        RunReportWriter.WriteSummary(writer, new BenchmarkRunOutcome(run, "out/run-x.json", "out/run-x.log", []));

        string text = writer.ToString();
        Assert.Contains("  PolicyPrefixBenchmarks.On(model=tmaze_plen2)  speedup=", text, StringComparison.Ordinal);
        Assert.Contains("speedup=2.50x", text, StringComparison.Ordinal);
        Assert.Contains("hit_rate=37.5%", text, StringComparison.Ordinal);
        Assert.Contains("results: out/run-x.json", text, StringComparison.Ordinal);
        Assert.Contains("BenchmarkDotNet log: out/run-x.log", text, StringComparison.Ordinal);
    }
}
