using Actinf.Bench.Analysis;
using Actinf.Bench.Results;

namespace Actinf.Bench.Tests.Analysis;

public class QualityGateTests
{
    private static BenchmarkRun Baseline => SyntheticRuns.History()[0];

    private static BenchmarkRun Single(BenchmarkResult result, string runId = "r") =>
        SyntheticRuns.Run(runId, SyntheticRuns.Start, result);

    [Fact]
    public void Evaluate_ScaledByOnePointFive_Fails()
    {
        GateResult gate = QualityGate.Evaluate(Baseline, SyntheticRuns.Scale(Baseline, 1.5));

        Assert.False(gate.Passed);
        Assert.Equal(Baseline.Benchmarks.Count, gate.Failures.Count);
        Assert.All(gate.Failures, f => Assert.Equal(GateCheckKind.Regression, f.Kind));
        Assert.All(gate.Failures, f => Assert.StartsWith("severe regression: ", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_ScaledByOnePointZeroTwo_Passes()
    {
        GateResult gate = QualityGate.Evaluate(Baseline, SyntheticRuns.Scale(Baseline, 1.02));

        Assert.True(gate.Passed);
        Assert.Empty(gate.Warnings);
    }

    [Fact]
    public void Evaluate_ScaledByOnePointFifteen_WarnsAndPasses()
    {
        GateResult gate = QualityGate.Evaluate(Baseline, SyntheticRuns.Scale(Baseline, 1.15));

        Assert.True(gate.Passed);
        Assert.NotEmpty(gate.Warnings);
        Assert.All(gate.Warnings, w => Assert.StartsWith("moderate regression: ", w.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_HalfTheTime_PassesAsImprovement()
    {
        GateResult gate = QualityGate.Evaluate(Baseline, SyntheticRuns.Scale(Baseline, 0.5));

        Assert.True(gate.Passed);
        Assert.Empty(gate.Checks);
        Assert.All(gate.Comparison.Benchmarks, b => Assert.Equal((ChangeKind.Improvement, Severity.Severe), (b.Kind, b.Severity)));
    }

    [Fact]
    public void Evaluate_SyntheticLatest_FailsOnRegressionAndHitRate()
    {
        IReadOnlyList<BenchmarkRun> runs = SyntheticRuns.History();

        GateResult gate = QualityGate.Evaluate(runs[0], runs[^1]);

        Assert.False(gate.Passed);
        Assert.Equal(
            [(GateCheckKind.Regression, SyntheticRuns.Grid), (GateCheckKind.HitRate, SyntheticRuns.TransitionCache)],
            gate.Failures.Select(f => (f.Kind, f.BenchmarkId)));
        Assert.Equal(SyntheticRuns.Fpi, Assert.Single(gate.Warnings).BenchmarkId);
        Assert.Equal(2, gate.Checks.Count(c => c.Outcome == GateOutcome.Note));
        Assert.Equal(GateOutcome.Failure, gate.Checks[0].Outcome);
        Assert.Equal(GateOutcome.Note, gate.Checks[^1].Outcome);
    }

    [Fact]
    public void Evaluate_HitRateBelowMinimum_FailsWithBothNumbers()
    {
        BenchmarkResult cache = SyntheticRuns.Result("caching/C.Lookup", 100, 0.01, 1, metrics: new Dictionary<string, double> { ["hit_rate"] = 0.153 });

        GateResult gate = QualityGate.Evaluate(Single(cache), Single(cache));

        GateCheck failure = Assert.Single(gate.Failures);
        Assert.Equal(GateCheckKind.HitRate, failure.Kind);
        Assert.Equal("hit rate: caching/C.Lookup: 15.3% below the minimum 20.0%", failure.Message);
    }

    [Theory]
    [InlineData(0.2, true)]
    [InlineData(0.19999, false)]
    [InlineData(double.NaN, false)]
    public void MetricChecks_HitRateAtTheMinimum_Passes(double rate, bool passes)
    {
        BenchmarkResult cache = SyntheticRuns.Result("caching/C.Lookup", 100, 0.01, 1, metrics: new Dictionary<string, double> { ["hit_rate"] = rate });

        Assert.Equal(passes, QualityGate.MetricChecks(Single(cache)).Count == 0);
    }

    [Fact]
    public void MetricChecks_CustomMinimum_IsUsed()
    {
        BenchmarkResult cache = SyntheticRuns.Result("caching/C.Lookup", 100, 0.01, 1, metrics: new Dictionary<string, double> { ["hit_rate"] = 0.5 });

        Assert.Single(QualityGate.MetricChecks(Single(cache), new GateOptions { MinHitRate = 0.6 }));
    }

    [Fact]
    public void MetricChecks_AllocationWithoutLimit_Passes()
    {
        BenchmarkResult allocating = SyntheticRuns.Result("inference/A.Step", 100, 0.01, 1, allocated: 4096);

        Assert.Empty(QualityGate.MetricChecks(Single(allocating)));
    }

    [Fact]
    public void MetricChecks_MaxAllocZero_DemandsAllocationFree()
    {
        BenchmarkRun run = SyntheticRuns.Run(
            "r",
            SyntheticRuns.Start,
            SyntheticRuns.Result("inference/A.Step", 100, 0.01, 1, allocated: 8),
            SyntheticRuns.Result("inference/B.Step", 100, 0.01, 2, allocated: 0),
            SyntheticRuns.Result("inference/C.Step", 100, 0.01, 3, allocated: null));

        GateCheck failure = Assert.Single(QualityGate.MetricChecks(run, new GateOptions { MaxAllocatedBytesPerOp = 0 }));
        Assert.Equal(GateCheckKind.Allocation, failure.Kind);
        Assert.Equal("allocation: inference/A.Step: 8 B/op above the limit 0 B/op", failure.Message);
    }

    [Fact]
    public void MetricChecks_AllocationAtTheLimit_Passes()
    {
        BenchmarkResult allocating = SyntheticRuns.Result("inference/A.Step", 100, 0.01, 1, allocated: 64);

        Assert.Empty(QualityGate.MetricChecks(Single(allocating), new GateOptions { MaxAllocatedBytesPerOp = 64 }));
    }

    [Theory]
    [InlineData(-0.1, null, "MinHitRate")]
    [InlineData(1.5, null, "MinHitRate")]
    [InlineData(0.2, -1.0, "MaxAllocatedBytesPerOp")]
    public void Validate_OutOfRange_ThrowsNamingTheProperty(double minHitRate, double? maxAlloc, string expected)
    {
        var options = new GateOptions { MinHitRate = minHitRate, MaxAllocatedBytesPerOp = maxAlloc };

        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(expected, e.ParamName);
    }
}
