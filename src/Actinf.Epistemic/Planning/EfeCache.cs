namespace Actinf.Epistemic.Planning;

/// <summary>
/// Least-recently-used cache of policy evaluations keyed by a 64-bit fingerprint of the planning problem and
/// the planner settings, bounded in bytes (seed 004 section 5.2: under 1 MB). Thread-safe.
/// </summary>
public sealed class EfeCache
{
    private readonly object _gate = new();
    private readonly Dictionary<ulong, LinkedListNode<Entry>> _map = [];
    private readonly LinkedList<Entry> _order = new();
    private long _hits;
    private long _misses;
    private long _evictions;
    private long _bytes;

    /// <summary>Creates a cache with a byte budget.</summary>
    /// <param name="capacityBytes">Budget in bytes (0 disables caching).</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative budget.</exception>
    public EfeCache(int capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBytes);
        CapacityBytes = capacityBytes;
    }

    /// <summary>The byte budget.</summary>
    public int CapacityBytes { get; }

    /// <summary>Lookups that found an entry.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that found nothing.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Entries evicted to stay within the budget.</summary>
    public long Evictions => Interlocked.Read(ref _evictions);

    /// <summary>Hit rate in [0, 1] (0 before any lookup).</summary>
    public double HitRate
    {
        get
        {
            long h = Hits, m = Misses;
            return h + m == 0 ? 0 : (double)h / (h + m);
        }
    }

    /// <summary>Entries held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _map.Count;
            }
        }
    }

    /// <summary>Estimated bytes held (entries plus bookkeeping), never above <see cref="CapacityBytes"/>.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Looks an evaluation up and marks it most recently used.</summary>
    /// <param name="key">The fingerprint.</param>
    /// <param name="evaluation">The cached evaluation, or null.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGet(ulong key, out PolicyEvaluation? evaluation)
    {
        lock (_gate)
        {
            if (_map.TryGetValue(key, out LinkedListNode<Entry>? node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                _hits++;
                evaluation = node.Value.Evaluation;
                return true;
            }

            _misses++;
            evaluation = null;
            return false;
        }
    }

    /// <summary>Stores an evaluation, evicting least recently used ones to respect the budget.</summary>
    /// <param name="key">The fingerprint.</param>
    /// <param name="evaluation">The evaluation.</param>
    public void Add(ulong key, PolicyEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        int size = evaluation.EstimatedBytes + 96;
        if (size > CapacityBytes)
        {
            return;
        }

        lock (_gate)
        {
            if (_map.TryGetValue(key, out LinkedListNode<Entry>? existing))
            {
                _order.Remove(existing);
                _bytes -= existing.Value.Bytes;
                _map.Remove(key);
            }

            while (_bytes + size > CapacityBytes && _order.Last is { } last)
            {
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
                _bytes -= last.Value.Bytes;
                _evictions++;
            }

            _map[key] = _order.AddFirst(new Entry(key, evaluation, size));
            _bytes += size;
        }
    }

    private sealed record Entry(ulong Key, PolicyEvaluation Evaluation, int Bytes);
}
