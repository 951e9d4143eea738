using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actinf.Cli.Tests.Commands;

/// <summary><c>actinf conformance</c> on causal-fixtures/1 files (the actinf-fixture/1 cases are in <see cref="ConformanceCommandTests"/>).</summary>
public sealed class ConformanceCommandCausalTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("actinf-conformance-causal-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Causal(params string[] parts) => Path.Combine([RepositoryFolders.Root, "tests", "data", "causal", .. parts]);

    [Fact]
    public void Conformance_CausalFixtureFolder_AllThirteenPassWithExitCodeZero()
    {
        (int code, string output, string error) = Cli.Invoke("conformance", Causal("fixtures"));

        Assert.True(code == 0, error + output);
        foreach (string name in new[] { "alarm", "andes", "asia", "cancer", "earthquake", "hailfinder", "hepar2", "link", "pathfinder", "pigs", "sachs", "survey", "win95pts" })
        {
            string row = output.Split('\n').Single(l => l.Contains($" {name} ", StringComparison.Ordinal));
            Assert.Contains("causal", row, StringComparison.Ordinal);
            Assert.Contains("pass", row, StringComparison.Ordinal);
        }

        Assert.Contains("13 passed, 0 failed", output, StringComparison.Ordinal);
        Assert.Contains("causal: 459 queries in", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Conformance_CausalJson_CarriesNetworkQueriesAndTimings()
    {
        (int code, string output, string error) = Cli.Invoke("conformance", Causal("fixtures", "asia.json"), Causal("fixtures", "cancer.json"), "--json");

        Assert.True(code == 0, error + output);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("passed").GetBoolean());
        JsonElement[] fixtures = [.. json.RootElement.GetProperty("fixtures").EnumerateArray()];
        Assert.Equal(2, fixtures.Length);
        JsonElement asia = fixtures[0];
        Assert.Equal("asia", asia.GetProperty("name").GetString());
        Assert.Equal("causal", asia.GetProperty("kind").GetString());
        Assert.Equal("asia.bif", asia.GetProperty("network").GetString());
        Assert.Equal(23, asia.GetProperty("steps").GetInt32());
        Assert.Equal(23, asia.GetProperty("queries").GetInt32());
        Assert.Equal(23, asia.GetProperty("query_timings").GetArrayLength());
        Assert.True(asia.GetProperty("max_abs_error").GetDouble() <= 1e-6);
        Assert.EndsWith(Path.Combine("networks", "asia.bif"), asia.GetProperty("network_path").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Conformance_MixedFolders_RunsBothFormatsInOneTable()
    {
        string conformance = Path.Combine(RepositoryFolders.Root, "tests", "data", "conformance", "spm");

        (int code, string output, string error) = Cli.Invoke("conformance", conformance, Causal("fixtures", "earthquake.json"));

        Assert.True(code == 0, error + output);
        Assert.Contains("spm_mmp_a", output, StringComparison.Ordinal);
        Assert.Contains("earthquake", output, StringComparison.Ordinal);
        Assert.Contains("8 passed, 0 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Conformance_NetworksOption_IsSearchedInOrderBeforeTheFallback()
    {
        // The fixture sits alone (no ../networks); --networks names an empty folder, then the real one.
        string fixtures = Directory.CreateDirectory(Path.Combine(_temp, "fixtures")).FullName;
        string empty = Directory.CreateDirectory(Path.Combine(_temp, "empty")).FullName;
        File.Copy(Causal("fixtures", "cancer.json"), Path.Combine(fixtures, "cancer.json"));

        (int missing, string missingOutput, _) = Cli.Invoke("conformance", fixtures, "--networks", empty);
        (int code, string output, string error) = Cli.Invoke("conformance", fixtures, "--networks", empty, "--networks", Causal("networks"), "--json");

        Assert.Equal(1, missing);
        Assert.Contains("network 'cancer.bif' not found", missingOutput, StringComparison.Ordinal);
        Assert.True(code == 0, error + output);
        using JsonDocument json = JsonDocument.Parse(output);
        string networkPath = json.RootElement.GetProperty("fixtures")[0].GetProperty("network_path").GetString()!;
        Assert.Equal(Path.Combine(Causal("networks"), "cancer.bif"), networkPath);
    }

    [Fact]
    public void Conformance_AlteredCausalExpectation_FailsNamingTheQuery()
    {
        // asia-pub-marginal-01 has P(asia = yes) = 0.01; claim 0.5.
        JsonObject root = JsonNode.Parse(File.ReadAllText(Causal("fixtures", "asia.json")))!.AsObject();
        JsonNode query = root["queries"]!.AsArray().Single(q => (string?)q!["id"] == "asia-pub-marginal-01")!;
        query["expected"]!["marginals"]!["asia"]!["yes"] = 0.5;
        string path = Path.Combine(_temp, "asia-broken.json");
        File.WriteAllText(path, root.ToJsonString());

        (int code, string output, _) = Cli.Invoke("conformance", path, "--networks", Causal("networks"));

        Assert.Equal(1, code);
        Assert.Contains("FAIL", output, StringComparison.Ordinal);
        Assert.Contains("asia-pub-marginal-01: marginals[asia][yes]: expected 0.5, got 0.01", output, StringComparison.Ordinal);
    }
}
