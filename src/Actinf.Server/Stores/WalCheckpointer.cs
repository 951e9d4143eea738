using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Actinf.Server.Stores;

/// <summary>
/// Copies committed WAL frames into the database file on a thread and connection of its own, so that no commit
/// waits for a checkpoint. One per file, shared by the stores on it (a checkpoint copies the whole WAL, whoever
/// wrote it): <see cref="For"/> hands it out, and the last <see cref="Dispose"/> stops it.
/// </summary>
/// <remarks>
/// <para>
/// SQLite's automatic checkpoint runs inside the commit that crosses the threshold (1000 pages by default): that
/// commit pays for copying the WAL into the database and for two more fsyncs, a slow call every few hundred saves
/// that sets the 99th percentile of the server's latency. The stores' connections therefore checkpoint on their own
/// only far beyond that (<see cref="DurableSqlite.InlineCheckpointPages"/>, a safety net), and this checkpointer
/// runs a PASSIVE checkpoint every <see cref="Interval"/> after commits: PASSIVE copies what it can without waiting
/// for, or blocking, the writer, which keeps committing meanwhile. When a checkpoint has copied every frame, the
/// next commit starts the WAL again from its beginning, so the WAL stays as large as <see cref="Interval"/> of
/// commits.
/// </para>
/// <para>
/// Durability does not depend on checkpoints: a commit is durable once its frames are in the WAL (fsynced with
/// <see cref="StoreDurability.Full"/>). A checkpoint that fails (busy, I/O error) leaves the frames in the WAL and
/// is tried again at the next interval; <see cref="Failures"/> counts them. The checkpointer's own connection uses
/// <c>synchronous=FULL</c>: in WAL mode a checkpoint syncs the same way under FULL and NORMAL, so the stores'
/// durability does not matter to it.
/// </para>
/// </remarks>
internal sealed class WalCheckpointer : IDisposable
{
    /// <summary>How often the WAL is checkpointed while commits arrive.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private static readonly Dictionary<string, WalCheckpointer> ByFile = new(StringComparer.Ordinal);

    private readonly string _path;
    private readonly SqliteConnection _connection;
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _stop = new(false);
    private int _users = 1;
    private int _committed;
    private long _checkpoints;
    private long _failures;

    private WalCheckpointer(string path)
    {
        _path = path;
        _connection = DurableSqlite.Open(path, StoreDurability.Full, out _);
        _thread = new Thread(Run) { IsBackground = true, Name = "SQLite WAL checkpoint" };
        _thread.Start();
    }

    /// <summary>The checkpointer of a file, started by its first user; give it back with <see cref="Dispose"/>.</summary>
    /// <param name="fullPath">The database file's full path (already in WAL mode).</param>
    /// <returns>The file's checkpointer.</returns>
    public static WalCheckpointer For(string fullPath)
    {
        lock (ByFile)
        {
            if (ByFile.TryGetValue(fullPath, out WalCheckpointer? running))
            {
                running._users++;
                return running;
            }

            var started = new WalCheckpointer(fullPath);
            ByFile.Add(fullPath, started);
            return started;
        }
    }

    /// <summary>Checkpoints that ran to the end (every frame copied, or as many as the writer allowed).</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>Checkpoints that failed (tried again later).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Notes that a transaction was committed, so the next interval checkpoints.</summary>
    public void NoteCommit() => Volatile.Write(ref _committed, 1);

    /// <summary>Runs a checkpoint now, on the caller's thread (tests; shutdown).</summary>
    /// <returns>Frames in the WAL and frames copied, as SQLite reports them (-1, -1 when the checkpoint failed).</returns>
    public (int LogFrames, int CopiedFrames) CheckpointNow()
    {
        lock (_connection)
        {
            sqlite3 db = _connection.Handle ?? throw new ObjectDisposedException(nameof(WalCheckpointer));
            int rc = raw.sqlite3_wal_checkpoint_v2(db, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out int log, out int copied);
            if (rc != raw.SQLITE_OK)
            {
                Interlocked.Increment(ref _failures);
                return (-1, -1);
            }

            Interlocked.Increment(ref _checkpoints);
            return (log, copied);
        }
    }

    /// <summary>Gives the checkpointer back; the file's last user stops its thread and closes its connection.</summary>
    public void Dispose()
    {
        lock (ByFile)
        {
            if (_users == 0 || --_users > 0)
            {
                return;
            }

            ByFile.Remove(_path);
        }

        _stop.Set();
        _thread.Join();
        lock (_connection)
        {
            _connection.Dispose();
        }

        _stop.Dispose();
    }

    private void Run()
    {
        while (!_stop.Wait(Interval))
        {
            if (Interlocked.Exchange(ref _committed, 0) == 1)
            {
                CheckpointNow();
            }
        }
    }
}
