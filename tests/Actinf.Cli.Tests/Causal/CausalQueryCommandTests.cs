using System.Text.Json;

namespace Actinf.Cli.Tests.Causal;

public sealed class CausalQueryCommandTests
{
    // P(lung = yes | dysp = yes) in asia, by brute-force enumeration of the 2^7 joint states in exact
    // rational arithmetic: 224000 / 2179853; P(dysp = yes) = 0.4359706 (also asia-pub-marginal-01).
    private const double LungGivenDyspnoea = 224000.0 / 2179853.0;
    private const double Dyspnoea = 0.4359706;

    private static string Network(string file) => Path.Combine(RepositoryFolders.Root, "tests", "data", "causal", "networks", file);

    [Fact]
    public void Query_EvidenceAndTarget_PrintsClampsPosteriorAndEvidenceProbability()
    {
        (int code, string output, string error) = Cli.Invoke("causal", "query", Network("asia.bif"), "--evidence", "dysp=yes", "--target", "lung");

        Assert.True(code == 0, error);
        Assert.Contains("observed", output, StringComparison.Ordinal);
        string row = output.Split('\n').Single(l => l.Contains(" lung ", StringComparison.Ordinal));
        Assert.Contains($"yes {LungGivenDyspnoea:0.0000}", row, StringComparison.Ordinal);
        Assert.Contains($"no {1 - LungGivenDyspnoea:0.0000}", row, StringComparison.Ordinal);
        Assert.Contains($"P(e) = {Dyspnoea:0.0000}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_Json_ParsesAndCarriesTheExactPosterior()
    {
        (int code, string output, string error) = Cli.Invoke("causal", "query", Network("asia.bif"), "--evidence", "dysp=yes", "--target", "lung", "--json");

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        Assert.Equal("asia", root.GetProperty("network").GetString());
        Assert.Equal("yes", root.GetProperty("clamps").GetProperty("evidence").GetProperty("dysp").GetString());
        Assert.Equal(LungGivenDyspnoea, root.GetProperty("marginals").GetProperty("lung").GetProperty("yes").GetDouble(), 12);
        Assert.Equal(Dyspnoea, root.GetProperty("evidence_probability").GetDouble(), 12);
    }

    [Fact]
    public void Query_XmlBifCopy_GivesTheSameAnswer()
    {
        (int code, string output, string error) = Cli.Invoke("causal", "query", Network(Path.Combine("xmlbif", "asia.xml")), "--evidence", "dysp=yes", "--target", "lung", "--json");

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(LungGivenDyspnoea, json.RootElement.GetProperty("marginals").GetProperty("lung").GetProperty("yes").GetDouble(), 12);
    }

    [Fact]
    public void Query_NoTarget_ReportsEveryVariableNotHardClamped()
    {
        (int code, string output, string error) = Cli.Invoke("causal", "query", Network("asia.bif"), "--evidence", "dysp=yes", "--do", "smoke=no", "--json");

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        string[] reported = [.. json.RootElement.GetProperty("marginals").EnumerateObject().Select(p => p.Name)];
        Assert.Equal(["asia", "tub", "lung", "bronc", "either", "xray"], reported);
    }

    [Fact]
    public void Query_DoThenObserve_MatchesTheFixture()
    {
        // asia-pub-do_observe-01: do(either = no), xray = no -> P(dysp = yes) = 0.415, Z = 0.95.
        (int code, string output, string error) = Cli.Invoke("causal", "query", Network("asia.bif"), "--do", "either=no", "--evidence", "xray=no", "--target", "dysp", "--json");

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(0.415, json.RootElement.GetProperty("marginals").GetProperty("dysp").GetProperty("yes").GetDouble(), 9);
        Assert.Equal(0.95, json.RootElement.GetProperty("evidence_probability").GetDouble(), 9);
    }

    [Fact]
    public void Query_SoftEvidence_MatchesTheFixture()
    {
        // asia-pub-soft_evidence-01: lambda(lung) = (0.1, 0.9) -> P(smoke = yes) = 0.478971962617, Z = 0.856.
        (int code, string output, string error) = Cli.Invoke("causal", "query", Network("asia.bif"), "--soft", "lung=0.1,0.9", "--target", "smoke", "--json");

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(0.478971962617, json.RootElement.GetProperty("marginals").GetProperty("smoke").GetProperty("yes").GetDouble(), 9);
        Assert.Equal(0.856, json.RootElement.GetProperty("evidence_probability").GetDouble(), 9);
    }

    [Fact]
    public void Query_SoftIntervention_MatchesTheFixture()
    {
        // asia-pub-soft_intervention-01: bronc ~ (0.2316, 0.7684) -> P(dysp = yes) = 0.2935097176.
        (int code, string output, string error) = Cli.Invoke("causal", "query", Network("asia.bif"), "--soft-do", "bronc=0.2316,0.7684", "--target", "dysp", "--json");

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(0.2935097176, json.RootElement.GetProperty("marginals").GetProperty("dysp").GetProperty("yes").GetDouble(), 9);
    }

    [Fact]
    public void Query_Mpe_MatchesTheFixture()
    {
        // asia-pub-mpe-01.
        (int code, string output, string error) = Cli.Invoke(
            "causal", "query", Network("asia.bif"), "--evidence", "asia=yes", "--evidence", "tub=no", "--evidence", "xray=no", "--evidence", "dysp=yes", "--mpe", "--json");

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement x = json.RootElement.GetProperty("explanation");
        Assert.Equal("mpe", x.GetProperty("kind").GetString());
        Dictionary<string, string> assignment = x.GetProperty("assignment").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        Assert.Equal(new Dictionary<string, string> { ["smoke"] = "yes", ["lung"] = "no", ["bronc"] = "yes", ["either"] = "no" }, assignment);
        Assert.Equal(-6.24023364606, x.GetProperty("log_probability").GetDouble(), 9);
        Assert.Equal(0.55613750039, x.GetProperty("posterior_probability").GetDouble(), 9);
    }

    [Fact]
    public void Query_MapTable_ShowsTheAssignmentAndProbabilities()
    {
        // asia-pub-map-01: lung=no, either=no, dysp=yes; MAP over asia, smoke, bronc = (no, yes, yes), P(q* | e) = 0.552139462958.
        (int code, string output, string error) = Cli.Invoke(
            "causal", "query", Network("asia.bif"), "--evidence", "lung=no", "--evidence", "either=no", "--evidence", "dysp=yes", "--map", "asia,smoke,bronc");

        Assert.True(code == 0, error);
        Assert.Contains("MAP over asia, smoke, bronc", output, StringComparison.Ordinal);
        Assert.Contains("P(x* | e) = 0.5521", output, StringComparison.Ordinal);
        Assert.Contains("runner-up P(x2 | e) = 0.3037", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_DirectionBackward_ReportsAncestorsWithinDepth()
    {
        (int code, string output, string error) = Cli.Invoke("causal", "query", Network("asia.bif"), "--evidence", "xray=yes", "--direction", "backward", "--max-depth", "2", "--json");

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal("backward", json.RootElement.GetProperty("direction").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("max_depth").GetInt32());
        string[] reported = [.. json.RootElement.GetProperty("beliefs").EnumerateArray().Select(b => b.GetProperty("variable").GetString()!)];
        Assert.Equal(["either", "tub", "lung"], reported);
        Assert.True(json.RootElement.GetProperty("candidates_by_posterior").GetArrayLength() > 0);
    }

    [Fact]
    public void Query_DirectionBridge_ListsTheConnectingPath()
    {
        (int code, string output, string error) = Cli.Invoke("causal", "query", Network("asia.bif"), "--evidence", "asia=yes", "--direction", "bridge", "--target", "dysp");

        Assert.True(code == 0, error);
        Assert.Contains("tub -> either", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--evidence", "dyps=yes", "unknown variable 'dyps'")]
    [InlineData("--evidence", "dysp=maybe", "'dysp' has no state 'maybe'")]
    [InlineData("--evidence", "dysp", "expected VARIABLE=STATE")]
    [InlineData("--do", "smok=yes", "unknown variable 'smok'")]
    [InlineData("--soft", "lung=0.1", "'lung' has 2 states")]
    [InlineData("--soft-do", "bronc=0.5,0.6", "must sum to 1")]
    [InlineData("--target", "lungs", "unknown variable 'lungs'")]
    [InlineData("--map", "asia,bogus", "unknown variable 'bogus'")]
    [InlineData("--direction", "sideways", "--direction is 'sideways'")]
    public void Query_BadInput_ExitsTwoWithOneLineNamingTheProblem(string option, string value, string fragment)
    {
        (int code, string output, string error) = Cli.Invoke("causal", "query", Network("asia.bif"), option, value);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Query_TwoClampsOnOneVariable_ExitsTwo()
    {
        (int code, _, string error) = Cli.Invoke("causal", "query", Network("asia.bif"), "--evidence", "smoke=yes", "--do", "smoke=no");

        Assert.Equal(2, code);
        Assert.Contains("'smoke' is already clamped", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_MissingNetworkFile_ExitsTwoNamingIt()
    {
        (int code, _, string error) = Cli.Invoke("causal", "query", Network("nope.bif"));

        Assert.Equal(2, code);
        Assert.Contains("nope.bif", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_ImpossibleEvidence_ExitsOneSayingProbabilityZero()
    {
        // either is the deterministic OR of tub and lung: tub = yes with either = no is impossible.
        (int code, _, string error) = Cli.Invoke("causal", "query", Network("asia.bif"), "--evidence", "tub=yes", "--evidence", "either=no");

        Assert.Equal(1, code);
        Assert.Contains("probability 0", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ShowsDetailsWithExamples()
    {
        (int code, string output, _) = Cli.Invoke("causal", "query", "--help");

        Assert.Equal(0, code);
        int details = output.IndexOf("Details:", StringComparison.Ordinal);
        Assert.True(details > output.IndexOf("Options:", StringComparison.Ordinal), output);
        Assert.Contains("actinf causal query", output[details..], StringComparison.Ordinal);
    }
}
