using Actinf.Epistemic.Beliefs;

namespace Actinf.Epistemic.Tests.Beliefs;

public class DiagonalGaussianBeliefTests
{
    [Fact]
    public void Entropy_Prior_MatchesClosedForm()
    {
        var b = new DiagonalGaussianBelief(10, 2f);
        double expected = 0.5 * 10 * Math.Log(2 * Math.PI * Math.E / 2.0);
        Assert.Equal(expected, b.Entropy, 10);
        Assert.Equal(1f, b.UncertaintyLevel);
        Assert.Equal(0f, b.Confidence);
    }

    [Fact]
    public void KullbackLeibler_AgainstMonteCarlo_Agrees()
    {
        float[] mq = [0.5f, -1f], pq = [2f, 0.5f], mr = [0f, 0f], pr = [1f, 1f];
        double closed = DiagonalGaussianBelief.KullbackLeibler(mq, pq, mr, pr);
        // Brute force: E_q[ln q(x) - ln r(x)] by Monte Carlo with a fixed seed.
        var rnd = new Random(7);
        double sum = 0;
        const int n = 200_000;
        for (int k = 0; k < n; k++)
        {
            double lq = 0, lr = 0;
            for (int i = 0; i < 2; i++)
            {
                double u1 = 1 - rnd.NextDouble(), u2 = rnd.NextDouble();
                double z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                double x = mq[i] + (z / Math.Sqrt(pq[i]));
                lq += 0.5 * Math.Log(pq[i] / (2 * Math.PI)) - (0.5 * pq[i] * (x - mq[i]) * (x - mq[i]));
                lr += 0.5 * Math.Log(pr[i] / (2 * Math.PI)) - (0.5 * pr[i] * (x - mr[i]) * (x - mr[i]));
            }

            sum += lq - lr;
        }

        Assert.InRange(Math.Abs((sum / n) - closed), 0, 0.02);
    }

    [Fact]
    public void KullbackLeibler_SameBelief_IsZero()
    {
        var a = new DiagonalGaussianBelief(5, 3f);
        a.Mean[2] = 1.5f;
        Assert.Equal(0, a.KullbackLeibler(a), 12);
    }

    [Fact]
    public void UncertaintyLevel_FourTimesPrecision_IsOneHalf()
    {
        float[] p = [4f, 4f, 4f];
        Assert.Equal(0.5f, UncertaintyLevel.FromPrecisions(p, 1f), 5);
        // Geometric mean of sqrt(p0/p): dims 1 and 16 → sqrt(1)·sqrt(1/16) = 0.25 → geometric mean 0.5.
        Assert.Equal(0.5f, UncertaintyLevel.FromPrecisions([1f, 16f], 1f), 5);
    }

    [Theory]
    [InlineData(0.2f, 0.1f, JohariQuadrant.Open)]
    [InlineData(0.2f, 0.9f, JohariQuadrant.Hidden)]
    [InlineData(0.9f, 0.1f, JohariQuadrant.Unknown)]
    [InlineData(0.9f, 0.9f, JohariQuadrant.Blind)]
    [InlineData(0.6f, 0.5f, JohariQuadrant.Unknown)]
    public void Classify_UncertaintyAndSurprise_GivesQuadrant(float u, float s, JohariQuadrant expected) =>
        Assert.Equal(expected, JohariClassifier.Classify(u, s, 0.6f, 0.5f));

    [Fact]
    public void Surprise_ErrorsAsPredicted_IsOneHalf()
    {
        Assert.Equal(0.5f, JohariClassifier.Surprise(1.0));
        Assert.Equal(0f, JohariClassifier.Surprise(0));
        Assert.Equal(1f, JohariClassifier.Surprise(double.PositiveInfinity));
    }
}
