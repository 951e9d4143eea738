using System.Text.Json;
using Actinf.Server.Tests.Support;
using ModelContextProtocol.Client;

namespace Actinf.Server.Tests.Tools;

public sealed class ToolListTests
{
    public static TheoryData<string, string[]> Tools => new()
    {
        { "session_create", ["domain", "goals"] },
        { "session_get", ["session_id"] },
        { "session_list", [] },
        { "session_delete", ["session_id"] },
        { "session_export", ["session_id"] },
        { "session_import", ["state", "replace"] },
        { "observe", ["session_id", "text", "embedding", "domain", "source"] },
        { "epistemic_action", ["session_id", "force", "max_actions", "min_relevance"] },
        { "set_goals", ["session_id", "goals"] },
        { "feedback", ["session_id", "action_id", "helpful"] },
        { "causal_query", ["network", "evidence", "interventions", "soft_evidence", "soft_interventions", "targets", "direction", "max_depth", "mpe", "map_variables"] },
        { "causal_suggest_experiment", ["network", "target", "evidence", "interventions", "soft_evidence", "soft_interventions", "top", "observe_only", "intervene_only"] },
        { "agent_create", ["model", "policy_len", "inference_algo", "inference_horizon", "num_iter", "gamma", "alpha", "action_selection", "sampling_mode", "use_utility", "use_states_info_gain", "use_param_info_gain", "seed", "learn_a", "learn_b", "learn_d"] },
        { "agent_step", ["agent_id", "observation"] },
        { "agent_get", ["agent_id"] },
        { "agent_reset", ["agent_id"] },
        { "agent_delete", ["agent_id"] },
    };

    [Theory]
    [MemberData(nameof(Tools))]
    public async Task ListTools_EveryTool_HasSnakeCaseParametersDescriptionAndOutputSchema(string name, string[] parameters)
    {
        await using McpPair pair = await McpPair.StartAsync();
        IList<McpClientTool> tools = await pair.Client.ListToolsAsync();
        McpClientTool tool = Assert.Single(tools, t => t.Name == name);
        Assert.False(string.IsNullOrWhiteSpace(tool.Description));
        string[] actual = [.. tool.JsonSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name)];
        Assert.Equal(parameters.Order(), actual.Order());
        foreach (JsonProperty p in tool.JsonSchema.GetProperty("properties").EnumerateObject())
        {
            Assert.True(p.Value.TryGetProperty("description", out _), $"{name}.{p.Name} has no description");
        }

        Assert.NotNull(tool.ProtocolTool.OutputSchema);
        Assert.Contains("\"pulse\"", tool.ProtocolTool.OutputSchema!.Value.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTools_Always_ListsExactlyTheDeclaredTools()
    {
        await using McpPair pair = await McpPair.StartAsync();
        IList<McpClientTool> tools = await pair.Client.ListToolsAsync();
        Assert.Equal(Tools.Select(row => (string)row[0]).Order(), tools.Select(t => t.Name).Order());
    }

    [Fact]
    public async Task ListTools_EpistemicAction_HasSeedDefaultsAndRequiredSessionId()
    {
        await using McpPair pair = await McpPair.StartAsync();
        McpClientTool tool = Assert.Single(await pair.Client.ListToolsAsync(), t => t.Name == "epistemic_action");
        JsonElement props = tool.JsonSchema.GetProperty("properties");
        Assert.False(props.GetProperty("force").GetProperty("default").GetBoolean());
        Assert.Equal(3, props.GetProperty("max_actions").GetProperty("default").GetInt32());
        Assert.Equal(0.3, props.GetProperty("min_relevance").GetProperty("default").GetDouble(), 6);
        Assert.Equal(["session_id"], tool.JsonSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ListTools_ObserveSource_IsAnEnumOfTheSeedSources()
    {
        await using McpPair pair = await McpPair.StartAsync();
        McpClientTool tool = Assert.Single(await pair.Client.ListToolsAsync(), t => t.Name == "observe");
        string schema = tool.JsonSchema.GetProperty("properties").GetProperty("source").GetRawText();
        foreach (string value in new[] { "user_query", "memory_retrieval", "external_api", "system_generated" })
        {
            Assert.Contains($"\"{value}\"", schema, StringComparison.Ordinal);
        }
    }
}
