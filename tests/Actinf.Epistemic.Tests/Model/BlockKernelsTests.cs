using Actinf.Epistemic.Model;
using Actinf.Epistemic.Tests.Support;

namespace Actinf.Epistemic.Tests.Model;

public class BlockKernelsTests
{
    public static TheoryData<int, int> Shapes()
    {
        var data = new TheoryData<int, int>();
        int max = (3 * System.Numerics.Vector<float>.Count) + 1;
        for (int r = 0; r <= max; r += 5)
        {
            data.Add(r, 3);
            data.Add(r, 1);
        }

        data.Add(max, max);
        data.Add(96, 48);
        data.Add(48, 24);
        data.Add(24, 12);
        data.Add(12, 6);
        data.Add(16, 9);
        data.Add(8, 8);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Multiply_AnyShape_MatchesScalarTwin(int r, int c)
    {
        float[] w = TestVectors.Gaussian(r * c, r + c), x = TestVectors.Gaussian(c, 2 * r + c);
        var y = new float[r];
        BlockKernels.Multiply(w, x, y);
        for (int i = 0; i < r; i++)
        {
            double s = 0;
            for (int j = 0; j < c; j++)
            {
                s += w[(j * r) + i] * (double)x[j];
            }

            Assert.Equal(s, y[i], 1e-4 * (1 + Math.Abs(s)));
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TransposeMultiplyAdd_AnyShape_MatchesScalarTwin(int r, int c)
    {
        float[] w = TestVectors.Gaussian(r * c, r + c), e = TestVectors.Gaussian(r, 3 * r + c), z = TestVectors.Gaussian(c, 7);
        float[] z0 = (float[])z.Clone();
        BlockKernels.TransposeMultiplyAdd(w, e, 0.5f, z);
        for (int j = 0; j < c; j++)
        {
            double s = 0;
            for (int i = 0; i < r; i++)
            {
                s += w[(j * r) + i] * (double)e[i];
            }

            Assert.Equal(z0[j] + (0.5 * s), z[j], 1e-4 * (1 + Math.Abs(s)));
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TransposeMultiply_Overwrite_MatchesScalarTwin(int r, int c)
    {
        float[] w = TestVectors.Gaussian(r * c, r + c + 1), e = TestVectors.Gaussian(r, 5 * r + c), z = TestVectors.Gaussian(c, 9);
        BlockKernels.TransposeMultiply(w, e, -0.75f, z, accumulate: false);
        for (int j = 0; j < c; j++)
        {
            double s = 0;
            for (int i = 0; i < r; i++)
            {
                s += w[(j * r) + i] * (double)e[i];
            }

            Assert.Equal(-0.75 * s, z[j], 1e-4 * (1 + Math.Abs(s)));
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void PredictionErrorAndMessage_AnyShape_MatchesScalarTwin(int r, int c)
    {
        float[] w = TestVectors.Gaussian(r * c, r + c + 2), x = TestVectors.Gaussian(c, r + 3), lower = TestVectors.Gaussian(r, c + 4);
        float[] delta = TestVectors.Gaussian(r, 1), z = TestVectors.Gaussian(c, 2);
        float squares = BlockKernels.PredictionErrorAndMessage(w, x, lower, delta, 0.5f, z);
        var expectedDelta = new double[r];
        double expectedSquares = 0;
        for (int i = 0; i < r; i++)
        {
            double s = 0;
            for (int j = 0; j < c; j++)
            {
                s += w[(j * r) + i] * (double)x[j];
            }

            expectedDelta[i] = lower[i] - s;
            expectedSquares += expectedDelta[i] * expectedDelta[i];
            Assert.Equal(expectedDelta[i], delta[i], 1e-4 * (1 + Math.Abs(s)));
        }

        Assert.Equal(expectedSquares, squares, 1e-4 * (1 + expectedSquares));
        for (int j = 0; j < c; j++)
        {
            double s = 0;
            for (int i = 0; i < r; i++)
            {
                s += w[(j * r) + i] * expectedDelta[i];
            }

            Assert.Equal(0.5 * s, z[j], 1e-3 * (1 + Math.Abs(s)));
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AddOuterProduct_AnyShape_MatchesScalarTwinAndColumnSumOfSquaresBitForBit(int r, int c)
    {
        float[] w = TestVectors.Gaussian(r * c, r + c + 5), e = TestVectors.Gaussian(r, r + 6), s = TestVectors.Gaussian(c, c + 7);
        if (c > 1)
        {
            s[1] = 0f; // a zero coefficient leaves its column as it is
        }

        float[] before = (float[])w.Clone();
        var squares = new float[c];
        BlockKernels.AddOuterProduct(w, e, s, squares);
        for (int j = 0; j < c; j++)
        {
            for (int i = 0; i < r; i++)
            {
                double expected = before[(j * r) + i] + (e[i] * (double)s[j]);
                Assert.Equal(expected, w[(j * r) + i], 1e-5 * (1 + Math.Abs(expected)));
            }
        }

        // Learning refreshes the column norms in the same pass; an import recomputes them: both must agree exactly.
        var recomputed = new float[c];
        BlockKernels.ColumnSumOfSquares(w, r, recomputed);
        Assert.Equal(recomputed, squares);
        for (int j = 0; j < c; j++)
        {
            double expected = 0;
            for (int i = 0; i < r; i++)
            {
                expected += w[(j * r) + i] * (double)w[(j * r) + i];
            }

            Assert.Equal(expected, recomputed[j], 1e-4 * (1 + expected));
        }
    }

    [Fact]
    public void AddOuterProduct_TooFewColumnSums_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => BlockKernels.AddOuterProduct(new float[6], new float[3], new float[2], new float[1]));
        Assert.Equal("columnSquares", ex.ParamName);
    }
}
