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
}
