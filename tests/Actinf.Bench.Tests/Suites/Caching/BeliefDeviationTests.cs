using Actinf.Bench.Suites.Caching;

namespace Actinf.Bench.Tests.Suites.Caching;

public class BeliefDeviationTests
{
    [Theory]
    [InlineData(new[] { 0.25, 0.75 }, new[] { 0.25, 0.75 }, 0.0)]
    [InlineData(new[] { 0.25, 0.75 }, new[] { 0.5, 0.5 }, 0.25)]
    [InlineData(new[] { double.NaN, 1.0 }, new[] { double.NaN, 1.0 }, 0.0)]
    [InlineData(new[] { double.NaN, 1.0 }, new[] { 0.0, 1.0 }, double.PositiveInfinity)]
    [InlineData(new[] { double.NegativeInfinity }, new[] { double.NegativeInfinity }, 0.0)]
    [InlineData(new double[0], new double[0], 0.0)]
    public void Max_Spans_IsLargestAbsoluteDifference(double[] x, double[] y, double expected)
    {
        Assert.Equal(expected, BeliefDeviation.Max(x, y));
    }

    [Fact]
    public void Max_DifferentLengths_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => BeliefDeviation.Max([1.0], [1.0, 2.0]));

        Assert.Equal("y", e.ParamName);
    }
}
