using System.Text.Json;
using Actinf.Server.Tests.Support;
using ModelContextProtocol;

namespace Actinf.Server.Tests.Tools;

public sealed class EpistemicToolsTests
{
    [Fact]
    public async Task Observe_Text_UpdatesBeliefsAndReportsTheUpdate()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await pair.CreateSessionAsync();
        JsonElement r = await pair.CallAsync("observe", new()
        {
            ["session_id"] = id,
            ["text"] = "my invoice shows a charge I do not recognise",
            ["domain"] = "billing",
            ["source"] = "user_query",
        });
        Assert.Contains(r.GetProperty("converged").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.True(r.GetProperty("iterations").GetInt32() >= 1);
        Assert.True(float.IsFinite(r.GetProperty("free_energy").GetSingle()));
        Assert.True(r.GetProperty("uncertainty_reduction").GetSingle() > 0);
        Assert.True(r.GetProperty("latency_ms").GetSingle() >= 0);
        Assert.Equal(1, r.GetProperty("observation_count").GetInt64());
        Assert.Equal(2, r.GetProperty("version").GetInt64());
        SessionToolsTests.AssertPulse(r);
        JsonElement got = await pair.CallAsync("session_get", new() { ["session_id"] = id });
        Assert.True(got.GetProperty("domain_uncertainty").TryGetProperty("billing", out _));
    }

    [Fact]
    public async Task Observe_EmbeddingFromMemory_IsAccepted()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await pair.CreateSessionAsync();
        float[] embedding = [.. Enumerable.Range(0, pair.Registry.EmbeddingDimension).Select(i => MathF.Sin(i * 0.37f))];
        JsonElement r = await pair.CallAsync("observe", new() { ["session_id"] = id, ["embedding"] = embedding, ["source"] = "memory_retrieval" });
        Assert.Equal(1, r.GetProperty("observation_count").GetInt64());
    }

    [Fact]
    public async Task EpistemicAction_UncertainSession_ReturnsTheSeedResponseShape()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await pair.CreateSessionAsync(new() { ["domain"] = "billing" });
        await pair.CallAsync("observe", new() { ["session_id"] = id, ["text"] = "the refund policy for annual plans is unclear", ["domain"] = "billing" });
        JsonElement r = await pair.CallAsync("epistemic_action", new() { ["session_id"] = id });
        string[] fields = [.. r.EnumerateObject().Select(p => p.Name)];
        Assert.Equal(new[] { "actions", "uncertainty_level", "johari_quadrant", "utl_metrics", "pulse", "latency_ms" }.Order(), fields.Order());
        Assert.True(r.GetProperty("uncertainty_level").GetSingle() >= 0.6f);
        JsonElement[] actions = [.. r.GetProperty("actions").EnumerateArray()];
        Assert.InRange(actions.Length, 1, 3);
        for (int i = 0; i < actions.Length; i++)
        {
            JsonElement a = actions[i];
            Assert.False(string.IsNullOrEmpty(a.GetProperty("action_id").GetString()));
            Assert.False(string.IsNullOrEmpty(a.GetProperty("action_type").GetString()));
            Assert.False(string.IsNullOrEmpty(a.GetProperty("content").GetString()));
            Assert.InRange(a.GetProperty("expected_info_gain").GetSingle(), 0f, 1f);
            Assert.InRange(a.GetProperty("relevance").GetSingle(), 0.3f, 1f);
            Assert.Equal(i + 1, a.GetProperty("priority").GetInt32());
        }

        JsonElement utl = r.GetProperty("utl_metrics");
        Assert.Equal(["coherence", "entropy", "learning_score"], utl.EnumerateObject().Select(p => p.Name).Order());
        SessionToolsTests.AssertPulse(r);
    }

    [Fact]
    public async Task EpistemicAction_MaxActionsAndMinRelevance_AreApplied()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await pair.CreateSessionAsync();
        await pair.CallAsync("observe", new() { ["session_id"] = id, ["text"] = "deployment fails on the staging cluster" });
        JsonElement one = await pair.CallAsync("epistemic_action", new() { ["session_id"] = id, ["max_actions"] = 1, ["force"] = true });
        Assert.Single(one.GetProperty("actions").EnumerateArray());
        JsonElement none = await pair.CallAsync("epistemic_action", new() { ["session_id"] = id, ["min_relevance"] = 1.0, ["force"] = true });
        Assert.All(none.GetProperty("actions").EnumerateArray(), a => Assert.Equal(1f, a.GetProperty("relevance").GetSingle()));
    }

    [Fact]
    public async Task EpistemicAction_BelowThreshold_ReturnsNoActionsUnlessForced()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await pair.CreateSessionAsync();
        float u = 1f;
        for (int i = 0; i < 60 && u >= 0.6f; i++)
        {
            JsonElement o = await pair.CallAsync("observe", new() { ["session_id"] = id, ["text"] = "the printer on floor two is out of toner", ["domain"] = "office" });
            u = o.GetProperty("uncertainty_level").GetSingle();
        }

        Assert.True(u < 0.6f, $"uncertainty stayed at {u}");
        JsonElement quiet = await pair.CallAsync("epistemic_action", new() { ["session_id"] = id });
        Assert.Empty(quiet.GetProperty("actions").EnumerateArray());
        Assert.Equal("continue", quiet.GetProperty("pulse").GetProperty("suggested_action").GetString());
        JsonElement forced = await pair.CallAsync("epistemic_action", new() { ["session_id"] = id, ["force"] = true, ["min_relevance"] = 0.0 });
        Assert.NotEmpty(forced.GetProperty("actions").EnumerateArray());
    }

    [Fact]
    public async Task SetGoals_TwoGoals_AreStoredAndEmptyListClearsThem()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await pair.CreateSessionAsync();
        JsonElement r = await pair.CallAsync("set_goals", new()
        {
            ["session_id"] = id,
            ["goals"] = new object[]
            {
                new Dictionary<string, object?> { ["description"] = "migrate the database" },
                new Dictionary<string, object?> { ["description"] = "keep downtime under a minute", ["weight"] = 0.5 },
            },
        });
        Assert.Equal(2, r.GetProperty("goal_count").GetInt32());
        Assert.Equal(2, r.GetProperty("version").GetInt64());
        SessionToolsTests.AssertPulse(r);
        JsonElement cleared = await pair.CallAsync("set_goals", new() { ["session_id"] = id, ["goals"] = Array.Empty<object>() });
        Assert.Equal(0, cleared.GetProperty("goal_count").GetInt32());
    }

    [Fact]
    public async Task Feedback_IssuedAction_IsRecordedOnce()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await pair.CreateSessionAsync();
        await pair.CallAsync("observe", new() { ["session_id"] = id, ["text"] = "the model accuracy dropped last week", ["domain"] = "ml" });
        JsonElement actions = await pair.CallAsync("epistemic_action", new() { ["session_id"] = id, ["force"] = true, ["min_relevance"] = 0.0 });
        string actionId = actions.GetProperty("actions")[0].GetProperty("action_id").GetString()!;
        JsonElement first = await pair.CallAsync("feedback", new() { ["session_id"] = id, ["action_id"] = actionId, ["helpful"] = true });
        Assert.True(first.GetProperty("recorded").GetBoolean());
        Assert.Equal(actions.GetProperty("actions")[0].GetProperty("action_type").GetString(), first.GetProperty("action_type").GetString());
        SessionToolsTests.AssertPulse(first);
        JsonElement again = await pair.CallAsync("feedback", new() { ["session_id"] = id, ["action_id"] = actionId, ["helpful"] = false });
        Assert.False(again.GetProperty("recorded").GetBoolean());
    }

    [Theory]
    [InlineData("observe")]
    [InlineData("epistemic_action")]
    [InlineData("set_goals")]
    [InlineData("feedback")]
    public async Task Tool_UnknownSession_FailsWithSessionNotFound(string tool)
    {
        await using McpPair pair = await McpPair.StartAsync();
        var args = new Dictionary<string, object?> { ["session_id"] = Guid.NewGuid() };
        switch (tool)
        {
            case "observe": args["text"] = "hi"; break;
            case "set_goals": args["goals"] = Array.Empty<object>(); break;
            case "feedback": args["action_id"] = "a1"; args["helpful"] = true; break;
        }

        McpProtocolException e = await pair.FailAsync(tool, args);
        Assert.Equal(-32000, (int)e.ErrorCode);
        Assert.Contains("Session not found", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> InvalidArguments => new()
    {
        { "observe", """{"session_id":"not-a-guid","text":"x"}""" },
        { "observe", """{"session_id":"$ID"}""" },
        { "observe", """{"session_id":"$ID","text":"x","source":"telepathy"}""" },
        { "observe", """{"session_id":"$ID","text":"x","sessionId":"$ID"}""" },
        { "epistemic_action", """{}""" },
        { "epistemic_action", """{"session_id":"$ID","max_actions":99}""" },
        { "epistemic_action", """{"session_id":"$ID","max_actions":-1}""" },
        { "epistemic_action", """{"session_id":"$ID","min_relevance":1.5}""" },
        { "epistemic_action", """{"session_id":"$ID","force":"yes"}""" },
        { "set_goals", """{"session_id":"$ID","goals":[{"description":"x","weight":0}]}""" },
        { "set_goals", """{"session_id":"$ID","goals":[{"description":"x","embedding":[1,2,3]}]}""" },
        { "feedback", """{"session_id":"$ID","action_id":"","helpful":true}""" },
    };

    [Theory]
    [MemberData(nameof(InvalidArguments))]
    public async Task Tool_InvalidArguments_FailsWithInvalidParamsAndChangesNothing(string tool, string arguments)
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await pair.CreateSessionAsync();
        string before = await pair.ExportAsync(id);
        var args = JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments.Replace("$ID", id.ToString(), StringComparison.Ordinal))!;
        McpProtocolException e = await pair.FailAsync(tool, args);
        Assert.Equal(-32602, (int)e.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        Assert.Equal(before, await pair.ExportAsync(id));
        Assert.Equal(1, (await pair.Store.LoadAsync(id))!.Version);
    }

    [Fact]
    public async Task Observe_WrongEmbeddingDimension_FailsWithBeliefUpdateFailedAndChangesNothing()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await pair.CreateSessionAsync();
        await pair.CallAsync("observe", new() { ["session_id"] = id, ["text"] = "first" });
        string before = await pair.ExportAsync(id);
        string storedBefore = (await pair.Store.LoadAsync(id))!.StateText();
        McpProtocolException e = await pair.FailAsync("observe", new() { ["session_id"] = id, ["embedding"] = new float[] { 1, 2, 3 } });
        Assert.Equal(-32010, (int)e.ErrorCode);
        Assert.Contains("3", e.Message, StringComparison.Ordinal);
        Assert.Equal(storedBefore, (await pair.Store.LoadAsync(id))!.StateText());
        Assert.Equal(2, (await pair.Store.LoadAsync(id))!.Version);
        Assert.Equal(before, await pair.ExportAsync(id));
    }

    [Fact]
    public async Task Observe_ZeroEmbedding_FailsWithNumericalInstabilityAndChangesNothing()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await pair.CreateSessionAsync();
        string before = await pair.ExportAsync(id);
        McpProtocolException e = await pair.FailAsync("observe", new() { ["session_id"] = id, ["embedding"] = new float[pair.Registry.EmbeddingDimension] });
        Assert.Equal(-32015, (int)e.ErrorCode);
        Assert.Equal(before, await pair.ExportAsync(id));
        Assert.Equal(1, (await pair.Store.LoadAsync(id))!.Version);
    }

    [Fact]
    public async Task Feedback_UnknownActionId_FailsWithActionGenerationFailedAndChangesNothing()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await pair.CreateSessionAsync();
        string before = await pair.ExportAsync(id);
        McpProtocolException e = await pair.FailAsync("feedback", new() { ["session_id"] = id, ["action_id"] = "no-such-action", ["helpful"] = true });
        Assert.Equal(-32014, (int)e.ErrorCode);
        Assert.Contains("no-such-action", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await pair.ExportAsync(id));
    }
}
