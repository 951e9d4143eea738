using Actinf.Epistemic.Beliefs;
using Actinf.Epistemic.Numerics;

namespace Actinf.Epistemic.Tests.Numerics;

public class LogarithmSumTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(1536)]
    [InlineData(5000)]
    public void Of_PositiveValuesOverManyMagnitudes_EqualsTheScalarDoubleLoop(int length)
    {
        float[] x = Values(length, seed: length);

        double expected = 0, scale = 0;
        foreach (float v in x)
        {
            expected += Math.Log(v);
            scale += Math.Abs(Math.Log(v));
        }

        Assert.Equal(expected, LogarithmSum.Of(x), Math.Max(scale, 1) * 1e-14);
    }

    [Fact]
    public void Of_AZero_IsMinusInfinity_AndANegativeOrNaN_IsNaN()
    {
        float[] x = Values(300, seed: 1);
        x[280] = 0f; // in the second block
        Assert.Equal(double.NegativeInfinity, LogarithmSum.Of(x));

        x[280] = -1f;
        Assert.True(double.IsNaN(LogarithmSum.Of(x)));

        x[280] = float.NaN;
        Assert.True(double.IsNaN(LogarithmSum.Of(x)));
    }

    [Fact]
    public void EntropyAndUncertaintyLevel_1536Dimensions_MatchTheirClosedFormsTermByTerm()
    {
        float[] precision = Values(1536, seed: 7);
        const float P0 = 0.5f;

        double entropy = 0, logRatio = 0;
        foreach (float p in precision)
        {
            entropy += 0.5 * Math.Log(2 * Math.PI * Math.E / p);
            logRatio += Math.Log(P0 / (double)p);
        }

        Assert.Equal(entropy, DiagonalGaussianBelief.EntropyOf(precision), 1e-9);
        Assert.Equal((float)Math.Clamp(Math.Exp(0.5 * logRatio / precision.Length), 0, 1), UncertaintyLevel.FromPrecisions(precision, P0), 6);
    }

    /// <summary>Positive floats from 1e-6 (the precision floor) to 1e30, log-uniform.</summary>
    private static float[] Values(int length, int seed)
    {
        var random = new Random(seed);
        var x = new float[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = (float)Math.Pow(10, -6 + (36 * random.NextDouble()));
        }

        return x;
    }
}
