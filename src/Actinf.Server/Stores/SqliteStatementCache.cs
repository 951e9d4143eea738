using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Actinf.Server.Stores;

/// <summary>
/// Prepared statements of one connection, kept for reuse: a save runs four or five statements, and preparing each
/// anew would cost about as much as running it.
/// </summary>
/// <remarks>Not thread-safe: used only by the holder of the connection's gate (<see cref="SqliteGroupCommit"/>).</remarks>
internal sealed class SqliteStatementCache : IDisposable
{
    private readonly sqlite3 _db;
    private readonly Dictionary<string, sqlite3_stmt> _statements = new(StringComparer.Ordinal);

    /// <summary>Creates the cache for an open connection.</summary>
    /// <param name="connection">The connection; the cache must be disposed before it is closed.</param>
    public SqliteStatementCache(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
    }

    /// <summary>Runs a statement without parameters or results (transaction control).</summary>
    /// <param name="sql">One SQL statement.</param>
    /// <exception cref="SqliteException">The statement failed.</exception>
    public void Execute(string sql)
    {
        sqlite3_stmt statement = Get(sql);
        try
        {
            Step(statement);
        }
        finally
        {
            Release(statement);
        }
    }

    /// <summary>Runs a bound statement to its end and returns the rows it changed.</summary>
    /// <param name="statement">A statement from <see cref="Get"/>, its parameters bound.</param>
    /// <returns><c>sqlite3_changes</c> after the statement.</returns>
    /// <exception cref="SqliteException">The statement failed.</exception>
    public int Step(sqlite3_stmt statement)
    {
        int rc = raw.sqlite3_step(statement);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        return raw.sqlite3_changes(_db);
    }

    /// <summary>A prepared statement, ready to bind; give it back with <see cref="Release"/>.</summary>
    /// <param name="sql">One SQL statement.</param>
    /// <returns>The statement.</returns>
    public sqlite3_stmt Get(string sql)
    {
        if (!_statements.TryGetValue(sql, out sqlite3_stmt? statement))
        {
            Check(raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out statement));
            _statements.Add(sql, statement);
        }

        return statement;
    }

    /// <summary>Resets a statement after use and clears its bindings (so no caller's buffer stays referenced).</summary>
    /// <param name="statement">A statement from <see cref="Get"/>.</param>
    public static void Release(sqlite3_stmt statement)
    {
        // reset returns the last step's error again; the step already reported it.
        _ = raw.sqlite3_reset(statement);
        _ = raw.sqlite3_clear_bindings(statement);
    }

    /// <summary>Throws the connection's error for a result code other than OK.</summary>
    /// <param name="rc">The result code.</param>
    public void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    /// <summary>Finalises every statement (before the connection closes).</summary>
    public void Dispose()
    {
        foreach (sqlite3_stmt statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
    }
}
