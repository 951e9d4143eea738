namespace Actinf.Epistemic.Sessions;

/// <summary>A fixed-capacity ring buffer: adding to a full ring drops the oldest item. Not thread-safe.</summary>
/// <typeparam name="T">Item type.</typeparam>
public sealed class BoundedRing<T>
{
    private readonly T[] _items;
    private int _start;

    /// <summary>Creates an empty ring.</summary>
    /// <param name="capacity">Maximum items (≥ 1).</param>
    public BoundedRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _items = new T[capacity];
    }

    /// <summary>Maximum items.</summary>
    public int Capacity => _items.Length;

    /// <summary>Items held.</summary>
    public int Count { get; private set; }

    /// <summary>Item <paramref name="index"/>, oldest first.</summary>
    /// <param name="index">0 … Count-1.</param>
    /// <returns>The item.</returns>
    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _items[(_start + index) % _items.Length];
        }
    }

    /// <summary>Appends an item, dropping the oldest when full.</summary>
    /// <param name="item">The item.</param>
    public void Add(T item)
    {
        if (Count < _items.Length)
        {
            _items[(_start + Count) % _items.Length] = item;
            Count++;
        }
        else
        {
            _items[_start] = item;
            _start = (_start + 1) % _items.Length;
        }
    }

    /// <summary>Replaces item <paramref name="index"/> (oldest first).</summary>
    /// <param name="index">0 … Count-1.</param>
    /// <param name="item">The new item.</param>
    public void Set(int index, T item)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        _items[(_start + index) % _items.Length] = item;
    }

    /// <summary>The items, oldest first (a copy).</summary>
    /// <returns>A new array.</returns>
    public T[] ToArray()
    {
        var result = new T[Count];
        for (int i = 0; i < Count; i++)
        {
            result[i] = this[i];
        }

        return result;
    }
}
