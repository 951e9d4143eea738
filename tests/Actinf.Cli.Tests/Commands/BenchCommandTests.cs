using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actinf.Cli.Tests.Commands;

public class BenchCommandTests
{
    [Fact]
    public void StepJson_SmallModel_PrintsOnlyJsonWithRequiredKeys()
    {
        (int code, string output, string error) = Cli.Invoke("bench", "step", Cli.BenchModel("tmaze"), "--json", "--steps", "200");

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement model = Assert.Single(json.RootElement.GetProperty("models").EnumerateArray());
        string[] keys = [.. model.EnumerateObject().Select(p => p.Name)];
        Assert.Equal(["name", "median_us", "p95_us", "alloc_bytes_per_step"], keys[..4]);
        Assert.Equal("tmaze", model.GetProperty("name").GetString());
        Assert.True(model.GetProperty("median_us").GetDouble() > 0);
        Assert.True(model.GetProperty("median_us").GetDouble() <= model.GetProperty("p95_us").GetDouble());
        Assert.True(model.GetProperty("alloc_bytes_per_step").GetDouble() >= 0);
        Assert.Equal(200, model.GetProperty("steps").GetInt32());
        Assert.True(model.GetProperty("pymdp_median_us").GetDouble() > 0);
        Assert.Equal(["models"], json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Step_Table_NamesModelAndPymdpColumns()
    {
        (int code, string output, string error) = Cli.Invoke("bench", "step", Cli.BenchModel("tmaze"), "--steps", "200");

        Assert.True(code == 0, error);
        Assert.Contains("tmaze", output, StringComparison.Ordinal);
        Assert.Contains("pymdp median", output, StringComparison.Ordinal);
        Assert.Contains("speed-up", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_ModelWithoutBench_FailsNamingTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"actinf-nobench-{Guid.NewGuid():N}.json");
        JsonNode node = JsonNode.Parse(File.ReadAllText(Cli.BenchModel("tmaze")))!;
        node.AsObject().Remove("bench");
        File.WriteAllText(path, node.ToJsonString());
        try
        {
            (int code, string output, string error) = Cli.Invoke("bench", "step", path, "--json");

            Assert.NotEqual(0, code);
            Assert.Equal("", output);
            Assert.Contains(path, error, StringComparison.Ordinal);
            Assert.Contains("bench", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Step_MissingFile_FailsNamingTheFile()
    {
        (int code, _, string error) = Cli.Invoke("bench", "step", "no-such-model.json");

        Assert.NotEqual(0, code);
        Assert.Contains("no-such-model.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_MissingBaseline_FailsNamingIt()
    {
        (int code, _, string error) = Cli.Invoke("bench", "step", Cli.BenchModel("tmaze"), "--steps", "200", "--baseline", "no-such-baseline.json");

        Assert.NotEqual(0, code);
        Assert.Contains("no-such-baseline.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_NonPositiveSteps_IsAParseError()
    {
        (int code, _, string error) = Cli.Invoke("bench", "step", Cli.BenchModel("tmaze"), "--steps", "0");

        Assert.NotEqual(0, code);
        Assert.Contains("--steps", error, StringComparison.Ordinal);
    }

    [Fact]
    public void StepJson_Recorded_TimesTheFilesIterations()
    {
        (int code, string output, string error) = Cli.Invoke("bench", "step", Cli.BenchModel("tmaze_plen2"), "--json", "--recorded", "--shortcuts", "caches-only");

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement model = Assert.Single(json.RootElement.GetProperty("models").EnumerateArray());
        Assert.Equal(183, model.GetProperty("steps").GetInt32());
        Assert.Equal("CachesOnly", model.GetProperty("shortcuts").GetString());
    }

    [Fact]
    public void Step_RecordedAndSteps_IsAParseError()
    {
        (int code, _, string error) = Cli.Invoke("bench", "step", Cli.BenchModel("tmaze"), "--recorded", "--steps", "10");

        Assert.NotEqual(0, code);
        Assert.Contains("--recorded", error, StringComparison.Ordinal);
    }

    [Fact]
    public void StepHelp_ShowsAnExample()
    {
        (int code, string output, _) = Cli.Invoke("bench", "step", "--help");

        Assert.Equal(0, code);
        Assert.Contains("actinf bench step tests/data/bench-models/", output, StringComparison.Ordinal);
    }
}
