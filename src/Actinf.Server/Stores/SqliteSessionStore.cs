using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Actinf.Server.Stores;

/// <summary>
/// The embedded session store: one SQLite file, table <c>sessions(id, version, updated_at, uncertainty,
/// coherence, state)</c>, one row per session.
/// </summary>
/// <remarks>
/// <para>
/// Durability: <c>journal_mode=WAL</c> with <c>synchronous=FULL</c>. In WAL mode, NORMAL already survives a
/// killed process (committed frames are in the WAL file, in the OS cache), but it may lose the last commits on
/// power loss or an OS crash because the WAL is not fsynced at each commit. FULL fsyncs the WAL on every commit,
/// so a save that returned survives both; that is the guarantee the server gives for acknowledged updates
/// (issue #6). The cost is one fsync per write.
/// </para>
/// <para>
/// Every statement runs on one connection (SQLite has a single writer anyway, and the registry reads a session
/// only on a cache miss), with group commit (<see cref="SqliteGroupCommit"/>): the saves of different sessions that
/// wait together share one transaction and one fsync, each still atomic on its own.
/// </para>
/// <para>
/// The state column holds the session's JSON as TEXT. A save binds it straight from the caller's UTF-8 bytes
/// (SQLite's own statement API, which Microsoft.Data.Sqlite only offers for strings), and a load reads it back as
/// UTF-8 bytes: no 130 KB string and no transcoding per save.
/// </para>
/// </remarks>
public sealed class SqliteSessionStore : ISessionStore, IDisposable
{
    private readonly SqliteGroupCommit _connection;

    /// <summary>Opens (creating if needed) the store file and its table.</summary>
    /// <param name="path">The SQLite file; its folder is created when missing.</param>
    /// <param name="durability">Whether every commit is fsynced before it returns (default) or only handed to the OS.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a SQLite database.</exception>
    public SqliteSessionStore(string path, StoreDurability durability = StoreDurability.Full)
    {
        _connection = new SqliteGroupCommit(DurableSqlite.Open(path, durability, out string fullPath));
        Path = fullPath;
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
        _connection.ReadAsync(
            connection =>
            {
                using SqliteCommand cmd = connection.CreateCommand();
                cmd.CommandText = "SELECT version, updated_at, uncertainty, coherence, state FROM sessions WHERE id = $id;";
                cmd.Parameters.AddWithValue("$id", Key(sessionId));
                using SqliteDataReader reader = cmd.ExecuteReader();
                return reader.Read()
                    ? new SessionRecord(sessionId, reader.GetInt64(0), ParseTime(reader.GetString(1)), (float)reader.GetDouble(2), (float)reader.GetDouble(3), reader.GetFieldValue<byte[]>(4))
                    : null;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task SaveAsync(SessionRecord record, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Version <= expectedVersion)
        {
            throw new ArgumentException($"The new version {record.Version} must be greater than the expected version {expectedVersion}.", nameof(record));
        }

        return _connection.WriteAsync(
            connection =>
            {
                if (WriteRow(connection, record, expectedVersion) != 1)
                {
                    throw new SessionStoreConflictException(expectedVersion == 0
                        ? $"Session {record.SessionId} already exists in the store."
                        : $"Session {record.SessionId} is no longer at version {expectedVersion} in the store (changed or deleted by another writer).");
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
                cmd.CommandText = "DELETE FROM sessions WHERE id = $id;";
                cmd.Parameters.AddWithValue("$id", Key(sessionId));
                return cmd.ExecuteNonQuery() == 1;
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

    /// <summary>Inserts (expected version 0) or compare-and-swaps the row; returns the rows changed (1, or 0 on a conflict).</summary>
    /// <remarks>The state is bound with SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.</remarks>
    private static int WriteRow(SqliteConnection connection, SessionRecord record, long expectedVersion)
    {
        sqlite3 db = connection.Handle ?? throw new InvalidOperationException("The store's connection is closed.");
        string sql = expectedVersion == 0
            ? "INSERT INTO sessions (id, version, updated_at, uncertainty, coherence, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO NOTHING;"
            : "UPDATE sessions SET version = ?2, updated_at = ?3, uncertainty = ?4, coherence = ?5, state = ?6 WHERE id = ?1 AND version = ?7;";
        Check(raw.sqlite3_prepare_v2(db, sql, out sqlite3_stmt statement), db);
        using (statement)
        {
            Check(raw.sqlite3_bind_text(statement, 1, Key(record.SessionId)), db);
            Check(raw.sqlite3_bind_int64(statement, 2, record.Version), db);
            Check(raw.sqlite3_bind_text(statement, 3, record.UpdatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)), db);
            Check(raw.sqlite3_bind_double(statement, 4, record.UncertaintyLevel), db);
            Check(raw.sqlite3_bind_double(statement, 5, record.Coherence), db);
            Check(raw.sqlite3_bind_text(statement, 6, record.State.Span), db);
            if (expectedVersion != 0)
            {
                Check(raw.sqlite3_bind_int64(statement, 7, expectedVersion), db);
            }

            int rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }

            return raw.sqlite3_changes(db);
        }
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    private static string Key(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
