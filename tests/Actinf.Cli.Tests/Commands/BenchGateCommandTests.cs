using Actinf.Cli.Bench;

namespace Actinf.Cli.Tests.Commands;

public sealed class BenchGateCommandTests : IDisposable
{
    private readonly BenchResultFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static (int ExitCode, string Output, string Error) Gate(params string[] args) =>
        BenchResultFiles.Invoke(BenchGateCommand.Create(), ["gate", .. args]);

    private static string Baseline => BenchResultFiles.Data(BenchResultFiles.BaselineName);

    [Fact]
    public void Gate_ScaledByOnePointFive_ExitsOneWithALinePerFailure()
    {
        string slow = _files.Scaled(BenchResultFiles.BaselineName, 1.5);

        (int code, string output, string error) = Gate("--baseline", Baseline, "--results", slow);

        Assert.True(code == 1, error);
        Assert.Equal(7, output.Split('\n').Count(l => l.StartsWith("FAIL severe regression: ", StringComparison.Ordinal)));
        Assert.Contains("(+50.0%, p <0.0001); fails above 25%", output, StringComparison.Ordinal);
        Assert.Contains("gate: FAILED (7 failing checks, 0 warnings;", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_ScaledByOnePointZeroTwo_ExitsZero()
    {
        string slightlySlower = _files.Scaled(BenchResultFiles.BaselineName, 1.02);

        (int code, string output, string error) = Gate("--baseline", Baseline, "--results", slightlySlower);

        Assert.True(code == 0, output + error);
        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
        Assert.Contains("gate: passed (0 failing checks, 0 warnings;", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_Faster_ExitsZero()
    {
        string faster = _files.Scaled(BenchResultFiles.BaselineName, 0.6);

        (int code, string output, _) = Gate("--baseline", Baseline, "--results", faster);

        Assert.Equal(0, code);
        Assert.Contains("7 faster", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_DefaultResults_IsTheNewestRunInTheHistory()
    {
        (int code, string output, _) = Gate("--history", BenchResultFiles.DataDirectory);

        Assert.Equal(1, code);
        Assert.Contains($"{BenchResultFiles.LatestName} (run 20250110T060000Z-synthetic5) against baseline", output, StringComparison.Ordinal);
        Assert.Contains("FAIL severe regression: inference/AgentStepBenchmarks.Step(model=grid7x7_plen3)", output, StringComparison.Ordinal);
        Assert.Contains("FAIL hit rate: caching/TransitionCacheBenchmarks.Lookup(size=256): 15.0% below the minimum 20.0%", output, StringComparison.Ordinal);
        Assert.Contains("WARN moderate regression: inference/FpiBenchmarks.Infer(states=64)", output, StringComparison.Ordinal);
        Assert.Contains("note removed: inference/MmpBenchmarks.Infer(horizon=3)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_MaxAllocZero_FailsTheAllocatingBenchmark()
    {
        (int code, string output, _) = Gate("--history", BenchResultFiles.DataDirectory, "--max-alloc", "0", "--min-hit-rate", "0.1", "--fail", "40", "--warn", "35");

        Assert.Equal(1, code);
        string failure = Assert.Single(output.Split('\n'), l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Equal("FAIL allocation: inference/AgentStepBenchmarks.Step(model=grid7x7_plen3): 48 B/op above the limit 0 B/op", failure);
    }

    [Fact]
    public void Gate_LowerMinimumAndWiderThresholds_Passes()
    {
        (int code, string output, _) = Gate("--history", BenchResultFiles.DataDirectory, "--min-hit-rate", "0.1", "--fail", "40");

        Assert.Equal(0, code);
        Assert.Contains("gate: passed (0 failing checks, 2 warnings;", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_NoBaseline_FailsWithAHint()
    {
        string history = Path.Combine(_files.Directory, "results");
        _files.Copy(BenchResultFiles.LatestName, Path.Combine("results", "run.json"));

        (int code, string output, string error) = Gate("--history", history);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains($"error: baseline {Path.Combine(history, "baseline.json")}: file not found.", error, StringComparison.Ordinal);
        Assert.Contains("--promote", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_EmptyHistory_Fails()
    {
        string history = Path.Combine(_files.Directory, "empty");
        Directory.CreateDirectory(history);

        (int code, _, string error) = Gate("--baseline", Baseline, "--history", history);

        Assert.Equal(1, code);
        Assert.Contains("has no result files", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Promote_CopiesToTheDefaultBaselineOfTheHistory()
    {
        string history = Path.Combine(_files.Directory, "results");
        string source = _files.Copy(BenchResultFiles.LatestName, Path.Combine("results", "run.json"));

        (int code, string output, string error) = Gate("--promote", source, "--history", history);

        Assert.True(code == 0, error);
        string baseline = Path.Combine(history, "baseline.json");
        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(baseline));
        Assert.Contains($"promoted {source} (run 20250110T060000Z-synthetic5, commit synthetic, 7 benchmarks) to {baseline}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Promote_BaselineOut_WritesThere()
    {
        string target = Path.Combine(_files.Directory, "ci", "base.json");

        (int code, _, _) = Gate("--promote", BenchResultFiles.Data(BenchResultFiles.LatestName), "--baseline-out", target);

        Assert.Equal(0, code);
        Assert.True(File.Exists(target));
    }

    [Fact]
    public void Promote_InvalidRun_RefusesAndWritesNothing()
    {
        string source = _files.Write("bad.json", File.ReadAllText(BenchResultFiles.Data(BenchResultFiles.LatestName)).Replace("\"median_ns\": ", "\"median_ns\": -", StringComparison.Ordinal));
        string target = Path.Combine(_files.Directory, "baseline.json");

        (int code, string output, string error) = Gate("--promote", source, "--baseline-out", target);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("cannot be a baseline", error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Promote_WithBaseline_IsAParseError()
    {
        (int code, _, string error) = Gate("--promote", Baseline, "--baseline", Baseline);

        Assert.NotEqual(0, code);
        Assert.Contains("--promote", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_NegativeMaxAlloc_IsAParseError()
    {
        (int code, _, string error) = Gate("--baseline", Baseline, "--max-alloc", "-1");

        Assert.NotEqual(0, code);
        Assert.Contains("--max-alloc must be 0 or more", error, StringComparison.Ordinal);
    }
}
