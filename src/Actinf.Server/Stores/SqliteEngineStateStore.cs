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
/// save that returned survives a killed process, an OS crash and a power loss. Each save is one upsert (in its own
/// transaction, or grouped with saves made at the same time: <see cref="SqliteGroupCommit"/>), so a crash during a
/// save leaves the previous row. One connection of its own; SQLite serialises it with the other stores' writers
/// (<c>busy_timeout</c> covers the wait).
/// </remarks>
public sealed class SqliteEngineStateStore : IEngineStateStore, IDisposable
{
    private readonly SqliteGroupCommit _connection;

    /// <summary>Opens (creating if needed) the store file and the <c>engine_state</c> table.</summary>
    /// <param name="path">The SQLite file; its folder is created when missing.</param>
    /// <param name="durability">Whether every commit is fsynced before it returns (default) or only handed to the OS.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a SQLite database.</exception>
    public SqliteEngineStateStore(string path, StoreDurability durability = StoreDurability.Full)
    {
        _connection = new SqliteGroupCommit(path, durability);
        Path = _connection.Path;
        _connection.Execute("""
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
    public Task<EngineStateRecord?> LoadAsync(EngineStateParts part, CancellationToken cancellationToken = default)
    {
        string key = Key(part);
        return _connection.ReadAsync(
            connection =>
            {
                using SqliteCommand cmd = connection.CreateCommand();
                cmd.CommandText = "SELECT updated_at, state FROM engine_state WHERE part = $part;";
                cmd.Parameters.AddWithValue("$part", key);
                using SqliteDataReader reader = cmd.ExecuteReader();
                if (!reader.Read())
                {
                    return null;
                }

                DateTimeOffset updated = DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                return new EngineStateRecord(part, updated, reader.GetString(1));
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task SaveAsync(EngineStateRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        string key = Key(record.Part);
        return _connection.WriteAsync(
            connection =>
            {
                using SqliteCommand cmd = connection.CreateCommand();
                cmd.CommandText = """
                    INSERT INTO engine_state (part, updated_at, state) VALUES ($part, $updated, $state)
                    ON CONFLICT(part) DO UPDATE SET updated_at = excluded.updated_at, state = excluded.state;
                    """;
                cmd.Parameters.AddWithValue("$part", key);
                cmd.Parameters.AddWithValue("$updated", record.UpdatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
                cmd.Parameters.AddWithValue("$state", record.State);
                return cmd.ExecuteNonQuery();
            },
            cancellationToken);
    }

    /// <summary>The SQLite journal mode of the connection (<c>wal</c>).</summary>
    /// <returns>The mode.</returns>
    public string JournalMode() => _connection.JournalMode();

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private static string Key(EngineStateParts part) => part switch
    {
        EngineStateParts.ModelWeights => "model_weights",
        EngineStateParts.FeedbackStatistics => "feedback_statistics",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Give exactly one part: ModelWeights or FeedbackStatistics."),
    };
}
