using System.Globalization;
using Actinf.Epistemic.State;
using Microsoft.Data.Sqlite;

namespace Actinf.Server.Stores;

/// <summary>
/// The embedded engine-state store: table <c>engine_state(part, updated_at, state)</c> in the server's SQLite file
/// (next to <c>sessions</c>), one row per part (<c>model_weights</c>, <c>feedback_statistics</c>).
/// </summary>
/// <remarks>
/// Durability as in <see cref="SqliteSessionStore"/>: <c>journal_mode=WAL</c> and <c>synchronous=FULL</c>, so a
/// save that returned survives a killed process, an OS crash and a power loss. Each save is one upsert (its own
/// transaction), so a crash during a save leaves the previous row. One connection of its own, guarded by a
/// semaphore; SQLite serialises it with the other stores' writers (<c>busy_timeout</c> covers the wait).
/// </remarks>
public sealed class SqliteEngineStateStore : IEngineStateStore, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    /// <summary>Opens (creating if needed) the store file and the <c>engine_state</c> table.</summary>
    /// <param name="path">The SQLite file; its folder is created when missing.</param>
    /// <param name="durability">Whether every commit is fsynced before it returns (default) or only handed to the OS.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a SQLite database.</exception>
    public SqliteEngineStateStore(string path, StoreDurability durability = StoreDurability.Full)
    {
        _connection = DurableSqlite.Open(path, durability, out string fullPath);
        Path = fullPath;
        Execute("""
            CREATE TABLE IF NOT EXISTS engine_state (
              part TEXT PRIMARY KEY NOT NULL,
              updated_at TEXT NOT NULL,
              state TEXT NOT NULL
            );
            """);
    }

    /// <summary>The full path of the store file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public async Task<EngineStateRecord?> LoadAsync(EngineStateParts part, CancellationToken cancellationToken = default)
    {
        string key = Key(part);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using SqliteCommand cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT updated_at, state FROM engine_state WHERE part = $part;";
            cmd.Parameters.AddWithValue("$part", key);
            using SqliteDataReader reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            DateTimeOffset updated = DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            return new EngineStateRecord(part, updated, reader.GetString(1));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task SaveAsync(EngineStateRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        string key = Key(record.Part);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using SqliteCommand cmd = _connection.CreateCommand();
            cmd.CommandText = """
                INSERT INTO engine_state (part, updated_at, state) VALUES ($part, $updated, $state)
                ON CONFLICT(part) DO UPDATE SET updated_at = excluded.updated_at, state = excluded.state;
                """;
            cmd.Parameters.AddWithValue("$part", key);
            cmd.Parameters.AddWithValue("$updated", record.UpdatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$state", record.State);

            // Not cancellable once started: the row is either written and fsynced or untouched.
            await cmd.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The SQLite journal mode of the connection (<c>wal</c>).</summary>
    /// <returns>The mode.</returns>
    public string JournalMode()
    {
        _gate.Wait();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using SqliteCommand cmd = _connection.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode;";
            return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? string.Empty;
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

    private static string Key(EngineStateParts part) => part switch
    {
        EngineStateParts.ModelWeights => "model_weights",
        EngineStateParts.FeedbackStatistics => "feedback_statistics",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Give exactly one part: ModelWeights or FeedbackStatistics."),
    };

    private void Execute(string sql) => DurableSqlite.Execute(_connection, sql);
}
