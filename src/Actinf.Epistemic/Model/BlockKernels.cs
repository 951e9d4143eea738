using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Actinf.Epistemic.Model;

/// <summary>
/// Products with one dense block stored column-major (column j of an r×c block is
/// <c>w[j·r .. (j+1)·r)</c>), vectorised across rows with <see cref="Vector{T}"/>.
/// </summary>
/// <remarks>
/// One TensorPrimitives call per row or column costs more in call overhead than in arithmetic for the short
/// blocks of the hierarchy (6 to 96 floats), so these loops keep the accumulators in registers instead
/// (issue #4; the scalar twins in the tests are the oracle). Lengths are checked once at the top; the loops
/// then read through references without bounds checks. NaN and infinity propagate as in IEEE arithmetic.
/// </remarks>
internal static class BlockKernels
{
    /// <summary>y = W·x for an r×c column-major block: y_i = Σ_j w[j·r + i]·x_j.</summary>
    public static void Multiply(ReadOnlySpan<float> w, ReadOnlySpan<float> x, Span<float> y) => MultiplyAdd(w, x, 1f, y, accumulate: false);

    /// <summary>y = scale·W·x (+ y when <paramref name="accumulate"/>) for an r×c column-major block.</summary>
    public static void MultiplyAdd(ReadOnlySpan<float> w, ReadOnlySpan<float> x, float scale, Span<float> y, bool accumulate)
    {
        int r = y.Length, c = x.Length;
        if (w.Length < r * c)
        {
            throw new ArgumentException("The block is smaller than rows × columns.", nameof(w));
        }

        ref float wr = ref MemoryMarshal.GetReference(w);
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float yr = ref MemoryMarshal.GetReference(y);
        int width = Vector<float>.Count;
        int i = 0;
        for (; i + (2 * width) <= r; i += 2 * width)
        {
            Vector<float> a0 = Vector<float>.Zero, a1 = Vector<float>.Zero;
            nuint offset = (nuint)i;
            for (int j = 0; j < c; j++)
            {
                var xj = new Vector<float>(Unsafe.Add(ref xr, j));
                a0 += Vector.LoadUnsafe(ref wr, offset) * xj;
                a1 += Vector.LoadUnsafe(ref wr, offset + (nuint)width) * xj;
                offset += (nuint)r;
            }

            Store(a0, scale, ref yr, i, accumulate);
            Store(a1, scale, ref yr, i + width, accumulate);
        }

        for (; i + width <= r; i += width)
        {
            Vector<float> a0 = Vector<float>.Zero;
            nuint offset = (nuint)i;
            for (int j = 0; j < c; j++)
            {
                a0 += Vector.LoadUnsafe(ref wr, offset) * new Vector<float>(Unsafe.Add(ref xr, j));
                offset += (nuint)r;
            }

            Store(a0, scale, ref yr, i, accumulate);
        }

        for (; i < r; i++)
        {
            float s = 0;
            for (int j = 0; j < c; j++)
            {
                s += Unsafe.Add(ref wr, (j * r) + i) * Unsafe.Add(ref xr, j);
            }

            Unsafe.Add(ref yr, i) = (scale * s) + (accumulate ? Unsafe.Add(ref yr, i) : 0f);
        }
    }

    private static void Store(Vector<float> value, float scale, ref float destination, int index, bool accumulate)
    {
        Vector<float> result = value * scale;
        if (accumulate)
        {
            result += Vector.LoadUnsafe(ref destination, (nuint)index);
        }

        result.StoreUnsafe(ref destination, (nuint)index);
    }

    /// <summary>z_j += scale · Σ_i w[j·r + i]·e_i (z += scale·Wᵀe) for an r×c column-major block.</summary>
    public static void TransposeMultiplyAdd(ReadOnlySpan<float> w, ReadOnlySpan<float> e, float scale, Span<float> z)
    {
        int r = e.Length, c = z.Length;
        if (w.Length < r * c)
        {
            throw new ArgumentException("The block is smaller than rows × columns.", nameof(w));
        }

        ref float wr = ref MemoryMarshal.GetReference(w);
        ref float er = ref MemoryMarshal.GetReference(e);
        ref float zr = ref MemoryMarshal.GetReference(z);
        int width = Vector<float>.Count;
        int vectorEnd = r - (r % width);
        for (int j = 0; j < c; j++)
        {
            nuint column = (nuint)(j * r);
            Vector<float> a0 = Vector<float>.Zero, a1 = Vector<float>.Zero;
            int i = 0;
            for (; i + (2 * width) <= vectorEnd; i += 2 * width)
            {
                a0 += Vector.LoadUnsafe(ref wr, column + (nuint)i) * Vector.LoadUnsafe(ref er, (nuint)i);
                a1 += Vector.LoadUnsafe(ref wr, column + (nuint)(i + width)) * Vector.LoadUnsafe(ref er, (nuint)(i + width));
            }

            for (; i < vectorEnd; i += width)
            {
                a0 += Vector.LoadUnsafe(ref wr, column + (nuint)i) * Vector.LoadUnsafe(ref er, (nuint)i);
            }

            float s = Vector.Sum(a0 + a1);
            for (; i < r; i++)
            {
                s += Unsafe.Add(ref wr, (int)column + i) * Unsafe.Add(ref er, i);
            }

            Unsafe.Add(ref zr, j) += scale * s;
        }
    }
}
