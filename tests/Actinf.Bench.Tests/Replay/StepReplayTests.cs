using Actinf.Bench.Replay;
using Actinf.Bench.Workloads;
using Actinf.Core.Agents;

namespace Actinf.Bench.Tests.Replay;

public class StepReplayTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 2.5)]
    [InlineData(1.0, 4.0)]
    [InlineData(0.95, 3.85)]
    [InlineData(0.25, 1.75)]
    public void Percentile_FourValues_InterpolatesLikeNumpy(double fraction, double expected)
    {
        double[] sorted = [1, 2, 3, 4];

        Assert.Equal(expected, StepReplay.Percentile(sorted, fraction), 12);
    }

    [Fact]
    public void Percentile_OneValue_ReturnsIt()
    {
        Assert.Equal(7.0, StepReplay.Percentile([7.0], 0.95));
    }

    [Fact]
    public void Percentile_Empty_ReturnsNaN()
    {
        Assert.True(double.IsNaN(StepReplay.Percentile([], 0.5)));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Percentile_FractionOutOfRange_Throws(double fraction)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => StepReplay.Percentile([1.0], fraction));

        Assert.Equal("fraction", e.ParamName);
    }

    [Theory]
    [InlineData(30, 1e-3, 1000)]     // the target duration wins
    [InlineData(2000, 1e-3, 2000)]   // the file's iterations win
    [InlineData(30, 1.0, 200)]       // the minimum wins
    [InlineData(30, double.NaN, 200)] // no estimate: the minimum
    [InlineData(2000, double.NaN, 2000)] // no estimate: the file's iterations
    [InlineData(30, 0.0, 1_000_000)] // faster than the clock: the maximum
    [InlineData(30, 1e-9, 1_000_000)] // capped at the maximum
    public void ChooseSteps_Estimates_TakesTheLargestNeedWithinTheCap(int iterations, double stepSeconds, int expected)
    {
        Assert.Equal(expected, StepReplay.ChooseSteps(iterations, stepSeconds, StepReplayOptions.Default));
    }

    [Fact]
    public void Run_SmallModelWithFixedSteps_ReportsSaneNumbers()
    {
        var options = new StepReplayOptions { Steps = 300, PilotDuration = TimeSpan.Zero };

        StepReplayResult result = StepReplay.Run(BenchModels.PathOf("tmaze"), options);

        Assert.Equal("tmaze", result.Name);
        Assert.Equal(300, result.Steps);
        Assert.Equal(5, result.WarmupSteps);
        Assert.True(result.MinMicroseconds > 0);
        Assert.True(result.MinMicroseconds <= result.MedianMicroseconds);
        Assert.True(result.MedianMicroseconds <= result.P95Microseconds);
        Assert.True(result.P95Microseconds <= result.MaxMicroseconds);
        Assert.InRange(result.MeanMicroseconds, result.MinMicroseconds, result.MaxMicroseconds);
        Assert.True(result.AllocatedBytesPerStep >= 0);
        Assert.True(result.TotalSeconds > 0);
    }

    [Fact]
    public void Run_ShortcutsOff_AgentRunsWithoutShortcuts()
    {
        var options = new StepReplayOptions { Steps = 200, PilotDuration = TimeSpan.Zero, Shortcuts = ComputeShortcuts.None };

        StepReplayResult result = StepReplay.Run(BenchModels.PathOf("tmaze"), options);

        Assert.Equal(ComputeShortcuts.None, result.Shortcuts);
        Assert.True(result.MedianMicroseconds <= result.P95Microseconds);
    }

    [Fact]
    public void Run_DefaultOptions_KeepsTheModelsShortcuts()
    {
        StepReplayResult result = StepReplay.Run(BenchModels.PathOf("tmaze"), new StepReplayOptions { Steps = 200, PilotDuration = TimeSpan.Zero });

        Assert.Equal(ComputeShortcuts.All, result.Shortcuts);
    }

    [Fact]
    public void Run_DefaultSteps_TimesAtLeastTheFilesIterationsAndTheMinimum()
    {
        var options = new StepReplayOptions { TargetDuration = TimeSpan.FromMilliseconds(50), PilotDuration = TimeSpan.FromMilliseconds(20) };

        StepReplayResult result = StepReplay.Run(BenchModels.PathOf("tmaze_plen2"), options);

        Assert.True(result.Steps >= Math.Max(183, options.MinimumSteps), $"K = {result.Steps}");
    }

    [Fact]
    public void Run_FileWithoutBench_ThrowsNamingTheFile()
    {
        using var files = new TestFiles();
        string path = files.WithoutBench("tmaze");

        var e = Assert.Throws<InvalidDataException>(() => StepReplay.Run(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RecordedStepsOnly_TimesTheFilesIterations()
    {
        var options = new StepReplayOptions { RecordedStepsOnly = true, PilotDuration = TimeSpan.Zero };

        StepReplayResult result = StepReplay.Run(BenchModels.PathOf("tmaze_plen2"), options);

        Assert.Equal(183, result.Steps);
    }

    [Fact]
    public void Run_StepsAndRecordedStepsOnly_ThrowsArgumentException()
    {
        var options = new StepReplayOptions { Steps = 10, RecordedStepsOnly = true };

        var e = Assert.Throws<ArgumentException>(() => StepReplay.Run(BenchModels.PathOf("tmaze"), options));

        Assert.Equal(nameof(StepReplayOptions.RecordedStepsOnly), e.ParamName);
    }

    [Fact]
    public void Run_ZeroSteps_ThrowsArgumentOutOfRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => StepReplay.Run(BenchModels.PathOf("tmaze"), new StepReplayOptions { Steps = 0 }));

        Assert.Equal("Steps", e.ParamName);
    }
}
