using System.Diagnostics;
using Actinf.Core.Io;

namespace Actinf.Bench.Replay;

/// <summary>
/// Times an agent on a model's <c>bench</c> workload the way pymdp's timing script does: untimed warm-up
/// steps, then K full steps each timed with <see cref="Stopwatch.GetTimestamp"/>, reported as median and
/// 95th percentile.
/// </summary>
/// <remarks>
/// <para>Order of work: an optional pilot on a throw-away agent (JIT warm-up and a step-time estimate),
/// then a fresh agent runs the workload's warm-up steps on <c>observations[0..warmup)</c> and K timed steps
/// starting at <c>observations[warmup]</c>, cycling when K exceeds the recording. The timed steps therefore
/// see the same observations as pymdp's timed steps.</para>
/// <para>Allocation is the <see cref="GC.GetAllocatedBytesForCurrentThread"/> delta over the timed loop
/// divided by K (what BenchmarkDotNet's memory diagnoser measures); the per-step buffer is allocated before
/// the loop.</para>
/// <para>This is a measurement, not a test: nothing here asserts on time.</para>
/// </remarks>
public static class StepReplay
{
    /// <summary>Reads a model file and replays its workload.</summary>
    /// <param name="path">An actinf-model/1 file with a <c>bench</c> object.</param>
    /// <param name="options">Options; null means <see cref="StepReplayOptions.Default"/>.</param>
    /// <returns>Step-time statistics and allocation per step.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="InvalidDataException">The file has no <c>bench</c> object.</exception>
    public static StepReplayResult Run(string path, StepReplayOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Run(ModelJson.ReadFile(path), path, options);
    }

    /// <summary>Replays a model document's workload.</summary>
    /// <param name="document">The model document.</param>
    /// <param name="source">Where it came from (a path), for messages and the result.</param>
    /// <param name="options">Options; null means <see cref="StepReplayOptions.Default"/>.</param>
    /// <returns>Step-time statistics and allocation per step.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">The options fix K twice (see <see cref="StepReplayOptions.Validate"/>).</exception>
    /// <exception cref="InvalidDataException">The document has no <c>bench</c> object.</exception>
    public static StepReplayResult Run(ModelDocument document, string source, StepReplayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= StepReplayOptions.Default;
        options.Validate();

        double estimateSeconds = options.PilotDuration > TimeSpan.Zero
            ? Pilot(document, source, options)
            : double.NaN;

        var runner = new WorkloadRunner(document, source, options.ConfigureAgent());
        long warmupStart = Stopwatch.GetTimestamp();
        runner.RunWarmup();
        if (double.IsNaN(estimateSeconds))
        {
            estimateSeconds = runner.Workload.Warmup > 0
                ? Stopwatch.GetElapsedTime(warmupStart).TotalSeconds / runner.Workload.Warmup
                : double.NaN;
        }

        int steps = options.RecordedStepsOnly
            ? Math.Max(1, runner.Workload.Iterations)
            : options.Steps ?? ChooseSteps(runner.Workload.Iterations, estimateSeconds, options);
        long[] ticks = new long[steps];

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long loopStart = Stopwatch.GetTimestamp();
        for (int i = 0; i < ticks.Length; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            runner.Step();
            ticks[i] = Stopwatch.GetTimestamp() - t0;
        }

        long loopEnd = Stopwatch.GetTimestamp();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        double[] micros = new double[steps];
        double toMicros = 1e6 / Stopwatch.Frequency;
        for (int i = 0; i < steps; i++)
        {
            micros[i] = ticks[i] * toMicros;
        }

        Array.Sort(micros);
        return new StepReplayResult
        {
            Name = runner.Name,
            Source = source,
            Operations = runner.Operations,
            Shortcuts = runner.Agent.Options.Shortcuts,
            WarmupSteps = runner.Workload.Warmup,
            Steps = steps,
            MedianMicroseconds = Percentile(micros, 0.5),
            P95Microseconds = Percentile(micros, 0.95),
            MeanMicroseconds = micros.Average(),
            MinMicroseconds = micros[0],
            MaxMicroseconds = micros[^1],
            AllocatedBytesPerStep = (double)allocated / steps,
            TotalSeconds = (loopEnd - loopStart) / (double)Stopwatch.Frequency,
        };
    }

    /// <summary>
    /// Percentile of sorted values with linear interpolation between closest ranks (numpy's default):
    /// position <c>fraction · (n − 1)</c>.
    /// </summary>
    /// <param name="sorted">Values in ascending order (not checked).</param>
    /// <param name="fraction">Which percentile, in [0, 1] (0.5 is the median).</param>
    /// <returns>The percentile; NaN when <paramref name="sorted"/> is empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is outside [0, 1] or NaN.</exception>
    public static double Percentile(ReadOnlySpan<double> sorted, double fraction)
    {
        if (!(fraction >= 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction must be in [0, 1], e.g. 0.95 for the 95th percentile.");
        }

        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        double position = fraction * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        double weight = position - lower;
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * weight);
    }

    /// <summary>
    /// K for an automatic run: enough for the file's iterations, the minimum and the target duration. An
    /// unknown estimate (NaN) gives <c>max(iterations, minimum)</c>; an estimate of 0 (steps faster than the
    /// clock resolves) gives the maximum.
    /// </summary>
    internal static int ChooseSteps(int iterations, double estimatedStepSeconds, StepReplayOptions options)
    {
        double floor = Math.Max(iterations, options.MinimumSteps);
        double forDuration = double.IsNaN(estimatedStepSeconds) ? floor
            : estimatedStepSeconds <= 0 ? options.MaximumSteps
            : Math.Ceiling(options.TargetDuration.TotalSeconds / estimatedStepSeconds);
        return (int)Math.Min(Math.Max(floor, forDuration), options.MaximumSteps);
    }

    /// <summary>
    /// Steps a throw-away agent for about the pilot duration; returns the mean of the later half of its step
    /// times (s). The mean, not the median: K times the mean is the work the target duration asks for.
    /// </summary>
    private static double Pilot(ModelDocument document, string source, StepReplayOptions options)
    {
        var runner = new WorkloadRunner(document, source, options.ConfigureAgent());
        TimeSpan duration = options.PilotDuration;
        var seconds = new List<double>();
        long start = Stopwatch.GetTimestamp();
        do
        {
            long t0 = Stopwatch.GetTimestamp();
            runner.Step();
            seconds.Add(Stopwatch.GetElapsedTime(t0).TotalSeconds);
        }
        while (Stopwatch.GetElapsedTime(start) < duration && seconds.Count < 1_000_000);

        return seconds.Skip(seconds.Count / 2).Average();
    }
}
