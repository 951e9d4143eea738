using System.Runtime.Intrinsics;
using Actinf.Core.Kernels;

namespace Actinf.Core.Tests.Kernels;

public class LinearOperatorTests
{
    // Dense rows go through TensorPrimitives.Dot (SIMD lanes), the twin sums left to right: the two differ
    // only in association order, a few ulp of the sum of |terms|.
    private const double RelativeTolerance = 1e-14;

    public static TheoryData<int> Sizes() => [.. Enumerable.Range(0, (3 * Vector256<double>.Count) + 2)];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Multiply_DenseEachSize_MatchesScalarTwin(int n)
    {
        var rng = new Random(10 + n);
        foreach (int columns in new[] { n, Math.Max(1, n / 2), n + 3 })
        {
            var op = new LinearOperator(n, columns);
            Fill(op.Values, rng, density: 1.0);
            op.Refresh();
            double[] x = Vector(rng, columns);
            var y = new double[n];

            op.Multiply(x, y);

            // A full matrix takes the dense path unless it has a single entry (⌈1/4⌉ = 1 non-zero allowed).
            Assert.Equal(n * columns == 1, op.IsSparse);
            AssertMatchesTwin(op, x, y);
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Multiply_SparseEachSize_MatchesScalarTwin(int n)
    {
        var rng = new Random(20 + n);
        var op = new LinearOperator(n, n);
        Fill(op.Values, rng, density: 0.2);
        op.Refresh();
        double[] x = Vector(rng, n);
        var y = new double[n];

        op.Multiply(x, y);

        // An empty operator has no room for a compressed copy and keeps the (trivial) dense path.
        Assert.Equal(n > 0, op.IsSparse);
        AssertMatchesTwin(op, x, y);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Multiply_SameSparseMatrixOnBothPaths_Agree(int n)
    {
        var rng = new Random(30 + n);
        var sparseOp = new LinearOperator(n, n);
        var denseOp = new LinearOperator(n, n, allowSparse: false);
        Fill(sparseOp.Values, rng, density: 0.2);
        sparseOp.Values.CopyTo(denseOp.Values, 0);
        sparseOp.Refresh();
        denseOp.Refresh();
        double[] x = Vector(rng, n);
        var sparse = new double[n];
        var dense = new double[n];

        sparseOp.Multiply(x, sparse);
        denseOp.Multiply(x, dense);

        Assert.Equal(n > 0, sparseOp.IsSparse);
        Assert.False(denseOp.IsSparse);
        AssertClose(sparseOp, x, sparse, dense);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Refresh_ZerosFilledIn_SwitchesToDensePathWithSameProduct(int n)
    {
        var rng = new Random(40 + n);
        var op = new LinearOperator(n, n);
        Fill(op.Values, rng, density: 0.2);
        op.Refresh();
        double[] x = Vector(rng, n);
        var sparse = new double[n];
        op.Multiply(x, sparse);

        // Fill the structural zeros with 1e-300: the same matrix to 1e-300, but full.
        for (int i = 0; i < op.Values.Length; i++)
        {
            if (op.Values[i] == 0)
            {
                op.Values[i] = 1e-300;
            }
        }

        op.Refresh();
        var dense = new double[n];
        op.Multiply(x, dense);

        Assert.Equal(n == 1, op.IsSparse);
        for (int r = 0; r < n; r++)
        {
            // The filled matrix adds at most 1e-300·|x_c| ≤ 1e-300 per entry.
            double scale = RowScale(op, x, r);
            Assert.True(Math.Abs(sparse[r] - dense[r]) <= (n * 1e-300) + (RelativeTolerance * scale), $"row {r}: sparse {sparse[r]:R}, dense {dense[r]:R}");
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(64)]
    public void Refresh_PermutationMatrix_ChoosesCompressedRows(int n)
    {
        var rng = new Random(n);
        int[] perm = [.. Enumerable.Range(0, n).OrderBy(_ => rng.Next())];
        var op = new LinearOperator(n, n);
        for (int c = 0; c < n; c++)
        {
            op.Values[(perm[c] * n) + c] = 1.0;
        }

        op.Refresh();
        double[] x = Vector(rng, n);
        var y = new double[n];
        op.Multiply(x, y);

        Assert.True(op.IsSparse);
        for (int c = 0; c < n; c++)
        {
            Assert.Equal(x[c], y[perm[c]]);
        }
    }

    [Fact]
    public void Refresh_TwoByTwoPermutation_StaysDense()
    {
        // 2 non-zeros exceed ⌈4/4⌉ = 1. (For n = 3, 3 ≤ ⌈9/4⌉ = 3: the threshold rounds up.)
        var op = new LinearOperator(2, 2);
        op.Values[1] = 1.0;
        op.Values[2] = 1.0;

        op.Refresh();

        Assert.False(op.IsSparse);
    }

    [Fact]
    public void Refresh_DensityThreshold_QuarterOfEntriesIsSparse()
    {
        var op = new LinearOperator(4, 4);
        for (int i = 0; i < 4; i++)
        {
            op.Values[i * 5] = 1.0;
        }

        op.Refresh();
        Assert.True(op.IsSparse);

        op.Values[1] = 0.5;
        op.Refresh();
        Assert.False(op.IsSparse);
    }

    [Fact]
    public void Refresh_SparseNotAllowed_AlwaysDense()
    {
        var op = new LinearOperator(5, 5, allowSparse: false);
        op.Values[0] = 1.0;

        op.Refresh();

        Assert.False(op.IsSparse);
    }

    [Fact]
    public void Multiply_AllZeroMatrix_GivesZeros()
    {
        var op = new LinearOperator(3, 3);
        op.Refresh();
        var y = new double[] { 9, 9, 9 };

        op.Multiply([1, 2, 3], y);

        Assert.True(op.IsSparse);
        Assert.Equal([0.0, 0.0, 0.0], y);
    }

    [Fact]
    public void Multiply_InfiniteEntryUnderZeroColumn_SparsePathGivesZeroNotNaN()
    {
        // The sparse path skips structural zeros, so an infinite x entry under a zero column gives 0 rather than
        // the 0·∞ = NaN a dense dot product gives. Beliefs are finite, so both paths agree in the engine.
        var sparseOp = new LinearOperator(4, 4);
        var denseOp = new LinearOperator(4, 4, allowSparse: false);
        sparseOp.Values[0] = 1.0;
        denseOp.Values[0] = 1.0;
        sparseOp.Refresh();
        denseOp.Refresh();
        double[] x = [2, double.PositiveInfinity, 0, 0];
        var sparse = new double[4];
        var dense = new double[4];

        sparseOp.Multiply(x, sparse);
        denseOp.Multiply(x, dense);

        Assert.Equal([2.0, 0.0, 0.0, 0.0], sparse);
        Assert.True(double.IsNaN(dense[0]));
    }

    private static void Fill(double[] values, Random rng, double density)
    {
        Array.Clear(values);
        int nonZero = (int)Math.Floor(density * values.Length);
        int[] order = [.. Enumerable.Range(0, values.Length).OrderBy(_ => rng.Next())];
        for (int i = 0; i < nonZero; i++)
        {
            values[order[i]] = (2 * rng.NextDouble()) - 1;
        }
    }

    private static double[] Vector(Random rng, int n) => [.. Enumerable.Range(0, n).Select(_ => (2 * rng.NextDouble()) - 1)];

    private static double RowScale(LinearOperator op, double[] x, int r)
    {
        double scale = 0;
        for (int c = 0; c < op.Columns; c++)
        {
            scale += Math.Abs(op.Values[(r * op.Columns) + c] * x[c]);
        }

        return scale;
    }

    private static void AssertClose(LinearOperator op, double[] x, double[] expected, double[] actual)
    {
        for (int r = 0; r < op.Rows; r++)
        {
            Assert.True(Math.Abs(actual[r] - expected[r]) <= RelativeTolerance * RowScale(op, x, r), $"row {r}: {expected[r]:R} vs {actual[r]:R}");
        }
    }

    private static void AssertMatchesTwin(LinearOperator op, double[] x, double[] y)
    {
        var twin = new double[op.Rows];
        for (int r = 0; r < op.Rows; r++)
        {
            for (int c = 0; c < op.Columns; c++)
            {
                twin[r] += op.Values[(r * op.Columns) + c] * x[c];
            }
        }

        AssertClose(op, x, twin, y);
    }
}
