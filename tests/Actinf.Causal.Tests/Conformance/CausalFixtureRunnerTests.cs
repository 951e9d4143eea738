using System.Text.Json.Nodes;
using Actinf.Causal.Conformance;
using Actinf.Causal.Inference;
using Actinf.Causal.Io;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Tests.Conformance;

public sealed class CausalFixtureRunnerTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("actinf-causal-conformance-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Fixtures => Path.Combine(RepositoryFolders.TestDataPath("causal"), "fixtures");

    private static string Networks => Path.Combine(RepositoryFolders.TestDataPath("causal"), "networks");

    private static string Fixture(string name) => Path.Combine(Fixtures, name + ".json");

    /// <summary>Every shared fixture file, by name (one theory case each).</summary>
    public static TheoryData<string> SharedFixtures()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(RepositoryFolders.TestDataPath("causal"), "fixtures"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Fact]
    public void SharedFixtures_AreTheThirteenPublicNetworks()
    {
        Assert.Equal(13, SharedFixtures().Count);
    }

    [Theory]
    [MemberData(nameof(SharedFixtures))]
    public void RunFile_SharedFixture_EveryQueryPasses(string name)
    {
        CausalFixtureResult result = CausalFixtureRunner.RunFile(Fixture(name), []);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Failures));
        CausalFixture fixture = CausalFixture.Load(Fixture(name));
        Assert.Equal(fixture.Queries.Count, result.QueryCount);
        Assert.Equal(result.QueryCount, result.Timings.Count);
        Assert.True(result.Compared > result.QueryCount, $"only {result.Compared} comparisons");
        Assert.Equal(Path.GetFullPath(Path.Combine(Networks, name + ".bif")), Path.GetFullPath(result.NetworkPath!));
        Assert.InRange(result.MaxAbsError, 0, fixture.ProbabilityTolerance);
    }

    [Theory]
    [InlineData("asia")]
    [InlineData("alarm")]
    [InlineData("hailfinder")]
    public void RunFile_XmlBifCopy_FixtureAppliesUnchanged(string name)
    {
        string xml = Path.Combine(Networks, "xmlbif", name + ".xml");

        CausalFixtureResult result = CausalFixtureRunner.RunFile(Fixture(name), new CausalFixtureOptions { NetworkFile = xml });

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Failures));
        Assert.Equal(xml, result.NetworkPath);
        Assert.Equal(CausalFixture.Load(Fixture(name)).Queries.Count, result.Timings.Count);
    }

    [Fact]
    public void RunFile_AlteredMarginal_FailsNamingQueryFieldAndValues()
    {
        // asia-pub-posterior-01: P(tub = yes | asia = no) = 0.01; claim 0.02.
        string path = WriteAltered("asia", "asia-pub-posterior-01", q => q["expected"]!["marginals"]!["tub"]!["yes"] = 0.02);

        CausalFixtureResult result = CausalFixtureRunner.RunFile(path, [Networks]);

        Assert.False(result.Passed);
        string failure = Assert.Single(result.Failures);
        Assert.StartsWith("asia-pub-posterior-01: marginals[tub][yes]: expected 0.02, got 0.01", failure, StringComparison.Ordinal);
        Assert.False(result.Timings.Single(t => t.Id == "asia-pub-posterior-01").Passed);
    }

    [Fact]
    public void RunFile_AlteredEvidenceProbability_FailsOnTheRelativeTolerance()
    {
        // 0.99 * (1 + 1e-5): far inside an absolute 1e-6 on a probability of this size, outside 1e-6 relative.
        string path = WriteAltered("asia", "asia-pub-posterior-01", q => q["expected"]!["evidence_probability"] = 0.99 * (1 + 1e-5));

        CausalFixtureResult result = CausalFixtureRunner.RunFile(path, [Networks]);

        string failure = Assert.Single(result.Failures);
        Assert.Contains("asia-pub-posterior-01: evidence_probability", failure, StringComparison.Ordinal);
        Assert.Contains("relative diff", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void RunFile_AlteredUniqueMpeAssignment_FailsNamingTheVariable()
    {
        // asia-pub-mpe-01's unique answer has bronc = yes.
        string path = WriteAltered("asia", "asia-pub-mpe-01", q => q["expected"]!["assignment"]!["bronc"] = "no");

        CausalFixtureResult result = CausalFixtureRunner.RunFile(path, [Networks]);

        Assert.Contains(result.Failures, f => f.StartsWith("asia-pub-mpe-01: assignment[bronc]: expected 'no', got 'yes'", StringComparison.Ordinal));
    }

    [Fact]
    public void RunFile_NonUniqueMpe_AnyMaximiserPassesButTheValueIsChecked()
    {
        // pathfinder's MPEs tie (unique = false). Another assignment in the file does not matter: only ln W counts ...
        string other = WriteAltered("pathfinder", "pathfinder-pub-mpe-01", q =>
        {
            Assert.False(q["expected"]!["unique"]!.GetValue<bool>());
            JsonObject assignment = q["expected"]!["assignment"]!.AsObject();
            string first = assignment.First().Key;
            assignment[first] = assignment[first]!.GetValue<string>() + "-not-a-state";
        });
        CausalFixtureResult passed = CausalFixtureRunner.RunFile(other, [Networks]);
        Assert.True(passed.Passed, string.Join(Environment.NewLine, passed.Failures));

        // ... but a log_probability off by 1e-3 fails, both the engine's value and the recomputed ln W.
        string shifted = WriteAltered("pathfinder", "pathfinder-pub-mpe-01", q => q["expected"]!["log_probability"] = q["expected"]!["log_probability"]!.GetValue<double>() + 1e-3);
        CausalFixtureResult result = CausalFixtureRunner.RunFile(shifted, [Networks]);

        Assert.Contains(result.Failures, f => f.StartsWith("pathfinder-pub-mpe-01: log_probability (ln W of the returned assignment, recomputed", StringComparison.Ordinal));
        Assert.Contains(result.Failures, f => f.StartsWith("pathfinder-pub-mpe-01: log_probability: expected", StringComparison.Ordinal));
    }

    [Fact]
    public void RunFile_NetworkDirectories_AreSearchedInOrderBeforeTheFallback()
    {
        // Two folders hold an asia.bif: the original, and a copy with one CPT changed (so its hash differs).
        string original = Folder("original");
        string modified = Folder("modified");
        File.Copy(Path.Combine(Networks, "asia.bif"), Path.Combine(original, "asia.bif"));
        string text = File.ReadAllText(Path.Combine(Networks, "asia.bif"));
        File.WriteAllText(Path.Combine(modified, "asia.bif"), text.Replace("table 0.01, 0.99;", "table 0.02, 0.98;", StringComparison.Ordinal));

        CausalFixtureResult first = CausalFixtureRunner.RunFile(Fixture("asia"), [original, modified]);
        CausalFixtureResult second = CausalFixtureRunner.RunFile(Fixture("asia"), [modified, original]);

        Assert.Equal(Path.Combine(original, "asia.bif"), first.NetworkPath);
        Assert.True(first.Passed, string.Join(Environment.NewLine, first.Failures));
        Assert.Equal(Path.Combine(modified, "asia.bif"), second.NetworkPath);
        Assert.False(second.Passed);
        Assert.StartsWith("network_sha256:", second.Failures[0], StringComparison.Ordinal);
    }

    [Fact]
    public void RunFile_NoDirectories_FallsBackToNetworksBesideTheFixtureFolder()
    {
        string fixtures = Folder(Path.Combine("set", "fixtures"));
        string networks = Folder(Path.Combine("set", "networks"));
        File.Copy(Fixture("cancer"), Path.Combine(fixtures, "cancer.json"));
        File.Copy(Path.Combine(Networks, "cancer.bif"), Path.Combine(networks, "cancer.bif"));
        string elsewhere = Folder("empty");

        CausalFixtureResult result = CausalFixtureRunner.RunFile(Path.Combine(fixtures, "cancer.json"), [elsewhere]);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Failures));
        Assert.Equal(Path.Combine(networks, "cancer.bif"), result.NetworkPath);
    }

    [Fact]
    public void RunFile_NetworkNowhere_FailsNamingEveryPlaceLooked()
    {
        string fixtures = Folder("lonely");
        File.Copy(Fixture("cancer"), Path.Combine(fixtures, "cancer.json"));
        string a = Folder("a");
        string b = Folder("b");

        CausalFixtureResult result = CausalFixtureRunner.RunFile(Path.Combine(fixtures, "cancer.json"), [a, b]);

        string failure = Assert.Single(result.Failures);
        Assert.Contains("network 'cancer.bif' not found", failure, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(a, "cancer.bif"), failure, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(b, "cancer.bif"), failure, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_temp, "networks", "cancer.bif"), failure, StringComparison.Ordinal);
        Assert.Null(result.NetworkPath);
        Assert.Empty(result.Timings);
    }

    [Fact]
    public void FindNetwork_ListsCandidatesInSearchOrder()
    {
        string found = CausalFixtureRunner.FindNetwork("asia.bif", Fixture("asia"), ["x", "y"], out IReadOnlyList<string> candidates)!;

        Assert.Equal([Path.Combine("x", "asia.bif"), Path.Combine("y", "asia.bif"), Path.GetFullPath(Path.Combine(Networks, "asia.bif"))], candidates);
        Assert.Equal(candidates[2], found);
    }

    [Fact]
    public void RunFile_MalformedFixture_IsAFailureNotAnException()
    {
        string path = Path.Combine(_temp, "bad.json");
        File.WriteAllText(path, """{"format": "causal-fixtures/1", "network": "asia.bif", "queries": [{"id": "q1", "kind": "teleport", "expected": {}}]}""");

        CausalFixtureResult result = CausalFixtureRunner.RunFile(path, [Networks]);

        string failure = Assert.Single(result.Failures);
        Assert.Contains("q1: unknown kind 'teleport'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void RunFile_EngineRejectsAQuery_FailureNamesTheQueryAndTheOthersStillRun()
    {
        string path = WriteAltered("asia", "asia-pub-posterior-01", q => q["evidence"] = new JsonObject { ["asia"] = "maybe" }, keepOthers: true);

        CausalFixtureResult result = CausalFixtureRunner.RunFile(path, [Networks]);

        string failure = Assert.Single(result.Failures);
        Assert.StartsWith("asia-pub-posterior-01: ArgumentException:", failure, StringComparison.Ordinal);
        Assert.Contains("maybe", failure, StringComparison.Ordinal);
        Assert.Equal(result.QueryCount, result.Timings.Count);
    }

    [Fact]
    public void RunFile_SharedCache_LoadsEachNetworkOnce()
    {
        var cache = new CausalNetworkCache();
        var options = new CausalFixtureOptions { NetworkDirectories = [Networks], Cache = cache };

        Assert.True(CausalFixtureRunner.RunFile(Fixture("cancer"), options).Passed);
        Assert.True(CausalFixtureRunner.RunFile(Fixture("cancer"), options).Passed);

        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void TryLogWeight_AsiaMpe_EqualsTheProductOfCptEntries()
    {
        // asia-pub-mpe-01: evidence asia=yes, tub=no, xray=no, dysp=yes; x* = smoke=yes, lung=no, bronc=yes, either=no.
        // W = P(asia=yes) P(tub=no|yes) P(smoke=yes) P(lung=no|yes) P(bronc=yes|yes) P(either=no|no,no) P(xray=no|no) P(dysp=yes|yes,no)
        //   = 0.01 * 0.95 * 0.5 * 0.9 * 0.6 * 1 * 0.95 * 0.8 = 0.0019494 (the fixture's "probability").
        BayesianNetwork asia = NetworkFile.Load(Path.Combine(Networks, "asia.bif"));
        Clamps clamps = new Clamps().Observe("asia", "yes").Observe("tub", "no").Observe("xray", "no").Observe("dysp", "yes");
        var assignment = new Dictionary<string, string> { ["smoke"] = "yes", ["lung"] = "no", ["bronc"] = "yes", ["either"] = "no" };

        Assert.True(CausalFixtureRunner.TryLogWeight(asia, assignment, clamps, out double logW, out _));
        Assert.Equal(Math.Log(0.0019494), logW, 12);

        assignment.Remove("lung");
        Assert.False(CausalFixtureRunner.TryLogWeight(asia, assignment, clamps, out _, out string? problem));
        Assert.Contains("'lung' has no value", problem, StringComparison.Ordinal);
    }

    private string Folder(string relative)
    {
        string path = Path.Combine(_temp, relative);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// Writes a copy of a shared fixture into the temp folder with one query edited; the other queries are
    /// dropped (a fast, focused fixture) unless <paramref name="keepOthers"/>.
    /// </summary>
    private string WriteAltered(string name, string queryId, Action<JsonObject> edit, bool keepOthers = false)
    {
        JsonObject root = JsonNode.Parse(File.ReadAllText(Fixture(name)))!.AsObject();
        JsonArray queries = root["queries"]!.AsArray();
        JsonObject query = queries.Single(q => (string?)q!["id"] == queryId)!.AsObject();
        edit(query);
        if (!keepOthers)
        {
            queries.Remove(query);
            root["queries"] = new JsonArray(query);
        }

        string path = Path.Combine(_temp, $"{name}-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }
}
