using Actinf.Core.Agents;

namespace Actinf.Bench.Replay;

/// <summary>What <see cref="StepReplay"/> measured for one model: wall-clock time per full step and allocation.</summary>
public sealed class StepReplayResult
{
    /// <summary>The model's name.</summary>
    public required string Name { get; init; }

    /// <summary>Where the model came from (a path).</summary>
    public required string Source { get; init; }

    /// <summary>The operations of one full step.</summary>
    public required StepOperations Operations { get; init; }

    /// <summary>The engine shortcuts the agent used (<see cref="ComputeShortcuts.All"/> unless switched off).</summary>
    public required ComputeShortcuts Shortcuts { get; init; }

    /// <summary>Untimed warm-up steps run first (the workload's <c>warmup</c>).</summary>
    public required int WarmupSteps { get; init; }

    /// <summary>K, the number of timed steps.</summary>
    public required int Steps { get; init; }

    /// <summary>Median wall-clock time of one full step (µs).</summary>
    public required double MedianMicroseconds { get; init; }

    /// <summary>95th percentile of the step time (µs; linear interpolation, as numpy's default).</summary>
    public required double P95Microseconds { get; init; }

    /// <summary>Mean step time (µs).</summary>
    public required double MeanMicroseconds { get; init; }

    /// <summary>Fastest step (µs).</summary>
    public required double MinMicroseconds { get; init; }

    /// <summary>Slowest step (µs).</summary>
    public required double MaxMicroseconds { get; init; }

    /// <summary>Bytes allocated on the replaying thread over the timed steps, divided by K.</summary>
    public required double AllocatedBytesPerStep { get; init; }

    /// <summary>Wall-clock time of the whole timed loop (s).</summary>
    public required double TotalSeconds { get; init; }
}
