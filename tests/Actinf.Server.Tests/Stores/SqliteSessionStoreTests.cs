using System.Text;
using Actinf.Epistemic.Sessions;
using Actinf.Server.Stores;
using Actinf.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Actinf.Server.Tests.Stores;

public sealed class SqliteSessionStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 15, 0, 0, TimeSpan.Zero);

    private static SessionRecord Record(Guid id, long version, params (SessionStateParts Part, string State)[] parts) =>
        new(id, version, At.AddSeconds(version), 0.5f, 0.25f, [.. parts.Select(p => new SessionPartState(p.Part, Encoding.UTF8.GetBytes(p.State)))]);

    private static SessionRecord Whole(Guid id, long version, string beliefs = "b", string goals = "g", string actions = "a") =>
        Record(id, version, (SessionStateParts.Beliefs, beliefs), (SessionStateParts.Goals, goals), (SessionStateParts.Actions, actions));

    [Fact]
    public async Task SaveLoad_NewSession_RoundTripsEveryFieldAndPart()
    {
        using var folder = new TempFolder();
        using var store = new SqliteSessionStore(folder.File("s.db"));
        Guid id = Guid.NewGuid();
        SessionRecord saved = Whole(id, 1, """{"x":1.5,"text":"é ü 日本 🙂"}""", "[goals]", "{actions}");
        await store.SaveAsync(saved, 0);
        SessionRecord loaded = (await store.LoadAsync(id))!;
        Assert.Equal(saved with { Parts = [] }, loaded with { Parts = [] });
        Assert.Equal(3, loaded.Parts.Count);
        Assert.Equal("""{"x":1.5,"text":"é ü 日本 🙂"}""", loaded.PartText(SessionStateParts.Beliefs));
        Assert.Equal("[goals]", loaded.PartText(SessionStateParts.Goals));
        Assert.Equal("{actions}", loaded.PartText(SessionStateParts.Actions));
        Assert.Null(await store.LoadAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Save_OnlyOnePart_ReplacesThatPartAndKeepsTheOthers()
    {
        using var folder = new TempFolder();
        using var store = new SqliteSessionStore(folder.File("s.db"));
        Guid id = Guid.NewGuid();
        await store.SaveAsync(Whole(id, 1), 0);
        await store.SaveAsync(Record(id, 2, (SessionStateParts.Actions, "a2")), 1);
        await store.SaveAsync(Record(id, 3), 2); // a version without changed parts: the summary only
        await store.SaveAsync(Record(id, 4, (SessionStateParts.Goals, "g4"), (SessionStateParts.Beliefs, "b4")), 3);
        SessionRecord loaded = (await store.LoadAsync(id))!;
        Assert.Equal(4, loaded.Version);
        Assert.Equal(At.AddSeconds(4), loaded.UpdatedAt);
        Assert.Equal(("b4", "g4", "a2"), (loaded.PartText(SessionStateParts.Beliefs), loaded.PartText(SessionStateParts.Goals), loaded.PartText(SessionStateParts.Actions)));
    }

    [Fact]
    public async Task Save_WrongExpectedVersion_ThrowsConflictAndKeepsTheRowAndItsParts()
    {
        using var folder = new TempFolder();
        using var store = new SqliteSessionStore(folder.File("s.db"));
        Guid id = Guid.NewGuid();
        await store.SaveAsync(Whole(id, 1, actions: "one"), 0);
        await Assert.ThrowsAsync<SessionStoreConflictException>(() => store.SaveAsync(Whole(id, 1, actions: "again"), 0));
        await Assert.ThrowsAsync<SessionStoreConflictException>(() => store.SaveAsync(Record(id, 3, (SessionStateParts.Actions, "stale")), 2));
        Assert.Equal("one", (await store.LoadAsync(id))!.PartText(SessionStateParts.Actions));
        await store.SaveAsync(Record(id, 2, (SessionStateParts.Actions, "two")), 1);
        Assert.Equal("two", (await store.LoadAsync(id))!.PartText(SessionStateParts.Actions));
    }

    [Fact]
    public async Task Save_BadVersionOrParts_ThrowsArgumentExceptionNamingTheProblem()
    {
        using var folder = new TempFolder();
        using var store = new SqliteSessionStore(folder.File("s.db"));
        Guid id = Guid.NewGuid();
        ArgumentException notIncreasing = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Whole(id, 1), 1));
        Assert.Equal("record", notIncreasing.ParamName);

        ArgumentException missing = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Record(id, 1, (SessionStateParts.Beliefs, "b"), (SessionStateParts.Goals, "g")), 0));
        Assert.Contains("all three parts", missing.Message, StringComparison.Ordinal);

        ArgumentException twice = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Record(id, 1, (SessionStateParts.Goals, "g"), (SessionStateParts.Goals, "g"), (SessionStateParts.Beliefs, "b"), (SessionStateParts.Actions, "a")), 0));
        Assert.Contains("once", twice.Message, StringComparison.Ordinal);

        ArgumentException whole = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Record(id, 1, (SessionStateParts.All, "{}")), 0));
        Assert.Contains("All", whole.Message, StringComparison.Ordinal);

        ArgumentException empty = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Whole(id, 1, goals: string.Empty), 0));
        Assert.Contains("Goals part is empty", empty.Message, StringComparison.Ordinal);
        Assert.Null(await store.LoadAsync(id));
    }

    [Fact]
    public async Task Save_StateSliceOfAReusedBuffer_StoresExactlyTheSliceAndNotLaterChanges()
    {
        using var folder = new TempFolder();
        using var store = new SqliteSessionStore(folder.File("s.db"));
        Guid id = Guid.NewGuid();
        byte[] buffer = Encoding.UTF8.GetBytes("xx{\"a\":1}yyyy");
        SessionRecord record = Whole(id, 1);
        await store.SaveAsync(record with { Parts = [record.Parts[0], record.Parts[1], new(SessionStateParts.Actions, buffer.AsMemory(2, 7))] }, 0);
        buffer.AsSpan().Fill((byte)'z'); // the caller reuses its buffer once the save has completed
        Assert.Equal("{\"a\":1}", (await store.LoadAsync(id))!.PartText(SessionStateParts.Actions));
    }

    [Fact]
    public async Task Load_WholeDocumentRowOfAnEarlierVersion_ReadsAsOneWholePart_AndTheFirstSaveMustGiveEveryPart()
    {
        // Earlier versions kept the whole session in sessions.state (written through Microsoft.Data.Sqlite's string binding).
        using var folder = new TempFolder();
        string path = folder.File("s.db");
        Guid id = Guid.NewGuid();
        const string State = "{\"t\":\"é 日本\"}";
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand cmd = connection.CreateCommand();
            cmd.CommandText = """
                CREATE TABLE sessions (id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL, uncertainty REAL NOT NULL, coherence REAL NOT NULL, state TEXT NOT NULL);
                CREATE INDEX sessions_updated ON sessions(updated_at);
                INSERT INTO sessions (id, version, updated_at, uncertainty, coherence, state) VALUES ($id, 1, '2026-12-04T15:00:00.0000000+00:00', 0.5, 0.25, $state);
                """;
            cmd.Parameters.AddWithValue("$id", id.ToString("D"));
            cmd.Parameters.AddWithValue("$state", State);
            cmd.ExecuteNonQuery();
        }

        using var store = new SqliteSessionStore(path);
        SessionRecord legacy = (await store.LoadAsync(id))!;
        Assert.Equal(SessionStateParts.All, Assert.Single(legacy.Parts).Part);
        Assert.Equal(State, legacy.StateText());

        InvalidOperationException partial = await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveAsync(Record(id, 2, (SessionStateParts.Actions, "a")), 1));
        Assert.Contains("whole document", partial.Message, StringComparison.Ordinal);
        Assert.Equal(State, (await store.LoadAsync(id))!.StateText());
        await Assert.ThrowsAsync<SessionStoreConflictException>(() => store.SaveAsync(Whole(id, 3), 2));

        await store.SaveAsync(Whole(id, 2, "b2", "g2", "a2"), 1);
        SessionRecord migrated = (await store.LoadAsync(id))!;
        Assert.Equal(2, migrated.Version);
        Assert.Equal(("b2", "g2", "a2"), (migrated.PartText(SessionStateParts.Beliefs), migrated.PartText(SessionStateParts.Goals), migrated.PartText(SessionStateParts.Actions)));
        Assert.Equal(string.Empty, migrated.PartText(SessionStateParts.All));

        using var reader = new SqliteConnection($"Data Source={path};Pooling=False");
        reader.Open();
        using SqliteCommand read = reader.CreateCommand();
        read.CommandText = "SELECT (SELECT state FROM sessions), (SELECT group_concat(typeof(state)) FROM session_parts);";
        using SqliteDataReader row = read.ExecuteReader();
        Assert.True(row.Read());
        Assert.Equal(string.Empty, row.GetString(0)); // the whole document is gone once the parts are stored
        Assert.Equal("text,text,text", row.GetString(1)); // still TEXT, readable by any SQLite tool
    }

    [Fact]
    public async Task Load_SessionMissingAPartRow_ThrowsInvalidDataNamingTheSession()
    {
        using var folder = new TempFolder();
        string path = folder.File("s.db");
        Guid id = Guid.NewGuid();
        using var store = new SqliteSessionStore(path);
        await store.SaveAsync(Whole(id, 1), 0);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand cmd = connection.CreateCommand();
            cmd.CommandText = $"DELETE FROM session_parts WHERE part = {(int)SessionStateParts.Goals};";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        InvalidDataException e = await Assert.ThrowsAsync<InvalidDataException>(() => store.LoadAsync(id));
        Assert.Contains(id.ToString(), e.Message, StringComparison.Ordinal);
        Assert.Contains("damaged", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAndList_TwoSessions_ListsNewestFirstAndDeletesOneWithItsParts()
    {
        using var folder = new TempFolder();
        string path = folder.File("s.db");
        using var store = new SqliteSessionStore(path);
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        await store.SaveAsync(Whole(a, 1), 0);
        await store.SaveAsync(Whole(b, 2), 0);
        Assert.Equal([b, a], (await store.ListAsync(10)).Select(s => s.SessionId));
        Assert.True(await store.DeleteAsync(a));
        Assert.False(await store.DeleteAsync(a));
        Assert.Equal([b], (await store.ListAsync(10)).Select(s => s.SessionId));

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using SqliteCommand cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM session_parts WHERE session_id = $id;";
        cmd.Parameters.AddWithValue("$id", a.ToString("D"));
        Assert.Equal(0L, (long)cmd.ExecuteScalar()!);

        // The id can be used again and starts from its new parts, not the deleted ones.
        await store.SaveAsync(Whole(a, 1, "new b", "new g", "new a"), 0);
        Assert.Equal("new g", (await store.LoadAsync(a))!.PartText(SessionStateParts.Goals));
    }

    [Fact]
    public async Task Open_ExistingFile_UsesWalAndKeepsData()
    {
        using var folder = new TempFolder();
        string path = folder.File("nested/s.db");
        Guid id = Guid.NewGuid();
        using (var store = new SqliteSessionStore(path))
        {
            await store.SaveAsync(Whole(id, 1, actions: "kept"), 0);
        }

        using (var reopened = new SqliteSessionStore(path))
        {
            Assert.Equal("kept", (await reopened.LoadAsync(id))!.PartText(SessionStateParts.Actions));
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using SqliteCommand cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)cmd.ExecuteScalar());
    }
}
