using Actinf.Server.Stores;
using Actinf.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Actinf.Server.Tests.Stores;

public sealed class SqliteSessionStoreTests
{
    private static SessionRecord Record(Guid id, long version, string state = "{}") =>
        new(id, version, new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero).AddSeconds(version), 0.5f, 0.25f, state);

    [Fact]
    public async Task SaveLoad_NewSession_RoundTripsEveryField()
    {
        using var folder = new TempFolder();
        using var store = new SqliteSessionStore(folder.File("s.db"));
        Guid id = Guid.NewGuid();
        SessionRecord saved = Record(id, 1, """{"x":1.5}""");
        await store.SaveAsync(saved, 0);
        Assert.Equal(saved, await store.LoadAsync(id));
        Assert.Null(await store.LoadAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Save_WrongExpectedVersion_ThrowsConflictAndKeepsTheRow()
    {
        using var folder = new TempFolder();
        using var store = new SqliteSessionStore(folder.File("s.db"));
        Guid id = Guid.NewGuid();
        await store.SaveAsync(Record(id, 1, "one"), 0);
        await Assert.ThrowsAsync<SessionStoreConflictException>(() => store.SaveAsync(Record(id, 1, "again"), 0));
        await Assert.ThrowsAsync<SessionStoreConflictException>(() => store.SaveAsync(Record(id, 3, "stale"), 2));
        await store.SaveAsync(Record(id, 2, "two"), 1);
        Assert.Equal("two", (await store.LoadAsync(id))!.State);
    }

    [Fact]
    public async Task Save_VersionNotIncreasing_ThrowsArgumentException()
    {
        using var folder = new TempFolder();
        using var store = new SqliteSessionStore(folder.File("s.db"));
        ArgumentException e = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Record(Guid.NewGuid(), 1), 1));
        Assert.Equal("record", e.ParamName);
    }

    [Fact]
    public async Task DeleteAndList_TwoSessions_ListsNewestFirstAndDeletesOne()
    {
        using var folder = new TempFolder();
        using var store = new SqliteSessionStore(folder.File("s.db"));
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        await store.SaveAsync(Record(a, 1), 0);
        await store.SaveAsync(Record(b, 2), 0);
        Assert.Equal([b, a], (await store.ListAsync(10)).Select(s => s.SessionId));
        Assert.True(await store.DeleteAsync(a));
        Assert.False(await store.DeleteAsync(a));
        Assert.Equal([b], (await store.ListAsync(10)).Select(s => s.SessionId));
    }

    [Fact]
    public async Task Open_ExistingFile_UsesWalAndKeepsData()
    {
        using var folder = new TempFolder();
        string path = folder.File("nested/s.db");
        Guid id = Guid.NewGuid();
        using (var store = new SqliteSessionStore(path))
        {
            await store.SaveAsync(Record(id, 1, "kept"), 0);
        }

        using (var reopened = new SqliteSessionStore(path))
        {
            Assert.Equal("kept", (await reopened.LoadAsync(id))!.State);
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using SqliteCommand cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)cmd.ExecuteScalar());
    }
}
