namespace Actinf.Server.Sessions;

/// <summary>
/// One asynchronous lock per id, created on first use and dropped when nobody holds or waits for it: calls on one
/// session (or agent) run one after another, calls on different ones in parallel, and memory stays bounded by
/// the ids in use.
/// </summary>
internal sealed class KeyedLocks
{
    private readonly Dictionary<Guid, Gate> _gates = [];

    /// <summary>Waits for the lock of <paramref name="id"/>.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the wait (nothing is held then).</param>
    /// <returns>The held lock; call <see cref="Lease.Release"/> once.</returns>
    public async Task<Lease> AcquireAsync(Guid id, CancellationToken cancellationToken)
    {
        Gate? gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(id, out gate))
            {
                gate = new Gate();
                _gates[id] = gate;
            }

            gate.Users++;
        }

        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(id, gate);
            throw;
        }

        return new Lease(this, id, gate);
    }

    /// <summary>Takes the lock of <paramref name="id"/> only if nobody holds or waits for it (eviction of idle entries).</summary>
    /// <param name="id">The id.</param>
    /// <param name="lease">The held lock when true.</param>
    /// <returns>Whether the lock was free and is now held.</returns>
    public bool TryAcquireUnused(Guid id, out Lease lease)
    {
        lock (_gates)
        {
            if (_gates.ContainsKey(id))
            {
                lease = default;
                return false;
            }

            var gate = new Gate { Users = 1 };
            gate.Semaphore.Wait(0);
            _gates[id] = gate;
            lease = new Lease(this, id, gate);
            return true;
        }
    }

    private void Leave(Guid id, Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(id);
                gate.Semaphore.Dispose();
            }
        }
    }

    /// <summary>A held lock.</summary>
    internal readonly struct Lease
    {
        private readonly KeyedLocks _owner;
        private readonly Guid _id;
        private readonly Gate _gate;

        internal Lease(KeyedLocks owner, Guid id, Gate gate)
        {
            _owner = owner;
            _id = id;
            _gate = gate;
        }

        /// <summary>Releases the lock (once).</summary>
        public void Release()
        {
            _gate.Semaphore.Release();
            _owner.Leave(_id, _gate);
        }
    }

    internal sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
