using Actinf.Bench.Analysis;

namespace Actinf.Bench.Tests.Analysis;

public class NormalDistributionTests
{
    // Reference values: Python's math.erfc (the C library's erfc), 17 significant digits.
    [Theory]
    [InlineData(0.0, 1.0, 1e-15)]
    [InlineData(0.1, 0.8875370839817152, 1e-14)]
    [InlineData(0.5, 0.4795001221869535, 1e-14)]
    [InlineData(1.0, 0.15729920705028513, 1e-14)]
    [InlineData(1.5, 0.033894853524689274, 1e-13)]
    [InlineData(2.0, 0.004677734981047265, 1e-13)]
    [InlineData(2.5, 0.0004069520174449589, 1e-13)]
    [InlineData(3.0, 2.2090496998585438e-05, 1e-13)]
    [InlineData(5.0, 1.5374597944280351e-12, 1e-13)]
    [InlineData(-1.0, 1.842700792949715, 1e-14)]
    public void Erfc_KnownPoints_MatchReference(double x, double expected, double relativeTolerance)
    {
        double actual = NormalDistribution.Erfc(x);

        Assert.True(Math.Abs(actual - expected) <= relativeTolerance * expected, $"erfc({x}) = {actual:R}, expected {expected:R}");
    }

    [Fact]
    public void Erfc_Extremes_AreLimits()
    {
        Assert.Equal(0.0, NormalDistribution.Erfc(double.PositiveInfinity));
        Assert.Equal(2.0, NormalDistribution.Erfc(double.NegativeInfinity));
        Assert.Equal(0.0, NormalDistribution.Erfc(40.0));
        Assert.True(double.IsNaN(NormalDistribution.Erfc(double.NaN)));
    }

    [Fact]
    public void Cdf_QuantilesOfTheNormal_GiveTheirProbabilities()
    {
        Assert.Equal(0.5, NormalDistribution.Cdf(0.0), 15);
        Assert.Equal(0.025, NormalDistribution.Cdf(-1.959963984540054), 14);
        Assert.Equal(0.975, NormalDistribution.Cdf(1.959963984540054), 14);
        Assert.Equal(0.005, NormalDistribution.Cdf(-2.5758293035489004), 14);
    }

    [Fact]
    public void Erfc_AcrossTheLine_IsMonotoneDecreasing()
    {
        double previous = 2.0;
        for (double x = -6.0; x <= 6.0; x += 0.01)
        {
            double value = NormalDistribution.Erfc(x);
            Assert.True(value <= previous, $"erfc not decreasing at {x}");
            previous = value;
        }
    }
}
