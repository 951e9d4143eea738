using System.Numerics;
using Actinf.Epistemic.Inference;
using Actinf.Epistemic.Tests.Support;

namespace Actinf.Epistemic.Tests.Inference;

public class DescentKernelsTests
{
    public static TheoryData<int> Lengths()
    {
        var data = new TheoryData<int>();
        for (int n = 0; n <= (3 * Vector<float>.Count) + 1; n++)
        {
            data.Add(n);
        }

        data.Add(96);
        data.Add(1536);
        return data;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Direction_AnyLength_MatchesScalarTwin(int n)
    {
        float[] g = TestVectors.Gaussian(n, n + 1), h = Positive(n, n + 2), d = TestVectors.Gaussian(n, n + 3);
        float[] invH = h.Select(v => 1f / v).ToArray();
        foreach (float beta in new[] { 0.7f, 0f })
        {
            float[] actual = (float[])d.Clone();
            DirectionSums sums = DescentKernels.Direction(g, invH, h, beta, actual);
            double slope = 0, weighted = 0, squares = 0, max = 0;
            for (int i = 0; i < n; i++)
            {
                double expected = (beta == 0f ? 0 : beta * (double)d[i]) - (g[i] * (double)invH[i]);
                Assert.Equal(expected, actual[i], 1e-5 * (1 + Math.Abs(expected)));
                slope += g[i] * expected;
                weighted += h[i] * expected * expected;
                squares += expected * expected;
                max = Math.Max(max, Math.Abs(expected));
            }

            Assert.Equal(slope, sums.Slope, 1e-4 * (1 + Math.Abs(slope)));
            Assert.Equal(weighted, sums.WeightedSquares, 1e-4 * (1 + weighted));
            Assert.Equal(squares, sums.Squares, 1e-4 * (1 + squares));
            Assert.Equal(max, sums.MaxMagnitude, 1e-5 * (1 + max));
        }
    }

    [Fact]
    public void Direction_ZeroBeta_DoesNotReadTheOldDirection()
    {
        float[] g = [1f, -2f, 3f, 0.5f, 1f, 2f, 3f, 4f, 5f, 6f], h = [1f, 2f, 4f, 1f, 1f, 1f, 1f, 1f, 1f, 2f];
        float[] invH = h.Select(v => 1f / v).ToArray();
        float[] d = Enumerable.Repeat(float.NaN, g.Length).ToArray();
        DirectionSums sums = DescentKernels.Direction(g, invH, h, 0f, d);
        Assert.All(d, v => Assert.True(float.IsFinite(v)));
        Assert.True(sums.Slope < 0);
    }

    [Fact]
    public void Direction_LengthMismatch_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => DescentKernels.Direction(new float[3], new float[3], new float[2], 0f, new float[3]));
        Assert.Equal("direction", ex.ParamName);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Step_AnyLength_MatchesScalarTwin(int n)
    {
        float[] d = TestVectors.Gaussian(n, n + 11), delta = TestVectors.Gaussian(n, n + 12), back = TestVectors.Gaussian(n, n + 13);
        float[] invH = Positive(n, n + 14).Select(v => 1f / v).ToArray();
        float[] mu = TestVectors.Gaussian(n, n + 15), eps = TestVectors.Gaussian(n, n + 16), g = TestVectors.Gaussian(n, n + 17);
        float[] mu1 = (float[])mu.Clone(), eps1 = (float[])eps.Clone(), g1 = (float[])g.Clone();
        const float t = 0.37f, pi = 0.8f;
        double gz = DescentKernels.Step(t, d, delta, back, pi, invH, mu1, eps1, g1);
        double expectedGz = 0;
        for (int i = 0; i < n; i++)
        {
            double m = mu[i] + (t * (double)d[i]), e = eps[i] + (t * (double)delta[i]);
            double gi = g[i] + (t * ((pi * (double)delta[i]) + back[i]));
            Assert.Equal(m, mu1[i], 1e-5 * (1 + Math.Abs(m)));
            Assert.Equal(e, eps1[i], 1e-5 * (1 + Math.Abs(e)));
            Assert.Equal(gi, g1[i], 1e-5 * (1 + Math.Abs(gi)));
            expectedGz += gi * gi * invH[i];
        }

        Assert.Equal(expectedGz, gz, 1e-4 * (1 + expectedGz));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void PreconditionedSquares_AnyLength_MatchesScalarTwin(int n)
    {
        float[] g = TestVectors.Gaussian(n, n + 21), invH = Positive(n, n + 22);
        double expected = 0;
        for (int i = 0; i < n; i++)
        {
            expected += g[i] * (double)g[i] * invH[i];
        }

        Assert.Equal(expected, DescentKernels.PreconditionedSquares(g, invH), 1e-4 * (1 + expected));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void AllFinite_NonFiniteAtAnyPosition_False(int n)
    {
        float[] x = TestVectors.Gaussian(n, n + 31, 1e30f);
        Assert.True(DescentKernels.AllFinite(x));
        foreach (float bad in new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity })
        {
            for (int i = 0; i < n; i++)
            {
                float[] y = (float[])x.Clone();
                y[i] = bad;
                Assert.False(DescentKernels.AllFinite(y), $"{bad} at {i} of {n}");
            }
        }
    }

    private static float[] Positive(int n, int seed) => TestVectors.Gaussian(n, seed).Select(v => 0.5f + MathF.Abs(v)).ToArray();
}
