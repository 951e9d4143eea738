using System.Text.Json;
using Actinf.Causal.Conformance;
using Actinf.Causal.Inference;

namespace Actinf.Causal.Tests.Conformance;

public sealed class CausalFixtureTests
{
    private static string Fixture(string name) => Path.Combine(RepositoryFolders.TestDataPath("causal"), "fixtures", name + ".json");

    [Fact]
    public void Load_AsiaFixture_ReadsHeaderQueriesAndExpectations()
    {
        CausalFixture fixture = CausalFixture.Load(Fixture("asia"));

        Assert.Equal("asia.bif", fixture.Network);
        Assert.Equal("9f770c96940dc4d860b581602120790ac538983b30b28d38631b8184dc7b5f89", fixture.NetworkSha256);
        Assert.Equal("public", fixture.Set);
        Assert.Equal(1e-6, fixture.ProbabilityTolerance);
        Assert.Equal(1e-6, fixture.LogProbabilityTolerance);
        Assert.Equal(23, fixture.Queries.Count);

        CausalQuery soft = fixture.Queries.Single(q => q.Id == "asia-pub-soft_evidence-01");
        Assert.Equal(CausalQueryKind.SoftEvidence, soft.Kind);
        Assert.Equal([0.1, 0.9], soft.VirtualEvidence["lung"]);
        Assert.Equal(["smoke", "lung", "either", "xray"], soft.Targets);
        Assert.Equal(0.856, soft.Expected.EvidenceProbability);
        Assert.Equal(["yes", "no"], soft.Expected.Marginals["smoke"].Select(p => p.Key));

        CausalQuery joint = fixture.Queries.Single(q => q.Id == "asia-pub-joint-01");
        Assert.Equal(["asia", "bronc", "dysp"], joint.Expected.JointVariables);
        Assert.Equal(8, joint.Expected.JointProbabilities.Count);

        CausalQuery mpe = fixture.Queries.Single(q => q.Id == "asia-pub-mpe-01");
        Assert.True(mpe.Expected.Unique);
        Assert.Equal(-6.24023364606, mpe.Expected.LogProbability);
        Assert.Equal("yes", mpe.Expected.Assignment["smoke"]);

        CausalQuery map = fixture.Queries.Single(q => q.Id == "asia-pub-map-01");
        Assert.Equal(["asia", "smoke", "bronc"], map.MapVariables);
        Assert.Equal(0.303676704627, map.Expected.RunnerUpPosteriorProbability);
    }

    [Fact]
    public void ToClamps_DoObserveQuery_HoldsInterventionsAndEvidence()
    {
        CausalQuery query = CausalFixture.Load(Fixture("asia")).Queries.Single(q => q.Id == "asia-pub-do_observe-01");

        Clamps clamps = query.ToClamps();

        Assert.Equal("no", clamps.Interventions["either"]);
        Assert.Equal("no", clamps.Observed["xray"]);
        Assert.Equal(ClampType.Hard, clamps.TypeOf("either"));
    }

    [Fact]
    public void Load_EveryQueryKind_RoundTripsItsFixtureName()
    {
        foreach (CausalQueryKind kind in Enum.GetValues<CausalQueryKind>())
        {
            Assert.True(CausalQueryKinds.TryParse(kind.ToFixtureName(), out CausalQueryKind parsed));
            Assert.Equal(kind, parsed);
        }

        Assert.False(CausalQueryKinds.TryParse("teleport", out _));
    }

    [Theory]
    [InlineData("""{"format": "actinf-fixture/1", "network": "a.bif", "queries": []}""", "format is 'actinf-fixture/1'")]
    [InlineData("""{"format": "causal-fixtures/1", "queries": []}""", "missing \"network\"")]
    [InlineData("""{"format": "causal-fixtures/1", "network": "a.bif"}""", "no \"queries\" array")]
    [InlineData("""{"format": "causal-fixtures/1", "network": "a.bif", "queries": [{"id": "q", "kind": "do"}]}""", "q: no \"expected\" object")]
    [InlineData("""{"format": "causal-fixtures/1", "network": "a.bif", "queries": [{"id": "q", "kind": "do", "targets": ["x"], "expected": {"evidence_probability": "one"}}]}""", "q: expected.evidence_probability is not a number")]
    [InlineData("""{"format": "causal-fixtures/1", "network": "a.bif", "queries": [{"id": "q", "kind": "do", "expected": {}}, {"id": "q", "kind": "do", "expected": {}}]}""", "'q' appears twice")]
    [InlineData("""not json""", "not valid JSON")]
    public void Parse_Malformed_ThrowsFormatExceptionNamingTheField(string json, string fragment)
    {
        FormatException e = Assert.Throws<FormatException>(() => CausalFixture.Parse(json));

        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsCausalFixture_TellsTheFormatsApart()
    {
        using JsonDocument causal = JsonDocument.Parse("""{"format": "causal-fixtures/1"}""");
        using JsonDocument other = JsonDocument.Parse("""{"format": "actinf-fixture/1"}""");

        Assert.True(CausalFixture.IsCausalFixture(causal.RootElement));
        Assert.False(CausalFixture.IsCausalFixture(other.RootElement));
    }
}
