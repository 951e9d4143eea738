namespace Actinf.Bench.Runner;

/// <summary>Receives the progress of a <see cref="BenchmarkSuiteRunner"/> run (e.g. to draw progress bars).</summary>
/// <remarks>
/// Calls come from the thread that called <see cref="BenchmarkSuiteRunner.Run"/>: <see cref="Started"/> once, then
/// stages (metrics, measuring) with each case's start and end during measuring, then the last stage (writing).
/// </remarks>
public interface IRunProgress
{
    /// <summary>The run is about to start measuring <paramref name="plan"/>, in this order.</summary>
    /// <param name="plan">Every case of the run.</param>
    void Started(IReadOnlyList<PlannedBenchmark> plan);

    /// <summary>BenchmarkDotNet starts measuring a case.</summary>
    /// <param name="benchmark">The case.</param>
    void BenchmarkStarted(PlannedBenchmark benchmark);

    /// <summary>BenchmarkDotNet finished a case.</summary>
    /// <param name="benchmark">The case.</param>
    /// <param name="success">Whether it produced measurements.</param>
    void BenchmarkFinished(PlannedBenchmark benchmark, bool success);

    /// <summary>The run moved to another stage (computing metrics, measuring, writing the result file).</summary>
    /// <param name="description">What it does now.</param>
    void Stage(string description);
}

/// <summary>Progress sinks.</summary>
public static class RunProgress
{
    /// <summary>Ignores every report.</summary>
    public static IRunProgress None { get; } = new NoProgress();

    private sealed class NoProgress : IRunProgress
    {
        public void Started(IReadOnlyList<PlannedBenchmark> plan)
        {
        }

        public void BenchmarkStarted(PlannedBenchmark benchmark)
        {
        }

        public void BenchmarkFinished(PlannedBenchmark benchmark, bool success)
        {
        }

        public void Stage(string description)
        {
        }
    }
}
