using Actinf.Epistemic.Planning;

namespace Actinf.Epistemic.Tests.Planning;

public class ExpectedFreeEnergyTests
{
    [Fact]
    public void InformationGain_AgainstMutualInformationClosedForm_Agrees()
    {
        float[] p = [0.5f, 1f, 2f, 10f, 1e-3f, 1e4f];
        const float pa = 1.5f;
        double expected = 0;
        foreach (float pi in p)
        {
            // I(s; y) for y = s + n: ½ ln(Var[y] / Var[y|s]) = ½ ln((1/p + 1/pa) / (1/pa)).
            expected += 0.5 * Math.Log(((1.0 / pi) + (1.0 / pa)) / (1.0 / pa));
        }

        Assert.Equal(expected, ExpectedFreeEnergy.InformationGain(p, pa, new float[p.Length]), 1e-4 * expected);
        Assert.Equal(expected, ExpectedFreeEnergy.InformationGain(p, 0f, pa, new float[p.Length]), 1e-4 * expected);
    }

    [Fact]
    public void InformationGain_AfterAddingPrecision_EqualsTwoStepChainRule()
    {
        // I(s; y1, y2) = I(s; y1) + I(s; y2 | y1): the rollout with p + pa is exact.
        float[] p = [0.7f, 3f];
        float[] scratch = new float[2];
        float both = ExpectedFreeEnergy.InformationGain(p, 2f, scratch);
        float first = ExpectedFreeEnergy.InformationGain(p, 1f, scratch);
        float second = ExpectedFreeEnergy.InformationGain(p, 1f, 1f, scratch);
        Assert.Equal(both, first + second, 5);
    }

    [Fact]
    public void Normalised_EqualsOneMinusGeometricMeanVarianceRatio()
    {
        float[] p = [1f, 4f];
        const float pa = 2f;
        float gain = ExpectedFreeEnergy.InformationGain(p, pa, new float[2]);
        double geometric = Math.Sqrt((1.0 / 3.0) * (4.0 / 6.0));
        Assert.Equal(1 - geometric, ExpectedFreeEnergy.Normalised(gain, 2), 5);
    }

    [Fact]
    public void Combine_HalfBalance_IsMinusSum() =>
        Assert.Equal(-(3f + 2f), ExpectedFreeEnergy.Combine(3f, 2f, 0.5f));

    [Fact]
    public void InformationGain_ExtremePrecisions_Finite()
    {
        float[] p = [1e-6f, 1e30f, float.Epsilon * 1e6f];
        float g = ExpectedFreeEnergy.InformationGain(p, 1e6f, new float[3]);
        Assert.True(float.IsFinite(g) && g > 0);
    }
}
