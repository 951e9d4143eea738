using System.Text.Json;
using Actinf.Cli.Bench;

namespace Actinf.Cli.Tests.Commands;

public sealed class BenchCompareCommandTests : IDisposable
{
    private readonly BenchResultFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static (int ExitCode, string Output, string Error) Compare(params string[] args) =>
        BenchResultFiles.Invoke(BenchCompareCommand.Create(), ["compare", .. args]);

    [Fact]
    public void Compare_SyntheticHistory_PrintsOneRowPerBenchmarkWithVerdicts()
    {
        (int code, string output, string error) = Compare(BenchResultFiles.Data(BenchResultFiles.BaselineName), BenchResultFiles.Data(BenchResultFiles.LatestName));

        Assert.True(code == 0, error);
        string[] lines = output.Split('\n');
        string Row(string id) => Assert.Single(lines, l => l.Contains(id + " ", StringComparison.Ordinal));
        Assert.Matches(@"\+31\.8%.*<0\.0001.*slower.*severe", Row("inference/AgentStepBenchmarks.Step(model=grid7x7_plen3)"));
        Assert.Matches(@"slower.*moderate", Row("inference/FpiBenchmarks.Infer(states=64)"));
        Assert.Matches(@"slower.*minor", Row("caching/TransitionCacheBenchmarks.Lookup(size=256)"));
        Assert.Matches(@"noise.*none \(noise\)", Row("selective/SelectiveUpdateBenchmarks.Sparse(levels=3)"));
        Assert.Matches(@"-20\.7%.*faster.*moderate", Row("selective/SelectiveUpdateBenchmarks.Hierarchical(levels=4)"));
        Assert.Matches(@"-.*n/a.*added", Row("caching/LikelihoodCacheBenchmarks.Lookup(size=64)"));
        Assert.Matches(@"removed", Row("inference/MmpBenchmarks.Infer(horizon=3)"));
        Assert.Contains("3 slower (1 severe, 1 moderate, 1 minor), 1 faster, 2 noise, 1 added, 1 removed.", output, StringComparison.Ordinal);
        Assert.Contains("base median", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_Json_HasSummaryAndEveryBenchmark()
    {
        (int code, string output, string error) = Compare(BenchResultFiles.Data(BenchResultFiles.BaselineName), BenchResultFiles.Data(BenchResultFiles.LatestName), "--json");

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        Assert.Equal(["baseline", "current", "options", "summary", "benchmarks"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("summary").GetProperty("severe").GetInt32());
        Assert.Equal(8, root.GetProperty("benchmarks").GetArrayLength());
        JsonElement grid = root.GetProperty("benchmarks").EnumerateArray().Single(b => b.GetProperty("id").GetString()!.Contains("grid7x7", StringComparison.Ordinal));
        Assert.Equal("regression", grid.GetProperty("verdict").GetString());
        Assert.Equal("severe", grid.GetProperty("severity").GetString());
        Assert.Equal("exact", grid.GetProperty("test").GetString());
        Assert.True(grid.GetProperty("p_value").GetDouble() < 0.01);
        JsonElement added = root.GetProperty("benchmarks").EnumerateArray().Single(b => b.GetProperty("verdict").GetString() == "added");
        Assert.Equal(JsonValueKind.Null, added.GetProperty("base_median_ns").ValueKind);
    }

    [Fact]
    public void Compare_WiderThresholds_DowngradeSeverity()
    {
        (int code, string output, _) = Compare(BenchResultFiles.Data(BenchResultFiles.BaselineName), BenchResultFiles.Data(BenchResultFiles.LatestName), "--warn", "20", "--fail", "40");

        Assert.Equal(0, code);
        Assert.Contains("3 slower (0 severe, 1 moderate, 2 minor)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_MissingFile_FailsNamingIt()
    {
        string missing = Path.Combine(_files.Directory, "none.json");

        (int code, string output, string error) = Compare(BenchResultFiles.Data(BenchResultFiles.BaselineName), missing);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains($"error: new results {missing}: file not found.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NotAResultFile_FailsWithTheSchema()
    {
        string model = _files.Write("model.json", "{\"schema\":\"actinf-model/1\"}");

        (int code, _, string error) = Compare(model, BenchResultFiles.Data(BenchResultFiles.LatestName));

        Assert.Equal(1, code);
        Assert.Contains("expected 'actinf-bench-run/1'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--warn", "0", "--warn must be a positive percentage")]
    [InlineData("--alpha", "1.5", "--alpha must lie strictly between 0 and 1")]
    [InlineData("--fail", "5", "--fail (5) must be at least --warn (10)")]
    public void Compare_BadThreshold_IsAParseError(string option, string value, string message)
    {
        (int code, _, string error) = Compare(BenchResultFiles.Data(BenchResultFiles.BaselineName), BenchResultFiles.Data(BenchResultFiles.LatestName), option, value);

        Assert.NotEqual(0, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
