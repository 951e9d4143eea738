using System.Buffers;
using System.Collections.Concurrent;

namespace Actinf.Server.Buffers;

/// <summary>
/// Reusable byte buffers (session exports, HTTP replies): each grows once to the size of what it holds and is then
/// reused, so a save or a reply allocates no array.
/// </summary>
/// <remarks>
/// <see cref="ArrayPool{T}.Shared"/> would do for a few saves at a time, but it keeps only a few arrays of a size per
/// core and allocates beyond that; with a hundred saves in flight most of them would allocate. This pool keeps up to
/// <see cref="MaxRetained"/> buffers and creates more when all are in use.
/// </remarks>
internal sealed class BufferPool
{
    /// <summary>Buffers kept for reuse (more can be in use at once; those beyond this are dropped on return).</summary>
    public const int MaxRetained = 256;

    /// <summary>A buffer larger than this is not kept (a rare huge session should not pin its memory).</summary>
    public const int MaxRetainedBytes = 4 * 1024 * 1024;

    private readonly ConcurrentBag<ArrayBufferWriter<byte>> _free = [];
    private readonly int _initialCapacity;

    /// <summary>Creates an empty pool.</summary>
    /// <param name="initialCapacity">Bytes a new buffer starts with (it grows as needed).</param>
    public BufferPool(int initialCapacity = 16 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialCapacity);
        _initialCapacity = initialCapacity;
    }

    /// <summary>An empty buffer (reused when one is free).</summary>
    /// <returns>The buffer; give it back with <see cref="Return"/>.</returns>
    public ArrayBufferWriter<byte> Rent() => _free.TryTake(out ArrayBufferWriter<byte>? buffer) ? buffer : new ArrayBufferWriter<byte>(_initialCapacity);

    /// <summary>Takes a buffer back; its contents are discarded.</summary>
    /// <param name="buffer">A buffer from <see cref="Rent"/>, no longer used by the caller.</param>
    public void Return(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity > MaxRetainedBytes || _free.Count >= MaxRetained)
        {
            return;
        }

        buffer.ResetWrittenCount();
        _free.Add(buffer);
    }
}
