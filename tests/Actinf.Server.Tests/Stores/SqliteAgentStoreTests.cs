using Actinf.Server.Stores;
using Actinf.Server.Tests.Support;

namespace Actinf.Server.Tests.Stores;

public sealed class SqliteAgentStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AppendAsync_StepsAndReset_LoadReturnsThemInOrder()
    {
        using var folder = new TempFolder();
        Guid id = Guid.NewGuid();
        using (var store = new SqliteAgentStore(folder.File("s.db")))
        {
            await store.CreateAsync(NewRecord(id));
            await store.AppendAsync(id, 0, AgentEvent.Step([1, 2], [3]), At.AddSeconds(1), 0.5f, 0.25f);
            await store.AppendAsync(id, 1, AgentEvent.Reset, At.AddSeconds(2), 1f, 1f);
            await store.AppendAsync(id, 2, AgentEvent.Step([0, 0], [1]), At.AddSeconds(3), 0.75f, 0.125f);
        }

        // A new connection on the same file: what was acknowledged is there.
        using var reopened = new SqliteAgentStore(folder.File("s.db"));
        AgentRecord loaded = (await reopened.LoadAsync(id))!;
        Assert.Equal("{\"doc\":1}", loaded.Document);
        Assert.Equal(7, loaded.Seed);
        Assert.Equal(AgentLearning.Likelihood | AgentLearning.InitialState, loaded.Learning);
        Assert.Equal(At, loaded.CreatedAt);
        Assert.Equal(At.AddSeconds(3), loaded.UpdatedAt);
        Assert.Equal(0.75f, loaded.UncertaintyLevel);
        Assert.Equal(0.125f, loaded.Coherence);
        Assert.Equal(3, loaded.Events.Count);
        Assert.Equal([1, 2], loaded.Events[0].Observation!);
        Assert.Equal([3], loaded.Events[0].Action!);
        Assert.Equal(AgentEventKind.Reset, loaded.Events[1].Kind);
        Assert.Null(loaded.Events[1].Observation);
        Assert.Equal([0, 0], loaded.Events[2].Observation!);
        Assert.Equal("wal", reopened.JournalMode());
    }

    [Fact]
    public async Task AppendAsync_WrongExpectedCount_ThrowsConflictAndStoresNothing()
    {
        using var folder = new TempFolder();
        using var store = new SqliteAgentStore(folder.File("s.db"));
        Guid id = Guid.NewGuid();
        await store.CreateAsync(NewRecord(id));
        await store.AppendAsync(id, 0, AgentEvent.Step([1], [0]), At, 0.5f, 0.5f);
        await Assert.ThrowsAsync<SessionStoreConflictException>(() => store.AppendAsync(id, 0, AgentEvent.Step([0], [1]), At, 0.5f, 0.5f));
        await Assert.ThrowsAsync<SessionStoreConflictException>(() => store.AppendAsync(Guid.NewGuid(), 0, AgentEvent.Reset, At, 1f, 1f));
        AgentRecord loaded = (await store.LoadAsync(id))!;
        Assert.Single(loaded.Events);
        Assert.Equal([1], loaded.Events[0].Observation!);
    }

    [Fact]
    public async Task CreateAsync_ExistingId_ThrowsConflict()
    {
        using var folder = new TempFolder();
        using var store = new SqliteAgentStore(folder.File("s.db"));
        Guid id = Guid.NewGuid();
        await store.CreateAsync(NewRecord(id));
        await Assert.ThrowsAsync<SessionStoreConflictException>(() => store.CreateAsync(NewRecord(id)));
        ArgumentException e = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateAsync(NewRecord(Guid.NewGuid()) with { Events = [AgentEvent.Reset] }));
        Assert.Equal("record", e.ParamName);
    }

    [Fact]
    public async Task DeleteAsync_StoredAgent_RemovesItAndItsEvents()
    {
        using var folder = new TempFolder();
        using var store = new SqliteAgentStore(folder.File("s.db"));
        Guid id = Guid.NewGuid();
        await store.CreateAsync(NewRecord(id));
        await store.AppendAsync(id, 0, AgentEvent.Step([1], [0]), At, 0.5f, 0.5f);
        Assert.True(await store.DeleteAsync(id));
        Assert.Null(await store.LoadAsync(id));
        Assert.False(await store.DeleteAsync(id));

        // The id can be reused from scratch: no event rows were left behind.
        await store.CreateAsync(NewRecord(id));
        Assert.Empty((await store.LoadAsync(id))!.Events);
    }

    private static AgentRecord NewRecord(Guid id) =>
        new(id, "{\"doc\":1}", 7, AgentLearning.Likelihood | AgentLearning.InitialState, At, At, 1f, 1f, []);
}
