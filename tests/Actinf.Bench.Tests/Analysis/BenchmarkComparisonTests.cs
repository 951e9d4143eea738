using Actinf.Bench.Analysis;
using Actinf.Bench.Results;

namespace Actinf.Bench.Tests.Analysis;

public class BenchmarkComparisonTests
{
    private const string Id = "inference/Synthetic.Step(n=8)";
    private static readonly ComparisonOptions Defaults = new();

    private static BenchmarkResult Make(double median, double noise, int seed, int count = 30) =>
        SyntheticRuns.Result(Id, median, noise, seed, count);

    [Fact]
    public void Compare_ThirtyPercentSlowdownWithLittleNoise_IsSevereRegression()
    {
        BenchmarkComparison row = BenchmarkComparison.Compare(Make(10_000, 0.01, 1), Make(13_000, 0.01, 2), Defaults);

        Assert.Equal(ChangeKind.Regression, row.Kind);
        Assert.Equal(Severity.Severe, row.Severity);
        Assert.True(row.IsFailure);
        Assert.InRange(row.ChangePercent!.Value, 28.0, 32.0);
        Assert.True(row.Test!.PValue < 1e-6);
    }

    [Fact]
    public void Compare_TwoPercentShiftInsideHeavyNoise_IsNotFlagged()
    {
        BenchmarkComparison row = BenchmarkComparison.Compare(Make(10_000, 0.20, 3), Make(10_200, 0.20, 4), Defaults);

        Assert.Equal(ChangeKind.Noise, row.Kind);
        Assert.Equal(Severity.None, row.Severity);
        Assert.False(row.IsFailure);
        Assert.False(row.IsWarning);
        Assert.True(row.Test!.PValue >= Defaults.Alpha);
    }

    [Fact]
    public void Compare_IdenticalSamples_IsNone()
    {
        BenchmarkResult result = Make(10_000, 0.05, 5);

        BenchmarkComparison row = BenchmarkComparison.Compare(result, result, Defaults);

        Assert.Equal(ChangeKind.Noise, row.Kind);
        Assert.Equal(Severity.None, row.Severity);
        Assert.Equal(0.0, row.ChangePercent);
        Assert.Equal(1.0, row.Test!.PValue, 12);
    }

    [Fact]
    public void Compare_ThirtyPercentFaster_IsSevereImprovementNotFailure()
    {
        BenchmarkComparison row = BenchmarkComparison.Compare(Make(10_000, 0.01, 6), Make(7_000, 0.01, 7), Defaults);

        Assert.Equal(ChangeKind.Improvement, row.Kind);
        Assert.Equal(Severity.Severe, row.Severity);
        Assert.False(row.IsFailure);
        Assert.False(row.IsWarning);
        Assert.InRange(row.ChangePercent!.Value, -32.0, -28.0);
    }

    [Theory]
    [InlineData(1.05, Severity.Minor)]
    [InlineData(1.15, Severity.Moderate)]
    [InlineData(1.40, Severity.Severe)]
    public void Compare_SignificantSlowdowns_GetSeverityFromTheirSize(double factor, Severity expected)
    {
        BenchmarkResult baseline = Make(10_000, 0.005, 8);
        BenchmarkResult current = Make(10_000 * factor, 0.005, 9);

        BenchmarkComparison row = BenchmarkComparison.Compare(baseline, current, Defaults);

        Assert.Equal(ChangeKind.Regression, row.Kind);
        Assert.Equal(expected, row.Severity);
        Assert.Equal(expected == Severity.Moderate, row.IsWarning);
    }

    [Fact]
    public void Compare_StricterAlpha_TurnsAWeakChangeIntoNoise()
    {
        // Separated three against three: the smallest exact p is 0.1, never below 0.01.
        BenchmarkResult baseline = SyntheticRuns.FromSamples(Id, [100.0, 101.0, 102.0]);
        BenchmarkResult current = SyntheticRuns.FromSamples(Id, [200.0, 201.0, 202.0]);

        Assert.Equal(ChangeKind.Noise, BenchmarkComparison.Compare(baseline, current, Defaults).Kind);
        Assert.Equal(ChangeKind.Regression, BenchmarkComparison.Compare(baseline, current, new ComparisonOptions { Alpha = 0.2 }).Kind);
    }

    [Fact]
    public void Compare_OnlyNew_IsAdded()
    {
        BenchmarkComparison row = BenchmarkComparison.Compare(null, Make(100, 0.01, 10), Defaults);

        Assert.Equal(ChangeKind.Added, row.Kind);
        Assert.Equal(Severity.None, row.Severity);
        Assert.Null(row.ChangePercent);
        Assert.Null(row.Test);
        Assert.Null(row.Baseline);
    }

    [Fact]
    public void Compare_OnlyBaseline_IsRemoved()
    {
        BenchmarkComparison row = BenchmarkComparison.Compare(Make(100, 0.01, 11), null, Defaults);

        Assert.Equal(ChangeKind.Removed, row.Kind);
        Assert.Null(row.Current);
        Assert.Equal(Id, row.Id);
    }

    [Fact]
    public void Compare_NoSamples_IsUntestedNoise()
    {
        BenchmarkResult baseline = Make(100, 0.01, 12) with { Samples = [] };

        BenchmarkComparison row = BenchmarkComparison.Compare(baseline, Make(200, 0.01, 13), Defaults);

        Assert.Equal(ChangeKind.Noise, row.Kind);
        Assert.Null(row.Test);
        Assert.Equal("untested", DisplayFormat.VerdictLabel(row));
    }

    [Fact]
    public void Compare_DifferentIds_ThrowsNamingCurrent()
    {
        BenchmarkResult other = Make(100, 0.01, 14) with { Id = "inference/Other" };

        ArgumentException e = Assert.Throws<ArgumentException>(() => BenchmarkComparison.Compare(Make(100, 0.01, 15), other, Defaults));
        Assert.Equal("current", e.ParamName);
    }

    [Fact]
    public void Compare_NaNSample_ThrowsNamingTheSide()
    {
        BenchmarkResult bad = Make(100, 0.01, 16) with { Samples = [1.0, double.NaN] };

        ArgumentException e = Assert.Throws<ArgumentException>(() => BenchmarkComparison.Compare(Make(100, 0.01, 17), bad, Defaults));
        Assert.Equal("current", e.ParamName);
        Assert.Contains(Id, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_Neither_Throws()
    {
        Assert.Throws<ArgumentException>(() => BenchmarkComparison.Compare(null, null, Defaults));
    }
}
