using Microsoft.Data.Sqlite;

namespace Actinf.Server.Stores;

/// <summary>Opens the server's SQLite file the way every store needs it: durable commits, waiting for other writers.</summary>
/// <remarks>
/// <c>journal_mode=WAL</c> with <c>synchronous=FULL</c> by default: in WAL mode NORMAL already survives a killed
/// process, but it may lose the last commits on power loss or an OS crash because the WAL is not fsynced at each
/// commit; FULL fsyncs it on every commit, so a write that returned survives both (see <see cref="StoreDurability"/>). <c>busy_timeout</c> lets the stores' connections wait for each other instead of failing.
/// </remarks>
internal static class DurableSqlite
{
    /// <summary>
    /// WAL pages after which a commit checkpoints on its own (SQLite's <c>wal_autocheckpoint</c>; its default is
    /// 1000): a safety net only, since <see cref="WalCheckpointer"/> checkpoints off the commit path long before.
    /// </summary>
    public const int InlineCheckpointPages = 65_536;

    /// <summary>Opens (creating the file and its folder if needed) a connection with the durability settings.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="durability">Whether every commit is fsynced (<see cref="StoreDurability.Full"/>) or only handed to the OS.</param>
    /// <param name="fullPath">The file's full path.</param>
    /// <returns>The open connection; the caller owns it.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a SQLite database.</exception>
    public static SqliteConnection Open(string path, StoreDurability durability, out string fullPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        fullPath = Path.GetFullPath(path);
        string? folder = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = fullPath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout=10000;");
            Execute(connection, "PRAGMA journal_mode=WAL;");
            Execute(connection, durability == StoreDurability.Full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;");
            Execute(connection, $"PRAGMA wal_autocheckpoint={InlineCheckpointPages};");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs one statement (or a script) without results.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="sql">The SQL.</param>
    public static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
