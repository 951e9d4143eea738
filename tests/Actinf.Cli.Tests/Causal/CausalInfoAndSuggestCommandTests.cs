using System.Text.Json;

namespace Actinf.Cli.Tests.Causal;

public sealed class CausalInfoAndSuggestCommandTests
{
    // P(lung = yes | dysp = yes) in asia by exact enumeration (see CausalQueryCommandTests).
    private const double LungGivenDyspnoea = 224000.0 / 2179853.0;

    private static string Network(string file) => Path.Combine(RepositoryFolders.Root, "tests", "data", "causal", "networks", file);

    [Fact]
    public void Info_Json_ReportsSizeAndTheMinFillWidthOfTheReadmeTable()
    {
        (int code, string output, string error) = Cli.Invoke("causal", "info", Network("alarm.bif"), "--json");

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;

        // tests/data/causal/networks/README.md: alarm 37 nodes, 46 edges, 12 roots, 752 CPT entries,
        // min-fill width 4, largest clique 144 entries.
        Assert.Equal(37, root.GetProperty("variables").GetInt32());
        Assert.Equal(46, root.GetProperty("edges").GetInt32());
        Assert.Equal(12, root.GetProperty("roots").GetInt32());
        Assert.Equal(752, root.GetProperty("cpt_entries").GetInt64());
        Assert.Equal(4, root.GetProperty("induced_width").GetInt32());
        Assert.Equal(144, root.GetProperty("largest_table_entries").GetDouble());
    }

    [Fact]
    public void Info_Variables_ListsStatesAndParents()
    {
        (int code, string output, string error) = Cli.Invoke("causal", "info", Network("asia.bif"), "--variables", "--no-color");

        Assert.True(code == 0, error);
        string either = output.Split('\n').Single(l => l.TrimStart().StartsWith("either", StringComparison.Ordinal));
        Assert.Contains("yes, no", either, StringComparison.Ordinal);
        Assert.Contains("lung, tub", either, StringComparison.Ordinal);
    }

    [Fact]
    public void Info_MissingFile_ExitsTwoNamingIt()
    {
        (int code, _, string error) = Cli.Invoke("causal", "info", Network("no-such.bif"));

        Assert.Equal(2, code);
        Assert.Contains("no-such.bif", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_Json_RanksByGainBoundedByTheTargetEntropy()
    {
        (int code, string output, string error) = Cli.Invoke("causal", "suggest", Network("asia.bif"), "--target", "lung", "--evidence", "dysp=yes", "--json");

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        double p = LungGivenDyspnoea;
        double entropy = -(p * Math.Log(p)) - ((1 - p) * Math.Log(1 - p));
        Assert.Equal(entropy, root.GetProperty("target_entropy").GetDouble(), 10);

        double previous = double.MaxValue;
        var seen = new List<string>();
        foreach (JsonElement s in root.GetProperty("suggestions").EnumerateArray())
        {
            double gain = s.GetProperty("expected_information_gain").GetDouble();
            Assert.InRange(gain, 0, entropy + 1e-12);
            Assert.True(gain <= previous, "suggestions must be sorted by gain");
            previous = gain;
            seen.Add(s.GetProperty("action").GetString() + " " + s.GetProperty("variable").GetString());
        }

        // either = tub OR lung is the closest observable to lung; its observation ranks first.
        Assert.Equal("observe either", seen[0]);

        // dysp is observed: it is not a candidate.
        Assert.DoesNotContain(seen, s => s.EndsWith(" dysp", StringComparison.Ordinal));
    }

    [Fact]
    public void Suggest_InterveneOnly_GivesZeroForAnEffectOfTheTarget()
    {
        (int code, string output, string error) = Cli.Invoke("causal", "suggest", Network("asia.bif"), "--target", "lung", "--intervene-only", "--top", "20", "--json");

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);

        // Without evidence, do(xray) cannot change lung (xray is a descendant of lung): gain 0.
        JsonElement xray = json.RootElement.GetProperty("suggestions").EnumerateArray()
            .Single(s => s.GetProperty("variable").GetString() == "xray");
        Assert.Equal(0.0, xray.GetProperty("expected_information_gain").GetDouble(), 12);
    }

    [Fact]
    public void Suggest_UnknownTarget_ExitsTwoNamingIt()
    {
        (int code, _, string error) = Cli.Invoke("causal", "suggest", Network("asia.bif"), "--target", "lungs");

        Assert.Equal(2, code);
        Assert.Contains("lungs", error, StringComparison.Ordinal);
    }
}
