using System.Text.Json;

namespace Actinf.Cli.Tests.Commands;

public sealed class ConformanceCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("actinf-conformance-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Fixtures(params string[] parts) => Path.Combine([RepositoryFolders.Root, "tests", "data", "conformance", .. parts]);

    [Fact]
    public void Conformance_SharedFixtureFolder_AllPassWithExitCodeZero()
    {
        (int code, string output, string error) = Cli.Invoke("conformance", Fixtures(), "--json");

        Assert.True(code == 0, error + output);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("passed").GetBoolean());
        JsonElement[] fixtures = [.. json.RootElement.GetProperty("fixtures").EnumerateArray()];
        Assert.Equal(41, fixtures.Length);
        Assert.All(fixtures, f => Assert.True(f.GetProperty("max_abs_error").GetDouble() <= 1e-8));
    }

    [Fact]
    public void Conformance_Table_ShowsOneRowPerFixtureAndClosingCounts()
    {
        (int code, string output, _) = Cli.Invoke("conformance", Fixtures("spm"));

        Assert.Equal(0, code);
        Assert.Contains("spm_mmp_a", output, StringComparison.Ordinal);
        Assert.Contains("max abs error", output, StringComparison.Ordinal);
        Assert.Contains("7 passed, 0 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Conformance_WrongExpectedAction_FailsWithExitCodeOne()
    {
        // agent_tmaze_default's first action is [3, 0] (check the cue); claim [1, 0] instead.
        string source = File.ReadAllText(Fixtures("pymdp", "agent_tmaze_default.json"));
        int at = source.IndexOf("\"action\":[3,0]", StringComparison.Ordinal);
        Assert.True(at > 0, "fixture layout changed");
        string broken = string.Concat(source.AsSpan(0, at), "\"action\":[1,0]", source.AsSpan(at + "\"action\":[3,0]".Length));
        string path = Path.Combine(_temp, "broken.json");
        File.WriteAllText(path, broken);

        (int code, string output, _) = Cli.Invoke("conformance", path);

        Assert.Equal(1, code);
        Assert.Contains("FAIL", output, StringComparison.Ordinal);
        Assert.Contains("action", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Conformance_MissingPath_ExitsTwoAndNamesIt()
    {
        string missing = Path.Combine(_temp, "nope");

        (int code, _, string error) = Cli.Invoke("conformance", missing);

        Assert.Equal(2, code);
        Assert.Contains("nope", error, StringComparison.Ordinal);
    }
}
