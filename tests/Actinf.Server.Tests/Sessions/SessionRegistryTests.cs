using System.Text.Json;
using Actinf.Server.Tests.Support;

namespace Actinf.Server.Tests.Sessions;

public sealed class SessionRegistryTests
{
    [Fact]
    public async Task Calls_ManySessionsInParallel_CountsAddUpExactly()
    {
        const int sessions = 100;
        const int observationsPerSession = 3;
        await using McpPair pair = await McpPair.StartAsync();
        Guid[] ids = await Task.WhenAll(Enumerable.Range(0, sessions).Select(_ => pair.CreateSessionAsync()));

        // Every observation of every session at once through one client: calls on one session are serialised,
        // calls on different sessions run in parallel; none may be lost.
        await Task.WhenAll(ids.SelectMany(id => Enumerable.Range(0, observationsPerSession).Select(k =>
            pair.CallAsync("observe", new() { ["session_id"] = id, ["text"] = $"message {k} of {id}", ["domain"] = $"d{k}" }))));

        JsonElement list = await pair.CallAsync("session_list");
        Assert.Equal(sessions, list.GetProperty("count").GetInt32());
        foreach (Guid id in ids)
        {
            JsonElement got = await pair.CallAsync("session_get", new() { ["session_id"] = id });
            Assert.Equal(observationsPerSession, got.GetProperty("observation_count").GetInt64());
            Assert.Equal(1 + observationsPerSession, got.GetProperty("version").GetInt64());
            Assert.Equal(1 + observationsPerSession, (await pair.Store.LoadAsync(id))!.Version);
        }
    }

    [Fact]
    public async Task Calls_OneSessionConcurrently_AreSerialisedWithoutLostUpdates()
    {
        const int calls = 20;
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await pair.CreateSessionAsync();
        await Task.WhenAll(Enumerable.Range(0, calls).Select(k => pair.CallAsync("observe", new() { ["session_id"] = id, ["text"] = $"turn {k}" })));
        JsonElement got = await pair.CallAsync("session_get", new() { ["session_id"] = id });
        Assert.Equal(calls, got.GetProperty("observation_count").GetInt64());
        Assert.Equal(1 + calls, got.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Eviction_MoreSessionsThanTheBound_KeepsMemoryBoundedAndReloadsExactly()
    {
        await using McpPair pair = await McpPair.StartAsync(o => o with { MaxLoadedSessions = 2 });
        var exports = new Dictionary<Guid, string>();
        for (int i = 0; i < 5; i++)
        {
            Guid id = await pair.CreateSessionAsync();
            await pair.CallAsync("observe", new() { ["session_id"] = id, ["text"] = $"session {i}" });
            exports[id] = (await pair.Store.LoadAsync(id))!.StateText();
            Assert.InRange(pair.Registry.LoadedCount, 0, 2);
        }

        foreach ((Guid id, string stored) in exports)
        {
            Assert.Equal(McpPair.Canonical(stored), McpPair.Canonical(await pair.ExportAsync(id)));
            Assert.InRange(pair.Registry.LoadedCount, 0, 2);
        }
    }

    [Fact]
    public async Task EvictAll_ThenObserve_ContinuesFromTheStoredState()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await pair.CreateSessionAsync();
        await pair.CallAsync("observe", new() { ["session_id"] = id, ["text"] = "first" });
        Assert.Equal(1, pair.Registry.EvictAll());
        Assert.Equal(0, pair.Registry.LoadedCount);
        JsonElement r = await pair.CallAsync("observe", new() { ["session_id"] = id, ["text"] = "second" });
        Assert.Equal(2, r.GetProperty("observation_count").GetInt64());
        Assert.Equal(3, r.GetProperty("version").GetInt64());
    }
}
