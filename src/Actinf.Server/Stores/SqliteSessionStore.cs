using System.Globalization;
using Actinf.Epistemic.Sessions;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Actinf.Server.Stores;

/// <summary>
/// The embedded session store: one SQLite file, table <c>sessions(id, version, updated_at, uncertainty,
/// coherence, state)</c> with one small row per session, and table <c>session_parts(session_id, part, state)</c>
/// with the session's state in three rows (beliefs, goals, actions).
/// </summary>
/// <remarks>
/// <para>
/// Durability: <c>journal_mode=WAL</c> with <c>synchronous=FULL</c>. In WAL mode, NORMAL already survives a
/// killed process (committed frames are in the WAL file, in the OS cache), but it may lose the last commits on
/// power loss or an OS crash because the WAL is not fsynced at each commit. FULL fsyncs the WAL on every commit,
/// so a save that returned survives both; that is the guarantee the server gives for acknowledged updates
/// (issue #6). The cost is one fsync per commit.
/// </para>
/// <para>
/// Every statement runs on one connection (SQLite has a single writer anyway, and the registry reads a session
/// only on a cache miss), with group commit (<see cref="SqliteGroupCommit"/>): the saves of different sessions that
/// wait together share one transaction and one fsync, each still atomic on its own. Statements are prepared once.
/// </para>
/// <para>
/// Parts: a save rewrites the small summary row and the parts it gives, so an <c>epistemic_action</c> writes a few
/// kilobytes (the actions part) instead of the whole session (about 130 KB with 1536-d embeddings). SQLite rewrites
/// a whole row on update, which is why the summary row holds no state. Each part is JSON as TEXT, bound straight
/// from the caller's UTF-8 bytes (SQLite's statement API, which Microsoft.Data.Sqlite only offers for strings).
/// </para>
/// <para>
/// Stores written by earlier versions hold the whole document in <c>sessions.state</c>; such a row is loaded as
/// one <see cref="SessionStateParts.All"/> part, and its next save writes every part and empties the column (the
/// column is the empty string for sessions kept in parts).
/// </para>
/// </remarks>
public sealed class SqliteSessionStore : ISessionStore, IDisposable
{
    private const string InsertSession = "INSERT INTO sessions (id, version, updated_at, uncertainty, coherence, state) VALUES (?1, ?2, ?3, ?4, ?5, '') ON CONFLICT(id) DO NOTHING;";

    // ?6: whether the save gives every part; only then may a whole-document row (state <> '') be updated.
    private const string UpdateSession = "UPDATE sessions SET version = ?2, updated_at = ?3, uncertainty = ?4, coherence = ?5, state = '' WHERE id = ?1 AND version = ?7 AND (?6 OR state = '');";
    private const string UpsertPart = "INSERT INTO session_parts (session_id, part, state) VALUES (?1, ?2, ?3) ON CONFLICT(session_id, part) DO UPDATE SET state = excluded.state;";
    private const string SelectSession = "SELECT version, updated_at, uncertainty, coherence, state FROM sessions WHERE id = $id;";
    private const string SelectParts = "SELECT part, state FROM session_parts WHERE session_id = $id;";

    private readonly SqliteGroupCommit _connection;

    /// <summary>Opens (creating if needed) the store file and its tables.</summary>
    /// <param name="path">The SQLite file; its folder is created when missing.</param>
    /// <param name="durability">Whether every commit is fsynced before it returns (default) or only handed to the OS.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a SQLite database.</exception>
    public SqliteSessionStore(string path, StoreDurability durability = StoreDurability.Full)
    {
        _connection = new SqliteGroupCommit(path, durability);
        Path = _connection.Path;
        _connection.Execute("""
            CREATE TABLE IF NOT EXISTS sessions (
              id TEXT PRIMARY KEY NOT NULL,
              version INTEGER NOT NULL,
              updated_at TEXT NOT NULL,
              uncertainty REAL NOT NULL,
              coherence REAL NOT NULL,
              state TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS sessions_updated ON sessions(updated_at);
            CREATE TABLE IF NOT EXISTS session_parts (
              session_id TEXT NOT NULL,
              part INTEGER NOT NULL,
              state TEXT NOT NULL,
              PRIMARY KEY (session_id, part)
            );
            """);
    }

    /// <summary>The full path of the store file.</summary>
    public string Path { get; }

    /// <summary>Transactions committed so far; fewer than <see cref="CommittedWrites"/> when saves were grouped.</summary>
    public long Commits => _connection.Commits;

    /// <summary>Saves and deletes committed so far.</summary>
    public long CommittedWrites => _connection.CommittedWrites;

    /// <inheritdoc />
    public Task<SessionRecord?> LoadAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        _connection.ReadAsync(connection => Read(connection, sessionId), cancellationToken);

    /// <inheritdoc />
    public Task SaveAsync(SessionRecord record, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Version <= expectedVersion)
        {
            throw new ArgumentException($"The new version {record.Version} must be greater than the expected version {expectedVersion}.", nameof(record));
        }

        bool complete = RequireSingleDistinctParts(record) == SessionStateParts.All;
        if (expectedVersion == 0 && !complete)
        {
            throw new ArgumentException($"A new session is saved with all three parts (beliefs, goals, actions); session {record.SessionId} gives {string.Join(", ", record.Parts.Select(p => p.Part))}.", nameof(record));
        }

        return _connection.WriteAsync(
            connection =>
            {
                if (WriteSummary(_connection.Statements, record, expectedVersion, complete) != 1)
                {
                    throw NotWritten(connection, record, expectedVersion);
                }

                foreach (SessionPartState part in record.Parts)
                {
                    WritePart(_connection.Statements, record.SessionId, part);
                }

                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        _connection.WriteAsync(
            connection =>
            {
                using SqliteCommand cmd = connection.CreateCommand();
                cmd.CommandText = "DELETE FROM session_parts WHERE session_id = $id; DELETE FROM sessions WHERE id = $id;";
                cmd.Parameters.AddWithValue("$id", Key(sessionId));
                cmd.ExecuteNonQuery();
                return connection.Handle is { } db && raw.sqlite3_changes(db) == 1;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SessionSummary>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _connection.ReadAsync<IReadOnlyList<SessionSummary>>(
            connection =>
            {
                using SqliteCommand cmd = connection.CreateCommand();
                cmd.CommandText = "SELECT id, version, updated_at, uncertainty, coherence FROM sessions ORDER BY updated_at DESC, id LIMIT $limit;";
                cmd.Parameters.AddWithValue("$limit", limit);
                var result = new List<SessionSummary>();
                using SqliteDataReader reader = cmd.ExecuteReader();
                while (reader.Read())
                {
                    result.Add(new SessionSummary(Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1), ParseTime(reader.GetString(2)), (float)reader.GetDouble(3), (float)reader.GetDouble(4)));
                }

                return result;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private static SessionRecord? Read(SqliteConnection connection, Guid sessionId)
    {
        using SqliteCommand cmd = connection.CreateCommand();
        cmd.CommandText = SelectSession;
        cmd.Parameters.AddWithValue("$id", Key(sessionId));
        long version;
        DateTimeOffset updatedAt;
        float uncertainty, coherence;
        byte[] whole;
        using (SqliteDataReader reader = cmd.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            version = reader.GetInt64(0);
            updatedAt = ParseTime(reader.GetString(1));
            uncertainty = (float)reader.GetDouble(2);
            coherence = (float)reader.GetDouble(3);
            whole = reader.GetFieldValue<byte[]>(4);
        }

        if (whole.Length > 0)
        {
            return new SessionRecord(sessionId, version, updatedAt, uncertainty, coherence, [new SessionPartState(SessionStateParts.All, whole)]);
        }

        cmd.CommandText = SelectParts;
        var parts = new List<SessionPartState>(3);
        using (SqliteDataReader reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                parts.Add(new SessionPartState((SessionStateParts)reader.GetInt32(0), reader.GetFieldValue<byte[]>(1)));
            }
        }

        var record = new SessionRecord(sessionId, version, updatedAt, uncertainty, coherence, parts);
        if (!record.HasEveryPart || parts.Count != 3)
        {
            throw new InvalidDataException($"The store {connection.DataSource} is damaged: session {sessionId} (version {version}) has the parts [{string.Join(", ", parts.Select(p => p.Part))}] instead of Beliefs, Goals and Actions.");
        }

        return record;
    }

    // Returns the parts given.
    private static SessionStateParts RequireSingleDistinctParts(SessionRecord record)
    {
        SessionStateParts seen = SessionStateParts.None;
        foreach (SessionPartState part in record.Parts)
        {
            if (part.Part is not (SessionStateParts.Beliefs or SessionStateParts.Goals or SessionStateParts.Actions) || (seen & part.Part) != 0)
            {
                throw new ArgumentException($"Session {record.SessionId}: each part is saved once and alone (Beliefs, Goals or Actions), not {part.Part}.", nameof(record));
            }

            if (part.State.IsEmpty)
            {
                throw new ArgumentException($"Session {record.SessionId}: the {part.Part} part is empty.", nameof(record));
            }

            seen |= part.Part;
        }

        return seen;
    }

    /// <summary>Inserts (expected version 0) or compare-and-swaps the summary row; returns the rows changed (1, or 0 when not written).</summary>
    private static int WriteSummary(SqliteStatementCache statements, SessionRecord record, long expectedVersion, bool complete)
    {
        sqlite3_stmt statement = statements.Get(expectedVersion == 0 ? InsertSession : UpdateSession);
        try
        {
            statements.Check(raw.sqlite3_bind_text(statement, 1, Key(record.SessionId)));
            statements.Check(raw.sqlite3_bind_int64(statement, 2, record.Version));
            statements.Check(raw.sqlite3_bind_text(statement, 3, record.UpdatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));
            statements.Check(raw.sqlite3_bind_double(statement, 4, record.UncertaintyLevel));
            statements.Check(raw.sqlite3_bind_double(statement, 5, record.Coherence));
            if (expectedVersion != 0)
            {
                statements.Check(raw.sqlite3_bind_int(statement, 6, complete ? 1 : 0));
                statements.Check(raw.sqlite3_bind_int64(statement, 7, expectedVersion));
            }

            return statements.Step(statement);
        }
        finally
        {
            SqliteStatementCache.Release(statement);
        }
    }

    /// <remarks>The state is bound with SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.</remarks>
    private static void WritePart(SqliteStatementCache statements, Guid sessionId, SessionPartState part)
    {
        sqlite3_stmt statement = statements.Get(UpsertPart);
        try
        {
            statements.Check(raw.sqlite3_bind_text(statement, 1, Key(sessionId)));
            statements.Check(raw.sqlite3_bind_int(statement, 2, (int)part.Part));
            statements.Check(raw.sqlite3_bind_text(statement, 3, part.State.Span));
            statements.Step(statement);
        }
        finally
        {
            SqliteStatementCache.Release(statement);
        }
    }

    // Why a save changed no row: a version conflict (the usual case), or a whole-document row that needs every part.
    private static Exception NotWritten(SqliteConnection connection, SessionRecord record, long expectedVersion)
    {
        if (expectedVersion == 0)
        {
            return new SessionStoreConflictException($"Session {record.SessionId} already exists in the store.");
        }

        using SqliteCommand cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT version, length(state) FROM sessions WHERE id = $id;";
        cmd.Parameters.AddWithValue("$id", Key(record.SessionId));
        using SqliteDataReader reader = cmd.ExecuteReader();
        if (reader.Read() && reader.GetInt64(0) == expectedVersion && reader.GetInt64(1) > 0)
        {
            return new InvalidOperationException($"Session {record.SessionId} is stored as one whole document (written by an earlier version); its first save must give all three parts, not [{string.Join(", ", record.Parts.Select(p => p.Part))}].");
        }

        return new SessionStoreConflictException($"Session {record.SessionId} is no longer at version {expectedVersion} in the store (changed or deleted by another writer).");
    }

    private static string Key(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
