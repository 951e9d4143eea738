using Actinf.Core.Kernels;
using Actinf.Core.Tests.Support;

namespace Actinf.Core.Tests.Kernels;

public class SpecialFunctionsTests
{
    /// <summary>
    /// ln Γ(x) from mpmath 1.3 (40 digits, at the exact double x), with a tolerance relative to max(1, |ln Γ|).
    /// Below 15 the kernel shifts x up by the recurrence and subtracts ln Π(x + k) ≈ ln Γ(15) ≈ 25, so its error
    /// there is absolute, about 6e-15 (measured on 3000 points in (0.01, 20): at most 1.3e-14); above, it is a few ulp.
    /// </summary>
    public static TheoryData<double, double, double> KnownValues() => new()
    {
        { 0.1, 2.252712651734206, 1e-14 },
        { 0.5, 0.5723649429247001, 1e-14 },
        { 1.0 / 3, 0.98542064692776713, 1e-14 },
        { 1.5, -0.12078223763524522, 1e-14 },
        { 2.5, 0.28468287047291916, 1e-14 },
        { 3.7, 1.4280723266653881, 1e-14 },
        { 7.25, 7.0521854507385394, 1e-14 },
        { 10, 12.801827480081470, 1e-14 },
        { 14.999, 25.188546870546928, 1e-15 },
        { 15, 25.191221182738682, 1e-15 },
        { 100, 359.13420536957540, 1e-15 },
        { 171.5, 709.14316303092824, 1e-15 },
        { 1000, 5905.2204232091812, 1e-15 },
        { 1e6, 12815504.569147612, 1e-15 },
        { 1e10, 220258509288.81058, 1e-15 },
        { 0.01, 4.5994798780420217, 1e-15 },
        { 1e-5, 11.512919692895826, 1e-15 },
        { 1e-10, 23.025850929882735, 1e-15 },
        { 1e-300, 690.77552789821371, 1e-15 },
        { ExtremeDoubles.SmallestSubnormal, 744.44007192138126, 1e-15 },
    };

    [Theory]
    [MemberData(nameof(KnownValues))]
    public void LogGamma_KnownValue_WithinTolerance(double x, double expected, double tolerance)
    {
        double actual = SpecialFunctions.LogGamma(x);

        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Max(1, Math.Abs(expected)), $"lnΓ({x:R}) = {actual:R}, expected {expected:R}");
    }

    [Theory]
    [InlineData(1.00000001, -5.77215653168851219e-9)]
    [InlineData(2.00000001, 4.2278433575367790e-9)]
    [InlineData(1.5, -0.12078223763524522)]
    public void LogGamma_NearRootsOneAndTwo_RelativeAccuracyAsDocumented(double x, double expected)
    {
        double actual = SpecialFunctions.LogGamma(x);

        Assert.True(Math.Abs(actual - expected) <= 1e-15 * Math.Abs(expected), $"lnΓ({x:R}) = {actual:R}, expected {expected:R}");
    }

    [Fact]
    public void LogGamma_Integers_EqualLogFactorial()
    {
        // ln Γ(n) = ln((n-1)!) = Σ_{k<n} ln k. The sum carries about n/2 ulp of rounding, hence 1e-14 relative
        // (absolute near the zeros at n = 1 and 2).
        double logFactorial = 0;
        for (int n = 1; n <= 200; n++)
        {
            double actual = SpecialFunctions.LogGamma(n);

            Assert.True(Math.Abs(actual - logFactorial) <= 1e-14 * Math.Max(1, logFactorial), $"lnΓ({n}) = {actual:R}, ln({n - 1}!) = {logFactorial:R}");
            logFactorial += Math.Log(n);
        }
    }

    [Fact]
    public void LogGamma_Half_IsLogSqrtPi()
    {
        Assert.Equal(0.5 * Math.Log(Math.PI), SpecialFunctions.LogGamma(0.5), 1e-14);
    }

    [Fact]
    public void LogGamma_RecurrenceFrom1eMinus10To1e6_Holds()
    {
        // ln Γ(x + 1) = ln Γ(x) + ln x at 400 log-spaced x. Tolerance 1e-14 of the largest term: at x = 1e-10
        // the two sides are 23.03 - 23.03 (cancellation), at x = 1e6 they are 1.3e7.
        int count = 400;
        for (int i = 0; i < count; i++)
        {
            double x = Math.Pow(10, -10 + (16.0 * i / (count - 1)));
            double lhs = SpecialFunctions.LogGamma(x + 1);
            double lgx = SpecialFunctions.LogGamma(x);
            double rhs = lgx + Math.Log(x);
            double scale = Math.Max(1, Math.Max(Math.Abs(lhs), Math.Max(Math.Abs(lgx), Math.Abs(Math.Log(x)))));

            Assert.True(Math.Abs(lhs - rhs) <= 1e-14 * scale, $"x = {x:R}: lnΓ(x+1) = {lhs:R}, lnΓ(x) + ln x = {rhs:R}");
        }
    }

    [Fact]
    public void LogGamma_LegendreDuplication_Holds()
    {
        // Legendre duplication: ln Γ(2x) = (2x - 1) ln 2 - ln √π + ln Γ(x) + ln Γ(x + 1/2), at x from 0.05 to 50.
        for (double x = 0.05; x < 50; x *= 1.37)
        {
            double lhs = SpecialFunctions.LogGamma(2 * x);
            double rhs = ((2 * x) - 1) * Math.Log(2) - (0.5 * Math.Log(Math.PI)) + SpecialFunctions.LogGamma(x) + SpecialFunctions.LogGamma(x + 0.5);

            Assert.True(Math.Abs(lhs - rhs) <= 1e-13 * Math.Max(1, Math.Abs(lhs)), $"x = {x:R}: {lhs:R} vs {rhs:R}");
        }
    }

    [Theory]
    [InlineData(0.0, double.PositiveInfinity)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(-1.0, double.NaN)]
    [InlineData(-0.5, double.NaN)]
    [InlineData(-1e-300, double.NaN)]
    [InlineData(double.NaN, double.NaN)]
    [InlineData(double.NegativeInfinity, double.NaN)]
    public void LogGamma_SpecialArguments_AsDocumented(double x, double expected)
    {
        Assert.Equal(expected, SpecialFunctions.LogGamma(x));
    }

    public static TheoryData<double> PositiveExtremes() => [.. ExtremeDoubles.NonNegative.Where(x => x > 0)];

    [Theory]
    [MemberData(nameof(PositiveExtremes))]
    public void LogGamma_PositiveExtreme_Finite(double x)
    {
        Assert.True(double.IsFinite(SpecialFunctions.LogGamma(x)), $"lnΓ({x:R}) is not finite");
    }

    [Fact]
    public void LogGamma_NegativeZero_IsPositiveInfinity()
    {
        // -0.0 == 0 and is not < 0, so it takes the x = 0 branch: Γ(±0) has a pole; Γ(-0) = -∞ but |Γ| = ∞.
        Assert.Equal(double.PositiveInfinity, SpecialFunctions.LogGamma(-0.0));
    }
}
