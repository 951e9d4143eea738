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
/// Every statement runs on one connection guarded by a semaphore: SQLite has a single writer anyway, and the
/// registry reads a session only on a cache miss. Each write is its own transaction (autocommit).
/// </para>
/// </remarks>
public sealed class SqliteSessionStore : ISessionStore, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    /// <summary>Opens (creating if needed) the store file and its table.</summary>
    /// <param name="path">The SQLite file; its folder is created when missing.</param>
    /// <param name="durability">Whether every commit is fsynced before it returns (default) or only handed to the OS.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a SQLite database.</exception>
    public SqliteSessionStore(string path, StoreDurability durability = StoreDurability.Full)
    {
        _connection = DurableSqlite.Open(path, durability, out string fullPath);
        Path = fullPath;
        Execute("""
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

    /// <inheritdoc />
    public async Task<SessionRecord?> LoadAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using SqliteCommand cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT version, updated_at, uncertainty, coherence, state FROM sessions WHERE id = $id;";
            cmd.Parameters.AddWithValue("$id", Key(sessionId));
            using SqliteDataReader reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            return new SessionRecord(sessionId, reader.GetInt64(0), ParseTime(reader.GetString(1)), (float)reader.GetDouble(2), (float)reader.GetDouble(3), reader.GetString(4));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task SaveAsync(SessionRecord record, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Version <= expectedVersion)
        {
            throw new ArgumentException($"The new version {record.Version} must be greater than the expected version {expectedVersion}.", nameof(record));
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using SqliteCommand cmd = _connection.CreateCommand();
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

            // Not cancellable once started: the row is either written and fsynced or untouched.
            int changed = await cmd.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            if (changed != 1)
            {
                throw new SessionStoreConflictException(expectedVersion == 0
                    ? $"Session {record.SessionId} already exists in the store."
                    : $"Session {record.SessionId} is no longer at version {expectedVersion} in the store (changed or deleted by another writer).");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using SqliteCommand cmd = _connection.CreateCommand();
            cmd.CommandText = "DELETE FROM sessions WHERE id = $id;";
            cmd.Parameters.AddWithValue("$id", Key(sessionId));
            return await cmd.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false) == 1;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SessionSummary>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using SqliteCommand cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT id, version, updated_at, uncertainty, coherence FROM sessions ORDER BY updated_at DESC, id LIMIT $limit;";
            cmd.Parameters.AddWithValue("$limit", limit);
            var result = new List<SessionSummary>();
            using SqliteDataReader reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                result.Add(new SessionSummary(Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1), ParseTime(reader.GetString(2)), (float)reader.GetDouble(3), (float)reader.GetDouble(4)));
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _connection.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string Key(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private void Execute(string sql) => DurableSqlite.Execute(_connection, sql);
}
