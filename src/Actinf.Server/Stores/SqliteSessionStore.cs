using System.Globalization;
using Microsoft.Data.Sqlite;

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
                    ? new SessionRecord(sessionId, reader.GetInt64(0), ParseTime(reader.GetString(1)), (float)reader.GetDouble(2), (float)reader.GetDouble(3), reader.GetString(4))
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
                using SqliteCommand cmd = connection.CreateCommand();
                cmd.CommandText = expectedVersion == 0
                    ? "INSERT INTO sessions (id, version, updated_at, uncertainty, coherence, state) VALUES ($id, $version, $updated, $u, $c, $state) ON CONFLICT(id) DO NOTHING;"
                    : "UPDATE sessions SET version = $version, updated_at = $updated, uncertainty = $u, coherence = $c, state = $state WHERE id = $id AND version = $expected;";
                cmd.Parameters.AddWithValue("$id", Key(record.SessionId));
                cmd.Parameters.AddWithValue("$version", record.Version);
                cmd.Parameters.AddWithValue("$updated", record.UpdatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
                cmd.Parameters.AddWithValue("$u", (double)record.UncertaintyLevel);
                cmd.Parameters.AddWithValue("$c", (double)record.Coherence);
                cmd.Parameters.AddWithValue("$state", record.State);
                cmd.Parameters.AddWithValue("$expected", expectedVersion);
                if (cmd.ExecuteNonQuery() != 1)
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

    private static string Key(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
