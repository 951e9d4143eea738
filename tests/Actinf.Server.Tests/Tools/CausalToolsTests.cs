using System.Text.Json;
using Actinf.Server.Tests.Support;
using ModelContextProtocol;

namespace Actinf.Server.Tests.Tools;

public sealed class CausalToolsTests
{
    private static readonly string Networks = RepositoryFolders.TestDataPath("causal", "networks");

    [Fact]
    public async Task CausalQuery_AsiaDyspnoea_GivesTheExactPosteriorOfLung()
    {
        await using McpPair pair = await StartAsync();
        JsonElement r = await pair.CallAsync("causal_query", new()
        {
            ["network"] = "asia",
            ["evidence"] = new Dictionary<string, string> { ["dysp"] = "yes" },
            ["targets"] = new[] { "lung" },
        });
        Assert.Equal(224000.0 / 2179853.0, r.GetProperty("marginals").GetProperty("lung").GetProperty("yes").GetDouble(), 12);
        Assert.Equal(0.4359706, r.GetProperty("evidence_probability").GetDouble(), 7);
        Assert.Equal("none", r.GetProperty("direction").GetString());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("assignment").ValueKind);
        SessionToolsTests.AssertPulse(r);
    }

    [Fact]
    public async Task CausalQuery_WithExtension_LoadsTheSameNetwork()
    {
        await using McpPair pair = await StartAsync();
        JsonElement r = await pair.CallAsync("causal_query", new() { ["network"] = "asia.bif", ["targets"] = new[] { "smoke" } });
        Assert.Equal(1.0, r.GetProperty("evidence_probability").GetDouble(), 12);
        Assert.Equal(0.5, r.GetProperty("marginals").GetProperty("smoke").GetProperty("yes").GetDouble(), 12);
    }

    [Fact]
    public async Task CausalQuery_Mpe_ReturnsAnAssignment()
    {
        await using McpPair pair = await StartAsync();
        JsonElement r = await pair.CallAsync("causal_query", new()
        {
            ["network"] = "asia",
            ["evidence"] = new Dictionary<string, string> { ["dysp"] = "yes" },
            ["mpe"] = true,
        });
        JsonElement assignment = r.GetProperty("assignment");
        Assert.Equal(JsonValueKind.Object, assignment.ValueKind);
        Assert.True(assignment.TryGetProperty("lung", out _));
        double posterior = r.GetProperty("posterior_probability").GetDouble();
        Assert.InRange(posterior, 0.0, 1.0);
        Assert.True(r.GetProperty("probability").GetDouble() <= r.GetProperty("evidence_probability").GetDouble() + 1e-12);
        Assert.Equal("abduction", r.GetProperty("direction").GetString());
    }

    [Fact]
    public async Task CausalQuery_Backward_ReportsPriorAndPosterior()
    {
        await using McpPair pair = await StartAsync();
        JsonElement r = await pair.CallAsync("causal_query", new()
        {
            ["network"] = "asia",
            ["evidence"] = new Dictionary<string, string> { ["dysp"] = "yes" },
            ["direction"] = "backward",
        });
        JsonElement[] beliefs = [.. r.GetProperty("beliefs").EnumerateArray()];
        Assert.NotEmpty(beliefs);
        JsonElement lung = Assert.Single(beliefs, b => b.GetProperty("variable").GetString() == "lung");
        Assert.Equal(224000.0 / 2179853.0, lung.GetProperty("posterior").GetProperty("yes").GetDouble(), 12);
        Assert.True(lung.GetProperty("prior").GetProperty("yes").GetDouble() < 224000.0 / 2179853.0);
    }

    [Fact]
    public async Task CausalQuery_UnknownVariable_IsInvalidParamsNamingIt()
    {
        await using McpPair pair = await StartAsync();
        McpProtocolException e = await pair.FailAsync("causal_query", new()
        {
            ["network"] = "asia",
            ["evidence"] = new Dictionary<string, string> { ["dyspnoea"] = "yes" },
        });
        Assert.Equal(McpErrorCode.InvalidParams, e.ErrorCode);
        Assert.Contains("dyspnoea", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CausalQuery_BadSoftVector_IsInvalidParams()
    {
        await using McpPair pair = await StartAsync();
        McpProtocolException e = await pair.FailAsync("causal_query", new()
        {
            ["network"] = "asia",
            ["soft_evidence"] = new Dictionary<string, double[]> { ["lung"] = [0.1, 0.2, 0.7] },
        });
        Assert.Equal(McpErrorCode.InvalidParams, e.ErrorCode);
        Assert.Contains("lung", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("..")]
    [InlineData("sub/asia")]
    public async Task CausalQuery_PathOutsideTheFolder_IsInvalidParams(string network)
    {
        await using McpPair pair = await StartAsync();
        McpProtocolException e = await pair.FailAsync("causal_query", new() { ["network"] = network });
        Assert.Equal(McpErrorCode.InvalidParams, e.ErrorCode);
    }

    [Fact]
    public async Task CausalQuery_UnknownNetwork_IsInvalidParams()
    {
        await using McpPair pair = await StartAsync();
        McpProtocolException e = await pair.FailAsync("causal_query", new() { ["network"] = "no_such_network" });
        Assert.Equal(McpErrorCode.InvalidParams, e.ErrorCode);
        Assert.Contains("no_such_network", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CausalQuery_NoNetworksFolder_IsInvalidParamsNamingTheOption()
    {
        await using McpPair pair = await McpPair.StartAsync();
        McpProtocolException e = await pair.FailAsync("causal_query", new() { ["network"] = "asia" });
        Assert.Equal(McpErrorCode.InvalidParams, e.ErrorCode);
        Assert.Contains("--networks", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CausalQuery_ImpossibleEvidence_IsBeliefUpdateFailed()
    {
        await using McpPair pair = await StartAsync();
        McpProtocolException e = await pair.FailAsync("causal_query", new()
        {
            ["network"] = "asia",
            ["evidence"] = new Dictionary<string, string> { ["lung"] = "yes", ["either"] = "no" },
        });
        Assert.Equal(-32010, (int)e.ErrorCode);
        Assert.Contains("probability 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestExperiment_LungGivenDyspnoea_RanksObservingEitherFirst()
    {
        await using McpPair pair = await StartAsync();
        JsonElement r = await pair.CallAsync("causal_suggest_experiment", new()
        {
            ["network"] = "asia",
            ["target"] = "lung",
            ["evidence"] = new Dictionary<string, string> { ["dysp"] = "yes" },
        });
        double entropy = r.GetProperty("target_entropy").GetDouble();
        Assert.True(entropy > 0);
        JsonElement[] suggestions = [.. r.GetProperty("suggestions").EnumerateArray()];
        Assert.InRange(suggestions.Length, 1, 5);
        Assert.Equal("observe", suggestions[0].GetProperty("action").GetString());
        Assert.Equal("either", suggestions[0].GetProperty("variable").GetString());
        foreach (JsonElement s in suggestions)
        {
            Assert.True(s.GetProperty("expected_information_gain").GetDouble() <= entropy + 1e-12);
        }

        SessionToolsTests.AssertPulse(r);
    }

    [Fact]
    public async Task SuggestExperiment_InterveneOnly_SuggestsOnlyInterventions()
    {
        await using McpPair pair = await StartAsync();
        JsonElement r = await pair.CallAsync("causal_suggest_experiment", new() { ["network"] = "asia", ["target"] = "dysp", ["intervene_only"] = true, ["top"] = 2 });
        JsonElement[] suggestions = [.. r.GetProperty("suggestions").EnumerateArray()];
        Assert.InRange(suggestions.Length, 1, 2);
        Assert.All(suggestions, s => Assert.Equal("intervene", s.GetProperty("action").GetString()));
    }

    private static Task<McpPair> StartAsync() => McpPair.StartAsync(o => o with { NetworksDirectory = Networks });
}
