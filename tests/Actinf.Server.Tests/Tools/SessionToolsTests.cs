using System.Text.Json;
using Actinf.Server.Tests.Support;
using ModelContextProtocol;

namespace Actinf.Server.Tests.Tools;

public sealed class SessionToolsTests
{
    [Fact]
    public async Task SessionCreate_WithDomainAndGoals_ReturnsIdVersionOneAndPulse()
    {
        await using McpPair pair = await McpPair.StartAsync();
        JsonElement r = await pair.CallAsync("session_create", new()
        {
            ["domain"] = "billing",
            ["goals"] = new[] { new Dictionary<string, object?> { ["description"] = "find why the invoice is wrong", ["weight"] = 2.0 } },
        });
        Assert.NotEqual(Guid.Empty, r.GetProperty("session_id").GetGuid());
        Assert.Equal(1, r.GetProperty("version").GetInt64());
        Assert.Equal("billing", r.GetProperty("domain").GetString());
        Assert.Equal(1, r.GetProperty("goal_count").GetInt32());
        AssertPulse(r);
        string state = await pair.ExportAsync(r.GetProperty("session_id").GetGuid());
        using JsonDocument doc = JsonDocument.Parse(state);
        Assert.Equal("billing", doc.RootElement.GetProperty("currentDomain").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("goals").GetArrayLength());
    }

    [Fact]
    public async Task SessionGet_FreshSession_ReportsFullUncertaintyAndUnknownQuadrant()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await pair.CreateSessionAsync();
        JsonElement r = await pair.CallAsync("session_get", new() { ["session_id"] = id });
        Assert.Equal(id, r.GetProperty("session_id").GetGuid());
        Assert.Equal(0, r.GetProperty("observation_count").GetInt64());
        Assert.Equal(1f, r.GetProperty("uncertainty_level").GetSingle());
        Assert.Equal("Unknown", r.GetProperty("johari_quadrant").GetString());
        Assert.Equal(JsonValueKind.Object, r.GetProperty("domain_uncertainty").ValueKind);
        AssertPulse(r);
    }

    [Fact]
    public async Task SessionList_TwoSessions_ListsBothWithAPulse()
    {
        await using McpPair pair = await McpPair.StartAsync();
        JsonElement empty = await pair.CallAsync("session_list");
        Assert.Equal(0, empty.GetProperty("count").GetInt32());
        AssertPulse(empty);
        Guid a = await pair.CreateSessionAsync();
        Guid b = await pair.CreateSessionAsync();
        JsonElement r = await pair.CallAsync("session_list");
        Assert.Equal(2, r.GetProperty("count").GetInt32());
        Guid[] ids = [.. r.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("session_id").GetGuid())];
        Assert.Equal(new[] { a, b }.Order(), ids.Order());
        AssertPulse(r);
    }

    [Fact]
    public async Task SessionDelete_ExistingSession_RemovesItFromStoreAndMemory()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await pair.CreateSessionAsync();
        JsonElement r = await pair.CallAsync("session_delete", new() { ["session_id"] = id });
        Assert.True(r.GetProperty("deleted").GetBoolean());
        AssertPulse(r);
        Assert.Null(await pair.Store.LoadAsync(id));
        McpProtocolException e = await pair.FailAsync("session_get", new() { ["session_id"] = id });
        Assert.Equal(-32000, (int)e.ErrorCode);
    }

    [Fact]
    public async Task SessionExportImport_IntoAnotherServer_RoundTripsExactly()
    {
        string state;
        Guid id;
        await using (McpPair first = await McpPair.StartAsync())
        {
            id = await first.CreateSessionAsync(new() { ["domain"] = "kubernetes" });
            await first.CallAsync("observe", new() { ["session_id"] = id, ["text"] = "the pod keeps restarting after the upgrade", ["domain"] = "kubernetes" });
            state = await first.ExportAsync(id);
        }

        await using McpPair second = await McpPair.StartAsync();
        using JsonDocument doc = JsonDocument.Parse(state);
        JsonElement imported = await second.CallAsync("session_import", new() { ["state"] = doc.RootElement });
        Assert.Equal(id, imported.GetProperty("session_id").GetGuid());
        Assert.False(imported.GetProperty("replaced").GetBoolean());
        Assert.Equal(1, imported.GetProperty("version").GetInt64());
        AssertPulse(imported);
        Assert.Equal(state, await second.ExportAsync(id));
    }

    [Fact]
    public async Task SessionImport_StateAsStringWithReplace_OverwritesTheStoredSession()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await pair.CreateSessionAsync();
        string before = await pair.ExportAsync(id);
        await pair.CallAsync("observe", new() { ["session_id"] = id, ["text"] = "hello" });
        JsonElement r = await pair.CallAsync("session_import", new() { ["state"] = before, ["replace"] = true });
        Assert.True(r.GetProperty("replaced").GetBoolean());
        Assert.Equal(3, r.GetProperty("version").GetInt64());
        Assert.Equal(before, await pair.ExportAsync(id));
    }

    [Theory]
    [InlineData("session_get")]
    [InlineData("session_delete")]
    [InlineData("session_export")]
    public async Task SessionTool_UnknownSession_FailsWithSessionNotFound(string tool)
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid unknown = Guid.NewGuid();
        McpProtocolException e = await pair.FailAsync(tool, new() { ["session_id"] = unknown });
        Assert.Equal(-32000, (int)e.ErrorCode);
        Assert.Contains(unknown.ToString(), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionImport_ExistingWithoutReplace_FailsWithInvalidParamsAndKeepsTheSession()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await pair.CreateSessionAsync();
        await pair.CallAsync("observe", new() { ["session_id"] = id, ["text"] = "one" });
        string state = await pair.ExportAsync(id);
        McpProtocolException e = await pair.FailAsync("session_import", new() { ["state"] = state });
        Assert.Equal(-32602, (int)e.ErrorCode);
        Assert.Contains("replace", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await pair.Store.LoadAsync(id))!.Version);
    }

    [Fact]
    public async Task SessionImport_UnsupportedVersion_FailsWithInvalidModel()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await pair.CreateSessionAsync();
        string state = (await pair.ExportAsync(id)).Replace("\"version\":2", "\"version\":99", StringComparison.Ordinal);
        McpProtocolException e = await pair.FailAsync("session_import", new() { ["state"] = state, ["replace"] = true });
        Assert.Equal(-32012, (int)e.ErrorCode);
        Assert.Contains("99", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionImport_StateNotAnObject_FailsWithInvalidParams()
    {
        await using McpPair pair = await McpPair.StartAsync();
        McpProtocolException e = await pair.FailAsync("session_import", new() { ["state"] = 42 });
        Assert.Equal(-32602, (int)e.ErrorCode);
    }

    internal static void AssertPulse(JsonElement response)
    {
        JsonElement pulse = response.GetProperty("pulse");
        float entropy = pulse.GetProperty("entropy").GetSingle();
        float coherence = pulse.GetProperty("coherence").GetSingle();
        Assert.InRange(entropy, 0f, 1f);
        Assert.InRange(coherence, 0f, 1f);
        Assert.Contains(pulse.GetProperty("suggested_action").GetString(), new[] { "continue", "explore", "trigger_dream" });
    }
}
