using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Actinf.Causal.Inference;

/// <summary>
/// Elimination orders already found for a network, keyed by the query's structure (the factor scopes and
/// the variables to eliminate), which repeats across queries that differ only in observed values or
/// likelihood vectors. Finding an order on a large network costs milliseconds to a second; looking one up
/// costs one pass over the scopes. Bounded: cleared when it holds <see cref="Capacity"/> orders.
/// </summary>
internal sealed class OrderCache
{
    /// <summary>Most orders kept.</summary>
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<Key, (int[] Order, double Largest, double Total)> _orders = new();
    private long _hits;
    private long _misses;

    /// <summary>Lookups answered from the cache.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that had to search for an order.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>The cached order for this structure, or a new one from <paramref name="search"/>.</summary>
    public (int[] Order, double Largest, double Total) GetOrAdd(
        List<Factor> factors,
        IReadOnlyCollection<int> toEliminate,
        Func<(int[] Order, double Largest, double Total)> search)
    {
        var signature = new List<int>(factors.Count * 4);
        foreach (Factor f in factors)
        {
            signature.AddRange(f.Variables);
            signature.Add(-1);
        }

        signature.Add(-2);
        foreach (int v in toEliminate)
        {
            signature.Add(v);
        }

        var key = new Key([.. signature]);
        if (_orders.TryGetValue(key, out var found))
        {
            Interlocked.Increment(ref _hits);
            return found;
        }

        Interlocked.Increment(ref _misses);
        var result = search();
        if (_orders.Count >= Capacity)
        {
            _orders.Clear();
        }

        _orders[key] = result;
        return result;
    }

    private readonly struct Key(int[] signature) : IEquatable<Key>
    {
        private readonly int[] _signature = signature;
        private readonly int _hash = ComputeHash(signature);

        public bool Equals(Key other) => _hash == other._hash && _signature.AsSpan().SequenceEqual(other._signature);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => _hash;

        private static int ComputeHash(int[] signature)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(signature.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
