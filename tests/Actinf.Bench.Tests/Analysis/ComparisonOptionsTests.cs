using Actinf.Bench.Analysis;

namespace Actinf.Bench.Tests.Analysis;

public class ComparisonOptionsTests
{
    [Theory]
    [InlineData(0.5, Severity.Minor)]
    [InlineData(-9.99, Severity.Minor)]
    [InlineData(10.0, Severity.Moderate)]
    [InlineData(-25.0, Severity.Moderate)]
    [InlineData(25.0, Severity.Moderate)]
    [InlineData(25.01, Severity.Severe)]
    [InlineData(-60.0, Severity.Severe)]
    public void Classify_DefaultThresholds_UsesMagnitude(double change, Severity expected)
    {
        Assert.Equal(expected, new ComparisonOptions().Classify(change));
    }

    [Fact]
    public void Constructor_Defaults_AreTenTwentyFiveAndOnePercent()
    {
        var options = new ComparisonOptions();

        Assert.Equal(10.0, options.WarnPercent);
        Assert.Equal(25.0, options.FailPercent);
        Assert.Equal(0.01, options.Alpha);
        options.Validate();
    }

    [Theory]
    [InlineData(0.0, 25.0, 0.01, "WarnPercent")]
    [InlineData(double.NaN, 25.0, 0.01, "WarnPercent")]
    [InlineData(10.0, 5.0, 0.01, "FailPercent")]
    [InlineData(10.0, double.PositiveInfinity, 0.01, "FailPercent")]
    [InlineData(10.0, 25.0, 0.0, "Alpha")]
    [InlineData(10.0, 25.0, 1.0, "Alpha")]
    public void Validate_OutOfRange_ThrowsNamingTheProperty(double warn, double fail, double alpha, string expected)
    {
        var options = new ComparisonOptions { WarnPercent = warn, FailPercent = fail, Alpha = alpha };

        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(expected, e.ParamName);
    }
}
