using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Actinf.Server.Stores;

/// <summary>
/// One SQLite connection shared by a store's calls, with group commit: the writes that wait together are committed
/// in one transaction, so they share one fsync instead of paying one each.
/// </summary>
/// <remarks>
/// <para>
/// How: a write is queued and its caller awaits it. A thread of the store's own (the writer) commits everything
/// queued so far (up to <see cref="MaxBatch"/> writes) in one <c>BEGIN IMMEDIATE … COMMIT</c>, then the next batch.
/// With one caller at a time this is the plain one-transaction-per-write; with many, the number of commits per
/// second stays at what the disk allows while the writes per commit grow. The writer is a thread of its own, not a
/// thread-pool thread, because a commit blocks in fsync: on a two-core machine a pool thread blocked there is half
/// of the threads that parse requests and select actions.
/// </para>
/// <para>
/// Atomicity per write: each write runs inside a savepoint, so a write that throws (a version conflict, say) is
/// rolled back alone and its caller gets the exception, while the others in the batch commit. When the transaction
/// itself fails (the commit, or a savepoint that can no longer be rolled back: disk full, I/O error), it is rolled
/// back and every write of the batch fails with that exception: a write whose call throws has changed nothing.
/// No caller is told of success before the commit that made its write durable has returned.
/// </para>
/// <para>
/// Reads take the connection between batches; they see only committed data.
/// </para>
/// </remarks>
internal sealed class SqliteGroupCommit : IDisposable
{
    /// <summary>The most writes committed in one transaction (bounds the latency of the first one in a batch).</summary>
    public const int MaxBatch = 256;

    private readonly SqliteConnection _connection;
    private readonly SqliteStatementCache _statements;
    private readonly WalCheckpointer _checkpointer;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentQueue<QueuedWrite> _queue = new();
    private readonly ManualResetEventSlim _queued = new(false);
    private readonly Thread _writer;
    private volatile bool _stopping;
    private int _disposeStarted;
    private bool _disposed;

    /// <summary>Opens (creating if needed) the SQLite file with the store settings and starts the writer and the file's checkpointer.</summary>
    /// <param name="path">The SQLite file; its folder is created when missing.</param>
    /// <param name="durability">Whether every commit is fsynced (<see cref="StoreDurability.Full"/>) or only handed to the OS.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a SQLite database.</exception>
    public SqliteGroupCommit(string path, StoreDurability durability)
    {
        _connection = DurableSqlite.Open(path, durability, out string fullPath);
        Path = fullPath;
        _statements = new SqliteStatementCache(_connection);
        _checkpointer = WalCheckpointer.For(fullPath);
        _writer = new Thread(WriteQueued) { IsBackground = true, Name = "SQLite group commit" };
        _writer.Start();
    }

    /// <summary>The full path of the SQLite file.</summary>
    public string Path { get; }

    /// <summary>The checkpointer of the connection's file, shared with the other stores on it (checkpoints run off the commit path).</summary>
    public WalCheckpointer Checkpointer => _checkpointer;

    /// <summary>The connection's prepared statements, for reads and writes (which run under the gate).</summary>
    public SqliteStatementCache Statements => _statements;

    /// <summary>Transactions committed so far (each holding one or more writes).</summary>
    public long Commits { get; private set; }

    /// <summary>Writes committed so far.</summary>
    public long CommittedWrites { get; private set; }

    /// <summary>Runs a read on the connection, between batches.</summary>
    /// <typeparam name="T">The result.</typeparam>
    /// <param name="read">The read; it must not write.</param>
    /// <param name="cancellationToken">Cancels waiting for the connection.</param>
    /// <returns>The read's result.</returns>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return read(_connection);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs a write in a transaction shared with the writes queued at the same time, and returns after the commit.</summary>
    /// <typeparam name="T">The write's result.</typeparam>
    /// <param name="write">The write. It runs on the writer thread inside an open transaction (its commands need no transaction object); when it throws, what it did is rolled back and the exception reaches the caller.</param>
    /// <param name="cancellationToken">Cancels before the write is queued; once queued, it is committed or fails with the batch.</param>
    /// <returns>The write's result, durable as the connection's <c>synchronous</c> setting makes commits.</returns>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, T> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        if (_stopping)
        {
            return Task.FromException<T>(new ObjectDisposedException(nameof(SqliteGroupCommit)));
        }

        var queued = new QueuedWrite<T>(write);
        _queue.Enqueue(queued);
        _queued.Set();

        // Queued after the writer drained its last batch on disposal: fail it here, since nobody else will.
        if (_stopping && !_writer.IsAlive)
        {
            FailAll(Drain(int.MaxValue), new ObjectDisposedException(nameof(SqliteGroupCommit)));
        }

        return queued.Task;
    }

    /// <summary>Runs a statement (or a script) at once, outside any batch (schema set-up).</summary>
    /// <param name="sql">The SQL.</param>
    public void Execute(string sql)
    {
        _gate.Wait();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            DurableSqlite.Execute(_connection, sql);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The SQLite journal mode of the connection (<c>wal</c> as <see cref="DurableSqlite.Open"/> sets it).</summary>
    /// <returns>The mode.</returns>
    public string JournalMode() =>
        ReadAsync(
            connection =>
            {
                using SqliteCommand cmd = connection.CreateCommand();
                cmd.CommandText = "PRAGMA journal_mode;";
                return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            },
            CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Commits what is queued, stops the writer, and closes the connection; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposeStarted, 1) == 1)
        {
            return;
        }

        _stopping = true;
        _queued.Set();
        _writer.Join();
        _checkpointer.Dispose();
        _gate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            FailAll(Drain(int.MaxValue), new ObjectDisposedException(nameof(SqliteGroupCommit)));
            _statements.Dispose();
            _connection.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    // The writer thread: waits for queued writes and commits them in batches until disposal, then commits what is left.
    private void WriteQueued()
    {
        while (true)
        {
            _queued.Wait();
            _queued.Reset();
            if (!_queue.IsEmpty)
            {
                _gate.Wait();
                try
                {
                    while (!_queue.IsEmpty)
                    {
                        CommitQueued();
                    }
                }
                finally
                {
                    _gate.Release();
                }
            }

            if (_stopping && _queue.IsEmpty)
            {
                return;
            }
        }
    }

    private List<QueuedWrite> Drain(int max)
    {
        var batch = new List<QueuedWrite>(Math.Min(_queue.Count, max));
        while (batch.Count < max && _queue.TryDequeue(out QueuedWrite? next))
        {
            batch.Add(next);
        }

        return batch;
    }

    // On the writer thread, holding the gate.
    private void CommitQueued()
    {
        List<QueuedWrite> batch = Drain(MaxBatch);

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            _statements.Execute("BEGIN IMMEDIATE;");
        }
        catch (Exception ex)
        {
            FailAll(batch, ex);
            return;
        }

        try
        {
            foreach (QueuedWrite w in batch)
            {
                _statements.Execute("SAVEPOINT queued_write;");
                try
                {
                    w.Run(_connection);
                }
                catch (Exception ex)
                {
                    // If this rollback itself fails, the transaction is gone: the outer handler fails the batch.
                    _statements.Execute("ROLLBACK TO queued_write;");
                    w.Failure = ex;
                }

                _statements.Execute("RELEASE queued_write;");
            }

            _statements.Execute("COMMIT;");
        }
        catch (Exception ex)
        {
            // Every dequeued write must complete, or its caller would wait for ever.
            RollBackQuietly();
            FailAll(batch, ex);
            return;
        }

        Commits++;
        _checkpointer.NoteCommit();
        foreach (QueuedWrite w in batch)
        {
            if (w.Failure is null)
            {
                CommittedWrites++;
            }

            w.Complete();
        }
    }

    private void RollBackQuietly()
    {
        try
        {
            _statements.Execute("ROLLBACK;");
        }
        catch (SqliteException)
        {
            // SQLite already rolled the transaction back (it does on some I/O errors); nothing is left to undo.
        }
    }

    private static void FailAll(List<QueuedWrite> batch, Exception ex)
    {
        foreach (QueuedWrite w in batch)
        {
            w.Failure = ex;
            w.Complete();
        }
    }

    private abstract class QueuedWrite
    {
        public Exception? Failure { get; set; }

        public abstract void Run(SqliteConnection connection);

        public abstract void Complete();
    }

    private sealed class QueuedWrite<T>(Func<SqliteConnection, T> write) : QueuedWrite
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _completion.Task;

        public override void Run(SqliteConnection connection) => _result = write(connection);

        public override void Complete()
        {
            if (Failure is null)
            {
                _completion.SetResult(_result!);
            }
            else
            {
                _completion.SetException(Failure);
            }
        }
    }
}
