using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Actinf.Epistemic.Model;

/// <summary>
/// Products with one dense block stored column-major (column j of an r×c block is
/// <c>w[j·r .. (j+1)·r)</c>), vectorised with <see cref="Vector{T}"/>.
/// </summary>
/// <remarks>
/// One TensorPrimitives call per row or column costs more in call overhead than in arithmetic for the short
/// blocks of the hierarchy (6 to 96 floats), so these loops keep the accumulators in registers instead
/// (issue #4; the scalar twins in the tests are the oracle). The forward product runs down the columns
/// (axpy form) and the transposed one takes four column dot products at a time, so both read the same
/// column-major block and no transposed copy is needed. Products use <see cref="Vector.MultiplyAddEstimate(Vector{float}, Vector{float}, Vector{float})"/>:
/// a fused multiply-add where the hardware has one, so results can differ from a scalar loop by float
/// rounding. Lengths are checked once at the top; the loops then read through references without bounds
/// checks. NaN and infinity propagate as in IEEE arithmetic.
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

        // Four row vectors per pass and two columns per step: eight independent FMA chains hide the FMA latency.
        for (; i + (4 * width) <= r; i += 4 * width)
        {
            Vector<float> a0 = Vector<float>.Zero, a1 = Vector<float>.Zero, a2 = Vector<float>.Zero, a3 = Vector<float>.Zero;
            Vector<float> b0 = Vector<float>.Zero, b1 = Vector<float>.Zero, b2 = Vector<float>.Zero, b3 = Vector<float>.Zero;
            nuint offset = (nuint)i;
            int j = 0;
            for (; j + 2 <= c; j += 2)
            {
                var xj = new Vector<float>(Unsafe.Add(ref xr, j));
                var xk = new Vector<float>(Unsafe.Add(ref xr, j + 1));
                nuint next = offset + (nuint)r;
                a0 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref wr, offset), xj, a0);
                a1 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref wr, offset + (nuint)width), xj, a1);
                a2 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref wr, offset + (nuint)(2 * width)), xj, a2);
                a3 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref wr, offset + (nuint)(3 * width)), xj, a3);
                b0 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref wr, next), xk, b0);
                b1 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref wr, next + (nuint)width), xk, b1);
                b2 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref wr, next + (nuint)(2 * width)), xk, b2);
                b3 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref wr, next + (nuint)(3 * width)), xk, b3);
                offset = next + (nuint)r;
            }

            if (j < c)
            {
                var xj = new Vector<float>(Unsafe.Add(ref xr, j));
                a0 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref wr, offset), xj, a0);
                a1 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref wr, offset + (nuint)width), xj, a1);
                a2 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref wr, offset + (nuint)(2 * width)), xj, a2);
                a3 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref wr, offset + (nuint)(3 * width)), xj, a3);
            }

            Store(a0 + b0, scale, ref yr, i, accumulate);
            Store(a1 + b1, scale, ref yr, i + width, accumulate);
            Store(a2 + b2, scale, ref yr, i + (2 * width), accumulate);
            Store(a3 + b3, scale, ref yr, i + (3 * width), accumulate);
        }

        for (; i + (2 * width) <= r; i += 2 * width)
        {
            Vector<float> a0 = Vector<float>.Zero, a1 = Vector<float>.Zero;
            nuint offset = (nuint)i;
            for (int j = 0; j < c; j++)
            {
                var xj = new Vector<float>(Unsafe.Add(ref xr, j));
                a0 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref wr, offset), xj, a0);
                a1 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref wr, offset + (nuint)width), xj, a1);
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
                a0 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref wr, offset), new Vector<float>(Unsafe.Add(ref xr, j)), a0);
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

    /// <summary>z_j += scale · Σ_i w[j·r + i]·e_i (z += scale·Wᵀe) for an r×c column-major block.</summary>
    public static void TransposeMultiplyAdd(ReadOnlySpan<float> w, ReadOnlySpan<float> e, float scale, Span<float> z) =>
        TransposeMultiply(w, e, scale, z, accumulate: true);

    /// <summary>z = scale·Wᵀe (+ z when <paramref name="accumulate"/>) for an r×c column-major block: z_j = scale·Σ_i w[j·r + i]·e_i.</summary>
    public static void TransposeMultiply(ReadOnlySpan<float> w, ReadOnlySpan<float> e, float scale, Span<float> z, bool accumulate)
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
        int j = 0;

        // Eight (then four) columns per pass share each load of e and give as many independent FMA chains; their
        // sums are reduced once per column.
        for (; j + 8 <= c; j += 8)
        {
            ref float w0 = ref Unsafe.Add(ref wr, j * r);
            ref float w1 = ref Unsafe.Add(ref w0, r);
            ref float w2 = ref Unsafe.Add(ref w1, r);
            ref float w3 = ref Unsafe.Add(ref w2, r);
            ref float w4 = ref Unsafe.Add(ref w3, r);
            ref float w5 = ref Unsafe.Add(ref w4, r);
            ref float w6 = ref Unsafe.Add(ref w5, r);
            ref float w7 = ref Unsafe.Add(ref w6, r);
            Vector<float> a0 = Vector<float>.Zero, a1 = Vector<float>.Zero, a2 = Vector<float>.Zero, a3 = Vector<float>.Zero;
            Vector<float> a4 = Vector<float>.Zero, a5 = Vector<float>.Zero, a6 = Vector<float>.Zero, a7 = Vector<float>.Zero;
            int i = 0;
            for (; i < vectorEnd; i += width)
            {
                Vector<float> ev = Vector.LoadUnsafe(ref er, (nuint)i);
                a0 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref w0, (nuint)i), ev, a0);
                a1 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref w1, (nuint)i), ev, a1);
                a2 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref w2, (nuint)i), ev, a2);
                a3 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref w3, (nuint)i), ev, a3);
                a4 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref w4, (nuint)i), ev, a4);
                a5 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref w5, (nuint)i), ev, a5);
                a6 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref w6, (nuint)i), ev, a6);
                a7 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref w7, (nuint)i), ev, a7);
            }

            if (i == r && Avx.IsSupported && Vector<float>.Count == 8)
            {
                // Eight 8-lane sums reduced together by a horizontal-add tree: one vector of the eight column sums
                // instead of eight separate reductions (issue #4: the reductions cost a third of this product).
                Vector256<float> h01 = Avx.HorizontalAdd(a0.AsVector256(), a1.AsVector256());
                Vector256<float> h23 = Avx.HorizontalAdd(a2.AsVector256(), a3.AsVector256());
                Vector256<float> h45 = Avx.HorizontalAdd(a4.AsVector256(), a5.AsVector256());
                Vector256<float> h67 = Avx.HorizontalAdd(a6.AsVector256(), a7.AsVector256());
                Vector256<float> h0123 = Avx.HorizontalAdd(h01, h23);
                Vector256<float> h4567 = Avx.HorizontalAdd(h45, h67);
                Vector256<float> sums = Avx.Permute2x128(h0123, h4567, 0x20) + Avx.Permute2x128(h0123, h4567, 0x31);
                Vector256<float> result = sums * scale;
                if (accumulate)
                {
                    result += Vector256.LoadUnsafe(ref zr, (nuint)j);
                }

                result.StoreUnsafe(ref zr, (nuint)j);
                continue;
            }

            float s0 = Vector.Sum(a0), s1 = Vector.Sum(a1), s2 = Vector.Sum(a2), s3 = Vector.Sum(a3);
            float s4 = Vector.Sum(a4), s5 = Vector.Sum(a5), s6 = Vector.Sum(a6), s7 = Vector.Sum(a7);
            for (; i < r; i++)
            {
                float ei = Unsafe.Add(ref er, i);
                s0 += Unsafe.Add(ref w0, i) * ei;
                s1 += Unsafe.Add(ref w1, i) * ei;
                s2 += Unsafe.Add(ref w2, i) * ei;
                s3 += Unsafe.Add(ref w3, i) * ei;
                s4 += Unsafe.Add(ref w4, i) * ei;
                s5 += Unsafe.Add(ref w5, i) * ei;
                s6 += Unsafe.Add(ref w6, i) * ei;
                s7 += Unsafe.Add(ref w7, i) * ei;
            }

            StoreScalar(s0, scale, ref zr, j, accumulate);
            StoreScalar(s1, scale, ref zr, j + 1, accumulate);
            StoreScalar(s2, scale, ref zr, j + 2, accumulate);
            StoreScalar(s3, scale, ref zr, j + 3, accumulate);
            StoreScalar(s4, scale, ref zr, j + 4, accumulate);
            StoreScalar(s5, scale, ref zr, j + 5, accumulate);
            StoreScalar(s6, scale, ref zr, j + 6, accumulate);
            StoreScalar(s7, scale, ref zr, j + 7, accumulate);
        }

        for (; j + 4 <= c; j += 4)
        {
            ref float w0 = ref Unsafe.Add(ref wr, j * r);
            ref float w1 = ref Unsafe.Add(ref w0, r);
            ref float w2 = ref Unsafe.Add(ref w1, r);
            ref float w3 = ref Unsafe.Add(ref w2, r);
            Vector<float> a0 = Vector<float>.Zero, a1 = Vector<float>.Zero, a2 = Vector<float>.Zero, a3 = Vector<float>.Zero;
            int i = 0;
            for (; i < vectorEnd; i += width)
            {
                Vector<float> ev = Vector.LoadUnsafe(ref er, (nuint)i);
                a0 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref w0, (nuint)i), ev, a0);
                a1 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref w1, (nuint)i), ev, a1);
                a2 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref w2, (nuint)i), ev, a2);
                a3 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref w3, (nuint)i), ev, a3);
            }

            float s0 = Vector.Sum(a0), s1 = Vector.Sum(a1), s2 = Vector.Sum(a2), s3 = Vector.Sum(a3);
            for (; i < r; i++)
            {
                float ei = Unsafe.Add(ref er, i);
                s0 += Unsafe.Add(ref w0, i) * ei;
                s1 += Unsafe.Add(ref w1, i) * ei;
                s2 += Unsafe.Add(ref w2, i) * ei;
                s3 += Unsafe.Add(ref w3, i) * ei;
            }

            StoreScalar(s0, scale, ref zr, j, accumulate);
            StoreScalar(s1, scale, ref zr, j + 1, accumulate);
            StoreScalar(s2, scale, ref zr, j + 2, accumulate);
            StoreScalar(s3, scale, ref zr, j + 3, accumulate);
        }

        for (; j < c; j++)
        {
            ref float w0 = ref Unsafe.Add(ref wr, j * r);
            Vector<float> a0 = Vector<float>.Zero;
            int i = 0;
            for (; i < vectorEnd; i += width)
            {
                a0 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref w0, (nuint)i), Vector.LoadUnsafe(ref er, (nuint)i), a0);
            }

            float s0 = Vector.Sum(a0);
            for (; i < r; i++)
            {
                s0 += Unsafe.Add(ref w0, i) * Unsafe.Add(ref er, i);
            }

            StoreScalar(s0, scale, ref zr, j, accumulate);
        }
    }

    /// <summary>
    /// delta = lower − W·x and z = scale·Wᵀ·delta for an r×c column-major block, in one visit of the block
    /// (it stays in L1 between the two products); returns Σ_i delta_i².
    /// </summary>
    /// <remarks>
    /// The prediction error of the layer below and its bottom-up message are the two products of every
    /// descent iteration; fusing them halves the reads of the weights (issue #4).
    /// </remarks>
    public static float PredictionErrorAndMessage(ReadOnlySpan<float> w, ReadOnlySpan<float> x, ReadOnlySpan<float> lower, Span<float> delta, float scale, Span<float> z)
    {
        if (lower.Length != delta.Length)
        {
            throw new ArgumentException("The lower state and the error must have the same length.", nameof(delta));
        }

        Multiply(w, x, delta);
        float squares = SubtractFrom(lower, delta);
        TransposeMultiply(w, delta, scale, z, accumulate: false);
        return squares;
    }

    /// <summary>delta = lower − delta (in place); returns Σ_i delta_i² of the result.</summary>
    public static float SubtractFrom(ReadOnlySpan<float> lower, Span<float> delta)
    {
        int n = delta.Length;
        if (lower.Length != n)
        {
            throw new ArgumentException("The spans must have the same length.", nameof(lower));
        }

        ref float lr = ref MemoryMarshal.GetReference(lower);
        ref float dr = ref MemoryMarshal.GetReference(delta);
        int width = Vector<float>.Count;
        Vector<float> acc = Vector<float>.Zero;
        int i = 0;
        for (; i + width <= n; i += width)
        {
            Vector<float> v = Vector.LoadUnsafe(ref lr, (nuint)i) - Vector.LoadUnsafe(ref dr, (nuint)i);
            v.StoreUnsafe(ref dr, (nuint)i);
            acc = Vector.MultiplyAddEstimate(v, v, acc);
        }

        float squares = Vector.Sum(acc);
        for (; i < n; i++)
        {
            float v = Unsafe.Add(ref lr, i) - Unsafe.Add(ref dr, i);
            Unsafe.Add(ref dr, i) = v;
            squares += v * v;
        }

        return squares;
    }

    /// <summary>
    /// W += e ⊗ s for an r×c column-major block (w[j·r + i] += e_i·s_j; a column with s_j = 0 is left as it is), then
    /// columnSquares_j = Σ_i w[j·r + i]² of the updated block, summed exactly as <see cref="ColumnSumOfSquares"/> does.
    /// </summary>
    public static void AddOuterProduct(Span<float> w, ReadOnlySpan<float> e, ReadOnlySpan<float> s, Span<float> columnSquares)
    {
        int r = e.Length, c = s.Length;
        if (w.Length < r * c)
        {
            throw new ArgumentException("The block is smaller than rows × columns.", nameof(w));
        }

        if (columnSquares.Length != c)
        {
            throw new ArgumentException("One column sum per column is required.", nameof(columnSquares));
        }

        ref float wr = ref MemoryMarshal.GetReference(w);
        ref float er = ref MemoryMarshal.GetReference(e);
        int width = Vector<float>.Count;
        for (int j = 0; j < c; j++)
        {
            float a = s[j];
            ref float column = ref Unsafe.Add(ref wr, j * r);
            if (a == 0f)
            {
                columnSquares[j] = SumOfSquares(ref column, r);
                continue;
            }

            // The squares are taken of the stored values in SumOfSquares's order, in the same pass as the update.
            var av = new Vector<float>(a);
            Vector<float> acc = Vector<float>.Zero;
            int i = 0;
            for (; i + width <= r; i += width)
            {
                Vector<float> v = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref er, (nuint)i), av, Vector.LoadUnsafe(ref column, (nuint)i));
                v.StoreUnsafe(ref column, (nuint)i);
                acc = Vector.MultiplyAddEstimate(v, v, acc);
            }

            float squares = Vector.Sum(acc);
            for (; i < r; i++)
            {
                float v = Unsafe.Add(ref column, i) + (Unsafe.Add(ref er, i) * a);
                Unsafe.Add(ref column, i) = v;
                squares += v * v;
            }

            columnSquares[j] = squares;
        }
    }

    /// <summary>columnSquares_j = Σ_i w[j·r + i]² for an r×c column-major block (c = columnSquares.Length).</summary>
    public static void ColumnSumOfSquares(ReadOnlySpan<float> w, int rows, Span<float> columnSquares)
    {
        int c = columnSquares.Length;
        if (rows < 0 || w.Length < rows * c)
        {
            throw new ArgumentException("The block is smaller than rows × columns.", nameof(w));
        }

        ref float wr = ref MemoryMarshal.GetReference(w);
        for (int j = 0; j < c; j++)
        {
            columnSquares[j] = SumOfSquares(ref Unsafe.Add(ref wr, j * rows), rows);
        }
    }

    private static float SumOfSquares(ref float x, int n)
    {
        int width = Vector<float>.Count;
        Vector<float> acc = Vector<float>.Zero;
        int i = 0;
        for (; i + width <= n; i += width)
        {
            Vector<float> v = Vector.LoadUnsafe(ref x, (nuint)i);
            acc = Vector.MultiplyAddEstimate(v, v, acc);
        }

        float sum = Vector.Sum(acc);
        for (; i < n; i++)
        {
            float v = Unsafe.Add(ref x, i);
            sum += v * v;
        }

        return sum;
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

    private static void StoreScalar(float value, float scale, ref float destination, int index, bool accumulate)
    {
        ref float target = ref Unsafe.Add(ref destination, index);
        target = (scale * value) + (accumulate ? target : 0f);
    }
}
