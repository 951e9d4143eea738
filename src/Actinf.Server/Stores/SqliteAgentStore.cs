using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Actinf.Server.Stores;

/// <summary>
/// The embedded agent store: two tables in the server's SQLite file (next to <c>sessions</c>),
/// <c>agents(id, created_at, updated_at, event_count, seed, learning, uncertainty, coherence, document)</c> and
/// <c>agent_events(agent_id, seq, kind, observation, action)</c>, one row per acknowledged step or reset.
/// </summary>
/// <remarks>
/// <para>
/// Durability as in <see cref="SqliteSessionStore"/>: <c>journal_mode=WAL</c> and <c>synchronous=FULL</c>, so an
/// append that returned survives a killed process, an OS crash and a power loss. An append is one small
/// transaction (one event row plus the agent row's counter), whatever the size of the model.
/// </para>
/// <para>
/// One connection of its own, with group commit (<see cref="SqliteGroupCommit"/>: the appends of different agents
/// that wait together share one transaction); it shares the file with the session store (SQLite serialises the
/// writers; <c>busy_timeout</c> covers the wait).
/// </para>
/// </remarks>
public sealed class SqliteAgentStore : IAgentStore, IDisposable
{
    private readonly SqliteGroupCommit _connection;

    /// <summary>Opens (creating if needed) the store file and the agent tables.</summary>
    /// <param name="path">The SQLite file; its folder is created when missing.</param>
    /// <param name="durability">Whether every commit is fsynced before it returns (default) or only handed to the OS.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a SQLite database.</exception>
    public SqliteAgentStore(string path, StoreDurability durability = StoreDurability.Full)
    {
        _connection = new SqliteGroupCommit(path, durability);
        Path = _connection.Path;
        _connection.Execute("""
            CREATE TABLE IF NOT EXISTS agents (
              id TEXT PRIMARY KEY NOT NULL,
              created_at TEXT NOT NULL,
              updated_at TEXT NOT NULL,
              event_count INTEGER NOT NULL,
              seed INTEGER NOT NULL,
              learning INTEGER NOT NULL,
              uncertainty REAL NOT NULL,
              coherence REAL NOT NULL,
              document TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS agent_events (
              agent_id TEXT NOT NULL,
              seq INTEGER NOT NULL,
              kind INTEGER NOT NULL,
              observation TEXT,
              action TEXT,
              PRIMARY KEY (agent_id, seq)
            ) WITHOUT ROWID;
            """);
    }

    /// <summary>The full path of the store file.</summary>
    public string Path { get; }

    /// <summary>The SQLite journal mode of the connection (<c>wal</c>).</summary>
    /// <returns>The mode.</returns>
    public string JournalMode() => _connection.JournalMode();

    /// <inheritdoc />
    public Task CreateAsync(AgentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Events.Count != 0)
        {
            throw new ArgumentException($"A new agent has no events; this record has {record.Events.Count}.", nameof(record));
        }

        return _connection.WriteAsync(
            connection =>
            {
                using SqliteCommand cmd = connection.CreateCommand();
                cmd.CommandText = """
                    INSERT INTO agents (id, created_at, updated_at, event_count, seed, learning, uncertainty, coherence, document)
                    VALUES ($id, $created, $updated, 0, $seed, $learning, $u, $c, $document) ON CONFLICT(id) DO NOTHING;
                    """;
                cmd.Parameters.AddWithValue("$id", Key(record.AgentId));
                cmd.Parameters.AddWithValue("$created", Time(record.CreatedAt));
                cmd.Parameters.AddWithValue("$updated", Time(record.UpdatedAt));
                cmd.Parameters.AddWithValue("$seed", record.Seed);
                cmd.Parameters.AddWithValue("$learning", (int)record.Learning);
                cmd.Parameters.AddWithValue("$u", (double)record.UncertaintyLevel);
                cmd.Parameters.AddWithValue("$c", (double)record.Coherence);
                cmd.Parameters.AddWithValue("$document", record.Document);
                if (cmd.ExecuteNonQuery() != 1)
                {
                    throw new SessionStoreConflictException($"Agent {record.AgentId} already exists in the store.");
                }

                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<AgentRecord?> LoadAsync(Guid agentId, CancellationToken cancellationToken = default) =>
        _connection.ReadAsync(connection => Load(connection, agentId), cancellationToken);

    /// <inheritdoc />
    public Task AppendAsync(Guid agentId, long expectedCount, AgentEvent agentEvent, DateTimeOffset updatedAt, float uncertaintyLevel, float coherence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agentEvent);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedCount);

        // Both rows are written in one transaction (with the other writes of the batch), or neither.
        return _connection.WriteAsync(
            connection =>
            {
                using (SqliteCommand update = connection.CreateCommand())
                {
                    update.CommandText = "UPDATE agents SET event_count = $next, updated_at = $updated, uncertainty = $u, coherence = $c WHERE id = $id AND event_count = $expected;";
                    update.Parameters.AddWithValue("$id", Key(agentId));
                    update.Parameters.AddWithValue("$next", expectedCount + 1);
                    update.Parameters.AddWithValue("$expected", expectedCount);
                    update.Parameters.AddWithValue("$updated", Time(updatedAt));
                    update.Parameters.AddWithValue("$u", (double)uncertaintyLevel);
                    update.Parameters.AddWithValue("$c", (double)coherence);
                    if (update.ExecuteNonQuery() != 1)
                    {
                        throw new SessionStoreConflictException($"Agent {agentId} is no longer at event {expectedCount} in the store (changed or deleted by another writer).");
                    }
                }

                using SqliteCommand insert = connection.CreateCommand();

                // INSERT OR REPLACE: rows past event_count can only be leftovers of a rolled-back write.
                insert.CommandText = "INSERT OR REPLACE INTO agent_events (agent_id, seq, kind, observation, action) VALUES ($id, $seq, $kind, $o, $a);";
                insert.Parameters.AddWithValue("$id", Key(agentId));
                insert.Parameters.AddWithValue("$seq", expectedCount);
                insert.Parameters.AddWithValue("$kind", (int)agentEvent.Kind);
                insert.Parameters.AddWithValue("$o", agentEvent.Observation is null ? DBNull.Value : FormatInts(agentEvent.Observation));
                insert.Parameters.AddWithValue("$a", agentEvent.Action is null ? DBNull.Value : FormatInts(agentEvent.Action));
                insert.ExecuteNonQuery();
                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(Guid agentId, CancellationToken cancellationToken = default) =>
        _connection.WriteAsync(
            connection =>
            {
                int deleted;
                using (SqliteCommand cmd = connection.CreateCommand())
                {
                    cmd.CommandText = "DELETE FROM agents WHERE id = $id;";
                    cmd.Parameters.AddWithValue("$id", Key(agentId));
                    deleted = cmd.ExecuteNonQuery();
                }

                using (SqliteCommand cmd = connection.CreateCommand())
                {
                    cmd.CommandText = "DELETE FROM agent_events WHERE agent_id = $id;";
                    cmd.Parameters.AddWithValue("$id", Key(agentId));
                    cmd.ExecuteNonQuery();
                }

                return deleted == 1;
            },
            cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    // A read transaction, so the agent row and its events are one consistent snapshot.
    private static AgentRecord? Load(SqliteConnection connection, Guid agentId)
    {
        using SqliteTransaction read = connection.BeginTransaction(deferred: true);
        AgentRecord record;
        long count;
        using (SqliteCommand cmd = connection.CreateCommand())
        {
            cmd.Transaction = read;
            cmd.CommandText = "SELECT created_at, updated_at, event_count, seed, learning, uncertainty, coherence, document FROM agents WHERE id = $id;";
            cmd.Parameters.AddWithValue("$id", Key(agentId));
            using SqliteDataReader reader = cmd.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            count = reader.GetInt64(2);
            record = new AgentRecord(
                agentId,
                reader.GetString(7),
                reader.GetInt32(3),
                (AgentLearning)reader.GetInt32(4),
                ParseTime(reader.GetString(0)),
                ParseTime(reader.GetString(1)),
                (float)reader.GetDouble(5),
                (float)reader.GetDouble(6),
                []);
        }

        var events = new List<AgentEvent>((int)Math.Min(count, 1 << 20));
        using (SqliteCommand cmd = connection.CreateCommand())
        {
            cmd.Transaction = read;
            cmd.CommandText = "SELECT seq, kind, observation, action FROM agent_events WHERE agent_id = $id AND seq < $count ORDER BY seq;";
            cmd.Parameters.AddWithValue("$id", Key(agentId));
            cmd.Parameters.AddWithValue("$count", count);
            using SqliteDataReader reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                if (reader.GetInt64(0) != events.Count)
                {
                    throw new InvalidDataException($"Agent {agentId}: event {events.Count} is missing from the store (found event {reader.GetInt64(0)}).");
                }

                var kind = (AgentEventKind)reader.GetInt32(1);
                events.Add(kind == AgentEventKind.Reset
                    ? AgentEvent.Reset
                    : AgentEvent.Step(ParseInts(reader.GetString(2)), ParseInts(reader.GetString(3))));
            }
        }

        if (events.Count != count)
        {
            throw new InvalidDataException($"Agent {agentId}: the store lists {count} events but holds {events.Count}.");
        }

        return record with { Events = events };
    }

    private static string Key(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static string FormatInts(int[] values) => string.Join(',', values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    private static int[] ParseInts(string text) =>
        text.Length == 0 ? [] : [.. text.Split(',').Select(s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture))];
}
