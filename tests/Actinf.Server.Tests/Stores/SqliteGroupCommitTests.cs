using Actinf.Server.Stores;
using Actinf.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Actinf.Server.Tests.Stores;

public sealed class SqliteGroupCommitTests
{
    private static SqliteGroupCommit Open(TempFolder folder)
    {
        var connection = new SqliteGroupCommit(folder.File("g.db"), StoreDurability.Full);
        connection.Execute("CREATE TABLE IF NOT EXISTS t (k INTEGER PRIMARY KEY NOT NULL, v TEXT NOT NULL);");
        return connection;
    }

    private static Func<SqliteConnection, bool> Insert(int key, string value) => connection =>
    {
        using SqliteCommand cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO t (k, v) VALUES ($k, $v);";
        cmd.Parameters.AddWithValue("$k", key);
        cmd.Parameters.AddWithValue("$v", value);
        cmd.ExecuteNonQuery();
        return true;
    };

    private static Task<List<(long Key, string Value)>> RowsAsync(SqliteGroupCommit connection) =>
        connection.ReadAsync(
            c =>
            {
                using SqliteCommand cmd = c.CreateCommand();
                cmd.CommandText = "SELECT k, v FROM t ORDER BY k;";
                using SqliteDataReader reader = cmd.ExecuteReader();
                var rows = new List<(long, string)>();
                while (reader.Read())
                {
                    rows.Add((reader.GetInt64(0), reader.GetString(1)));
                }

                return rows;
            },
            CancellationToken.None);

    // Holds the connection with a read until the returned release is called, so writes queue up behind it.
    private static (Task Held, Action Release) Hold(SqliteGroupCommit connection)
    {
        var entered = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        Task held = Task.Run(() => connection.ReadAsync(
            _ =>
            {
                entered.Set();
                release.Wait();
                return true;
            },
            CancellationToken.None));
        entered.Wait();
        return (held, release.Set);
    }

    [Fact]
    public async Task Write_OneAtATime_OneCommitEach()
    {
        using var folder = new TempFolder();
        using SqliteGroupCommit connection = Open(folder);
        for (int k = 1; k <= 3; k++)
        {
            Assert.True(await connection.WriteAsync(Insert(k, $"v{k}"), CancellationToken.None));
        }

        Assert.Equal(3, connection.Commits);
        Assert.Equal(3, connection.CommittedWrites);
        Assert.Equal([(1L, "v1"), (2L, "v2"), (3L, "v3")], await RowsAsync(connection));
    }

    [Fact]
    public async Task Write_QueuedTogether_CommittedInOneTransaction()
    {
        using var folder = new TempFolder();
        using SqliteGroupCommit connection = Open(folder);
        (Task held, Action release) = Hold(connection);
        Task<bool>[] writes = [.. Enumerable.Range(1, 50).Select(k => connection.WriteAsync(Insert(k, $"v{k}"), CancellationToken.None))];
        release();
        await held;
        await Task.WhenAll(writes);

        Assert.Equal(1, connection.Commits);
        Assert.Equal(50, connection.CommittedWrites);
        Assert.Equal(Enumerable.Range(1, 50).Select(k => ((long)k, $"v{k}")), await RowsAsync(connection));
    }

    [Fact]
    public async Task Write_MoreThanOneBatchQueued_SplitsAtMaxBatchAndCommitsAll()
    {
        using var folder = new TempFolder();
        using SqliteGroupCommit connection = Open(folder);
        int count = SqliteGroupCommit.MaxBatch + 10;
        (Task held, Action release) = Hold(connection);
        Task<bool>[] writes = [.. Enumerable.Range(1, count).Select(k => connection.WriteAsync(Insert(k, "v"), CancellationToken.None))];
        release();
        await held;
        await Task.WhenAll(writes);

        Assert.Equal(2, connection.Commits);
        Assert.Equal(count, connection.CommittedWrites);
        Assert.Equal(count, (await RowsAsync(connection)).Count);
    }

    [Fact]
    public async Task Write_OneThrowsInABatch_OnlyItsChangesAreUndoneAndOnlyItsCallerFails()
    {
        using var folder = new TempFolder();
        using SqliteGroupCommit connection = Open(folder);
        (Task held, Action release) = Hold(connection);
        Task<bool> first = connection.WriteAsync(Insert(1, "a"), CancellationToken.None);
        Task<bool> failing = connection.WriteAsync<bool>(
            c =>
            {
                Insert(2, "b")(c);
                Insert(3, "c")(c);
                throw new InvalidOperationException("refused after two inserts");
            },
            CancellationToken.None);
        Task<bool> duplicate = connection.WriteAsync(Insert(1, "again"), CancellationToken.None);
        Task<bool> last = connection.WriteAsync(Insert(4, "d"), CancellationToken.None);
        release();
        await held;

        Assert.True(await first);
        Assert.Equal("refused after two inserts", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        await Assert.ThrowsAsync<SqliteException>(() => duplicate);
        Assert.True(await last);
        Assert.Equal(1, connection.Commits);
        Assert.Equal(2, connection.CommittedWrites);
        Assert.Equal([(1L, "a"), (4L, "d")], await RowsAsync(connection));
    }

    [Fact]
    public async Task Write_TransactionLostInABatch_EveryWriteOfTheBatchFailsAndNothingIsStored()
    {
        using var folder = new TempFolder();
        using SqliteGroupCommit connection = Open(folder);
        await connection.WriteAsync(Insert(1, "before"), CancellationToken.None);
        (Task held, Action release) = Hold(connection);
        Task<bool> a = connection.WriteAsync(Insert(2, "a"), CancellationToken.None);

        // What SQLite does on some I/O errors: the transaction ends under the writes' feet.
        Task<bool> lost = connection.WriteAsync(
            c =>
            {
                DurableSqlite.Execute(c, "ROLLBACK;");
                return true;
            },
            CancellationToken.None);
        Task<bool> b = connection.WriteAsync(Insert(3, "b"), CancellationToken.None);
        release();
        await held;

        await Assert.ThrowsAsync<SqliteException>(() => a);
        await Assert.ThrowsAsync<SqliteException>(() => lost);
        await Assert.ThrowsAsync<SqliteException>(() => b);
        Assert.Equal([(1L, "before")], await RowsAsync(connection));

        // The connection is usable again.
        Assert.True(await connection.WriteAsync(Insert(5, "after"), CancellationToken.None));
        Assert.Equal([(1L, "before"), (5L, "after")], await RowsAsync(connection));
    }

    [Fact]
    public async Task Write_CommittedByAnotherCaller_IsDurableAfterReopening()
    {
        using var folder = new TempFolder();
        using (SqliteGroupCommit connection = Open(folder))
        {
            (Task held, Action release) = Hold(connection);
            Task<bool>[] writes = [.. Enumerable.Range(1, 20).Select(k => connection.WriteAsync(Insert(k, $"v{k}"), CancellationToken.None))];
            release();
            await held;
            await Task.WhenAll(writes);
        }

        using SqliteGroupCommit reopened = Open(folder);
        Assert.Equal(20, (await RowsAsync(reopened)).Count);
    }

    [Fact]
    public async Task Write_CancelledBeforeQueued_DoesNothing_AfterDispose_Throws()
    {
        using var folder = new TempFolder();
        SqliteGroupCommit connection = Open(folder);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.WriteAsync(Insert(1, "x"), cancelled.Token));
        Assert.Empty(await RowsAsync(connection));
        connection.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => connection.WriteAsync(Insert(2, "y"), CancellationToken.None));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => RowsAsync(connection));
    }

    [Fact]
    public async Task Commits_AreCheckpointedOffTheCommitPath_WithinAFewIntervals()
    {
        using var folder = new TempFolder();
        using SqliteGroupCommit connection = Open(folder);
        Assert.Equal((long)DurableSqlite.InlineCheckpointPages, await connection.ReadAsync(
            c =>
            {
                using SqliteCommand cmd = c.CreateCommand();
                cmd.CommandText = "PRAGMA wal_autocheckpoint;";
                return (long)cmd.ExecuteScalar()!;
            },
            CancellationToken.None));

        long before = connection.Checkpointer.Checkpoints;
        for (int k = 1; k <= 30; k++)
        {
            await connection.WriteAsync(Insert(k, new string('x', 5000)), CancellationToken.None);
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (connection.Checkpointer.Checkpoints == before && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(WalCheckpointer.Interval);
        }

        Assert.True(connection.Checkpointer.Checkpoints > before, "no checkpoint ran in the background after 30 commits");

        // Every frame of the WAL is already in the database file: nothing is left to copy.
        (int log, int copied) = connection.Checkpointer.CheckpointNow();
        Assert.Equal(log, copied);
        Assert.Equal(30, (await RowsAsync(connection)).Count);
    }
}
