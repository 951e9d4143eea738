using System.Runtime.InteropServices;

namespace Actinf.Epistemic.Numerics;

/// <summary>A 64-bit FNV-1a hash builder over bit patterns (deterministic across runs; used as cache keys).</summary>
internal struct Fingerprint
{
    private ulong _hash;

    public Fingerprint() => _hash = 14695981039346656037UL;

    public readonly ulong Value
    {
        get
        {
            ulong h = _hash;
            h ^= h >> 33;
            h *= 0xff51afd7ed558ccdUL;
            h ^= h >> 33;
            return h;
        }
    }

    public void Add(ulong value)
    {
        for (int i = 0; i < 8; i++)
        {
            _hash ^= (value >> (8 * i)) & 0xFF;
            _hash *= 1099511628211UL;
        }
    }

    public void Add(int value) => Add((ulong)(uint)value);

    public void Add(float value) => Add((ulong)BitConverter.SingleToUInt32Bits(value));

    public void Add(ReadOnlySpan<float> values)
    {
        foreach (ulong word in MemoryMarshal.Cast<float, ulong>(values))
        {
            _hash ^= word;
            _hash *= 1099511628211UL;
            _hash ^= _hash >> 29;
        }

        if ((values.Length & 1) == 1)
        {
            Add(values[^1]);
        }

        Add(values.Length);
    }
}
