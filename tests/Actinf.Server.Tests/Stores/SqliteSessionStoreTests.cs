using System.Text;
using Actinf.Server.Stores;
using Actinf.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Actinf.Server.Tests.Stores;

public sealed class SqliteSessionStoreTests
{
    private static SessionRecord Record(Guid id, long version, string state = "{}") =>
        new(id, version, new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero).AddSeconds(version), 0.5f, 0.25f, Encoding.UTF8.GetBytes(state));

    [Fact]
    public async Task SaveLoad_NewSession_RoundTripsEveryField()
    {
        using var folder = new TempFolder();
        using var store = new SqliteSessionStore(folder.File("s.db"));
        Guid id = Guid.NewGuid();
        SessionRecord saved = Record(id, 1, """{"x":1.5,"text":"é ü 日本 🙂"}""");
        await store.SaveAsync(saved, 0);
        SessionRecord loaded = (await store.LoadAsync(id))!;
        Assert.Equal(saved with { State = default }, loaded with { State = default });
        Assert.Equal(saved.State.ToArray(), loaded.State.ToArray());
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
        Assert.Equal("two", (await store.LoadAsync(id))!.StateText());
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
    public async Task Save_StateSliceOfAReusedBuffer_StoresExactlyTheSliceAndNotLaterChanges()
    {
        using var folder = new TempFolder();
        using var store = new SqliteSessionStore(folder.File("s.db"));
        Guid id = Guid.NewGuid();
        byte[] buffer = Encoding.UTF8.GetBytes("xx{\"a\":1}yyyy");
        await store.SaveAsync(Record(id, 1) with { State = buffer.AsMemory(2, 7) }, 0);
        buffer.AsSpan().Fill((byte)'z'); // the caller reuses its buffer once the save has completed
        Assert.Equal("{\"a\":1}", (await store.LoadAsync(id))!.StateText());
    }

    [Fact]
    public async Task Load_RowWrittenAsAStringParameter_ReadsTheSameUtf8()
    {
        // Rows written before saves bound UTF-8 bytes went through Microsoft.Data.Sqlite's string binding.
        using var folder = new TempFolder();
        string path = folder.File("s.db");
        Guid id = Guid.NewGuid();
        const string State = "{\"t\":\"é 日本\"}";
        using (new SqliteSessionStore(path))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand cmd = connection.CreateCommand();
            cmd.CommandText = "INSERT INTO sessions (id, version, updated_at, uncertainty, coherence, state) VALUES ($id, 1, '2026-12-04T15:00:00.0000000+00:00', 0.5, 0.25, $state);";
            cmd.Parameters.AddWithValue("$id", id.ToString("D"));
            cmd.Parameters.AddWithValue("$state", State);
            cmd.ExecuteNonQuery();
        }

        using var store = new SqliteSessionStore(path);
        Assert.Equal(State, (await store.LoadAsync(id))!.StateText());
        await store.SaveAsync(Record(id, 2, "{\"t\":\"ü\"}"), 1);
        using var reader = new SqliteConnection($"Data Source={path};Pooling=False");
        reader.Open();
        using SqliteCommand read = reader.CreateCommand();
        read.CommandText = "SELECT typeof(state), state FROM sessions;";
        using SqliteDataReader row = read.ExecuteReader();
        Assert.True(row.Read());
        Assert.Equal("text", row.GetString(0)); // still TEXT, readable by any SQLite tool
        Assert.Equal("{\"t\":\"ü\"}", row.GetString(1));
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
            Assert.Equal("kept", (await reopened.LoadAsync(id))!.StateText());
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using SqliteCommand cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)cmd.ExecuteScalar());
    }
}
