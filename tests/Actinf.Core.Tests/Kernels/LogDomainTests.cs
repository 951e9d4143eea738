using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Actinf.Core.Kernels;
using Actinf.Core.Tests.Support;

namespace Actinf.Core.Tests.Kernels;

public class LogDomainTests
{
    /// <summary>
    /// ln(1e-16), the floor of <see cref="LogDomain.LogStable(double)"/>: mpmath gives -36.8413614879047309 for the
    /// double nearest 1e-16, whose nearest double is this one.
    /// </summary>
    private const double LogEps = -36.841361487904734;

    // TensorPrimitives' vectorised Log/Exp are within a few ulp of Math.Log/Exp; 1e-14 relative leaves a margin of ~50 ulp.
    private const double KernelRelativeTolerance = 1e-14;

    public static TheoryData<int> Lengths() => [.. Enumerable.Range(0, (3 * Vector256<double>.Count) + 2)];

    public static TheoryData<int> NonEmptyLengths() => [.. Enumerable.Range(1, (3 * Vector256<double>.Count) + 1)];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void LogStable_EachLength_MatchesScalarTwin(int length)
    {
        var rng = new Random(100 + length);
        double[] x = ExtremeDoubles.Mixed(rng, length, ExtremeDoubles.NonNegative, scale: 1);
        for (int i = 0; i < length; i++)
        {
            x[i] = Math.Abs(x[i]);
        }

        var actual = new double[length];

        LogDomain.LogStable(x, actual);

        for (int i = 0; i < length; i++)
        {
            double expected = Math.Log(x[i] + 1e-16);
            AssertClose(expected, actual[i], KernelRelativeTolerance, atol: 1e-16);
            Assert.Equal(expected, LogDomain.LogStable(x[i]));
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void LogStable_InPlace_EqualsOutOfPlace(int length)
    {
        var rng = new Random(200 + length);
        double[] x = [.. Enumerable.Range(0, length).Select(_ => rng.NextDouble())];
        var expected = new double[length];
        LogDomain.LogStable(x, expected);

        LogDomain.LogStable(x, x);

        Assert.Equal(expected, x);
    }

    [Theory]
    [MemberData(nameof(ExtremeDoubles.NonNegativeRows), MemberType = typeof(ExtremeDoubles))]
    public void LogStable_NonNegativeExtreme_FiniteAndAtLeastLogEps(double x)
    {
        double y = LogDomain.LogStable(x);

        Assert.True(double.IsFinite(y), $"ln_eps({x:R}) = {y:R}");
        Assert.True(y >= LogEps - 1e-14, $"ln_eps({x:R}) = {y:R} is below ln(1e-16)");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.Epsilon)]
    [InlineData(1e-300)]
    [InlineData(1e-33)]
    public void LogStable_ZeroOrBelowEpsResolution_EqualsLogOfEps(double x)
    {
        Assert.Equal(Math.Log(1e-16), LogDomain.LogStable(x));
        Assert.Equal(LogEps, LogDomain.LogStable(x), 1e-14);
    }

    [Fact]
    public void LogStable_NegativeZero_EqualsLogOfEps()
    {
        Assert.Equal(Math.Log(1e-16), LogDomain.LogStable(-0.0));
    }

    [Fact]
    public void LogStable_One_IsZero()
    {
        // 1 + 1e-16 rounds to 1 (half an ulp of 1 is 1.1e-16).
        Assert.Equal(0.0, LogDomain.LogStable(1.0));
    }

    [Fact]
    public void LogStable_ShortDestination_ThrowsNamingDestination()
    {
        var ex = Assert.Throws<ArgumentException>(() => LogDomain.LogStable(new double[3], new double[2]));

        Assert.Equal("destination", ex.ParamName);
    }

    [Theory]
    [MemberData(nameof(NonEmptyLengths))]
    public void Softmax_EachLength_MatchesScalarTwin(int length)
    {
        var rng = new Random(300 + length);
        double[] x = [.. Enumerable.Range(0, length).Select(_ => (100 * rng.NextDouble()) - 50)];
        var actual = new double[length];

        LogDomain.Softmax(x, actual);

        double[] expected = ScalarSoftmax(x);
        for (int i = 0; i < length; i++)
        {
            AssertClose(expected[i], actual[i], KernelRelativeTolerance);
        }
    }

    [Theory]
    [MemberData(nameof(NonEmptyLengths))]
    public void Softmax_ExtremeDoublesEachLength_FiniteNonNegativeSumsToOne(int length)
    {
        var rng = new Random(400 + length);
        for (int trial = 0; trial < 20; trial++)
        {
            double[] x = ExtremeDoubles.Vector(rng, length, ExtremeDoubles.All);
            var y = new double[length];

            LogDomain.Softmax(x, y);

            Assert.All(y, v => Assert.True(double.IsFinite(v) && v >= 0, $"softmax([{string.Join(", ", x)}]) has {v:R}"));
            Assert.Equal(1.0, y.Sum(), 1e-14);
            Assert.True(y.Max() >= 1.0 / length);
            double[] expected = ScalarSoftmax(x);
            for (int i = 0; i < length; i++)
            {
                AssertClose(expected[i], y[i], KernelRelativeTolerance, atol: 1e-300);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ExtremeDoubles.AllRows), MemberType = typeof(ExtremeDoubles))]
    public void Softmax_ExtremeNextToZeroAndOne_FiniteAndSumsToOne(double v)
    {
        var y = new double[3];

        LogDomain.Softmax([v, 0, 1], y);

        Assert.All(y, p => Assert.True(double.IsFinite(p) && p >= 0, $"softmax([{v:R}, 0, 1]) has {p:R}"));
        Assert.Equal(1.0, y.Sum(), 1e-15);
    }

    [Theory]
    [InlineData(1000.0, 1001.0, 0.2689414213699951, 0.7310585786300049)]
    [InlineData(-1000.0, -1001.0, 0.7310585786300049, 0.2689414213699951)]
    [InlineData(1000.0, -1000.0, 1.0, 0.0)]
    [InlineData(1e300, -1e300, 1.0, 0.0)]
    [InlineData(-1e300, -1e300, 0.5, 0.5)]
    [InlineData(1e300, 1e300, 0.5, 0.5)]
    [InlineData(-0.0, 0.0, 0.5, 0.5)]
    public void Softmax_LargeLogits_FiniteExactValues(double x0, double x1, double y0, double y1)
    {
        var y = new double[2];

        LogDomain.Softmax([x0, x1], y);

        // softmax([a, a + 1]) = [1/(1 + e), e/(1 + e)]: max shift makes the result independent of a.
        AssertClose(y0, y[0], 1e-15);
        AssertClose(y1, y[1], 1e-15);
    }

    [Fact]
    public void TensorPrimitivesSoftMax_LogitsAt1000_ReturnsNaN()
    {
        // Documents STYLE §4: TensorPrimitives.SoftMax computes exp(x) / sum(exp(x)) without the max shift,
        // so exp(1000) = ∞ and ∞/∞ = NaN. LogDomain.Softmax gives the finite answer for the same input.
        double[] x = [1000, 1001];
        var primitives = new double[2];
        var ours = new double[2];

        TensorPrimitives.SoftMax(x, primitives);
        LogDomain.Softmax(x, ours);

        Assert.All(primitives, v => Assert.True(double.IsNaN(v)));
        Assert.All(ours, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Softmax_PositiveInfinity_GivesNaNAsDocumented()
    {
        var y = new double[2];

        LogDomain.Softmax([double.PositiveInfinity, 0], y);

        Assert.True(double.IsNaN(y[0]));
    }

    [Fact]
    public void Softmax_OneNegativeInfinity_GetsZeroWeight()
    {
        var y = new double[3];

        LogDomain.Softmax([double.NegativeInfinity, 0, 0], y);

        Assert.Equal([0.0, 0.5, 0.5], y);
    }

    [Theory]
    [MemberData(nameof(NonEmptyLengths))]
    public void Softmax_InPlace_EqualsOutOfPlace(int length)
    {
        var rng = new Random(500 + length);
        double[] x = [.. Enumerable.Range(0, length).Select(_ => (20 * rng.NextDouble()) - 10)];
        var expected = new double[length];
        LogDomain.Softmax(x, expected);

        LogDomain.Softmax(x, x);

        Assert.Equal(expected, x);
    }

    [Fact]
    public void Softmax_Empty_ThrowsNamingX()
    {
        var ex = Assert.Throws<ArgumentException>(() => LogDomain.Softmax([], new double[1]));

        Assert.Equal("x", ex.ParamName);
    }

    [Fact]
    public void Softmax_ShortDestination_ThrowsNamingDestination()
    {
        var ex = Assert.Throws<ArgumentException>(() => LogDomain.Softmax(new double[3], new double[2]));

        Assert.Equal("destination", ex.ParamName);
    }

    [Theory]
    [MemberData(nameof(NonEmptyLengths))]
    public void LogSumExp_EachLength_MatchesScalarTwin(int length)
    {
        var rng = new Random(600 + length);
        double[] x = ExtremeDoubles.Mixed(rng, length, [-1000, -1e-16, 0, 1000, -1e300], scale: 50);

        double actual = LogDomain.LogSumExp(x);

        double max = x.Max();
        double expected = max + Math.Log(x.Sum(v => Math.Exp(v - max)));
        AssertClose(expected, actual, 1e-15, atol: 1e-15);
    }

    [Theory]
    [InlineData(new[] { 1000.0, 1000.0 }, 1000.6931471805599)]
    [InlineData(new[] { -1000.0, -1000.0 }, -999.30685281944005)]
    [InlineData(new[] { double.NegativeInfinity, 0.0 }, 0.0)]
    [InlineData(new[] { 1e300, 0.0 }, 1e300)]
    [InlineData(new[] { 0.0, 0.0, 0.0, 0.0 }, 1.3862943611198906)]
    public void LogSumExp_LargeOrInfiniteEntries_ExactValues(double[] x, double expected)
    {
        AssertClose(expected, LogDomain.LogSumExp(x), 1e-15);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(13)]
    public void LogSumExp_AllNegativeInfinity_IsNegativeInfinity(int length)
    {
        double[] x = [.. Enumerable.Repeat(double.NegativeInfinity, length)];

        Assert.Equal(double.NegativeInfinity, LogDomain.LogSumExp(x));
    }

    [Fact]
    public void LogSumExp_PositiveInfinity_IsPositiveInfinity()
    {
        Assert.Equal(double.PositiveInfinity, LogDomain.LogSumExp([0, double.PositiveInfinity, double.NegativeInfinity]));
    }

    [Fact]
    public void LogSumExp_Empty_ThrowsNamingX()
    {
        var ex = Assert.Throws<ArgumentException>(() => LogDomain.LogSumExp([]));

        Assert.Equal("x", ex.ParamName);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Normalize_EachLength_MatchesScalarTwin(int length)
    {
        var rng = new Random(700 + length);
        double[] x = [.. Enumerable.Range(0, length).Select(_ => rng.NextDouble() * 10)];
        var actual = new double[length];

        LogDomain.Normalize(x, actual);

        double sum = 0;
        foreach (double v in x)
        {
            sum += v;
        }

        for (int i = 0; i < length; i++)
        {
            AssertClose(x[i] / sum, actual[i], 1e-15);
        }
    }

    [Fact]
    public void Normalize_AllZero_GivesNaNAsDocumented()
    {
        var y = new double[2];

        LogDomain.Normalize([0, 0], y);

        Assert.All(y, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Normalize_ShortDestination_ThrowsNamingDestination()
    {
        var ex = Assert.Throws<ArgumentException>(() => LogDomain.Normalize(new double[3], new double[2]));

        Assert.Equal("destination", ex.ParamName);
    }

    [Fact]
    public void Constants_EpsAndInformationGainEps_MatchSpec()
    {
        Assert.Equal(Math.Exp(-16), LogDomain.InformationGainEps);
        Assert.Equal(1e-16, LogDomain.Eps);
    }

    private static double[] ScalarSoftmax(double[] x)
    {
        double max = double.NegativeInfinity;
        foreach (double v in x)
        {
            max = Math.Max(max, v);
        }

        var y = new double[x.Length];
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = Math.Exp(x[i] - max);
            sum += y[i];
        }

        for (int i = 0; i < x.Length; i++)
        {
            y[i] /= sum;
        }

        return y;
    }

    private static void AssertClose(double expected, double actual, double rtol, double atol = 0)
    {
        if (double.IsInfinity(expected))
        {
            Assert.Equal(expected, actual);
            return;
        }

        Assert.True(Math.Abs(actual - expected) <= atol + (rtol * Math.Abs(expected)), $"expected {expected:R}, got {actual:R} (rtol {rtol}, atol {atol})");
    }
}
