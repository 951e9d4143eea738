using Actinf.Core.Agents;

namespace Actinf.Bench.Replay;

/// <summary>How many steps <see cref="StepReplay"/> times, and how long it warms the JIT first.</summary>
public sealed class StepReplayOptions
{
    /// <summary>Options with every default.</summary>
    public static StepReplayOptions Default { get; } = new();

    /// <summary>
    /// Exact number of timed steps K; null chooses K automatically as
    /// <c>max(iterations, <see cref="MinimumSteps"/>, TargetDuration / estimated step time)</c>, at most
    /// <see cref="MaximumSteps"/>. Default null.
    /// </summary>
    public int? Steps { get; init; }

    /// <summary>
    /// Time exactly the workload's recorded <c>iterations</c> (K = iterations): the very steps pymdp timed,
    /// without cycling through the recording again. Cannot be combined with <see cref="Steps"/>. Default false.
    /// </summary>
    public bool RecordedStepsOnly { get; init; }

    /// <summary>Fewest timed steps chosen automatically. Default 200.</summary>
    public int MinimumSteps { get; init; } = 200;

    /// <summary>Most timed steps chosen automatically (bounds the per-step buffer: 8 bytes a step). Default 1,000,000.</summary>
    public int MaximumSteps { get; init; } = 1_000_000;

    /// <summary>Work the automatic K aims at. Default 1 s.</summary>
    public TimeSpan TargetDuration { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Time spent stepping a throw-away agent first, so that the timed steps run tier-1 JIT code and the step
    /// time can be estimated; zero skips the pilot (K is then estimated from the warm-up steps). Default 250 ms.
    /// </summary>
    public TimeSpan PilotDuration { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Replaces the model's <see cref="AgentOptions.Shortcuts"/> (e.g. <see cref="ComputeShortcuts.None"/> to time
    /// the plain arithmetic); null keeps the file's options (all shortcuts). Default null.
    /// </summary>
    public ComputeShortcuts? Shortcuts { get; init; }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is not positive, or a duration is negative.</exception>
    /// <exception cref="ArgumentException"><see cref="Steps"/> and <see cref="RecordedStepsOnly"/> are both set.</exception>
    public void Validate()
    {
        if (Steps is not null && RecordedStepsOnly)
        {
            throw new ArgumentException($"{nameof(Steps)} ({Steps}) and {nameof(RecordedStepsOnly)} both fix K; set one of them.", nameof(RecordedStepsOnly));
        }

        if (Steps is int steps)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps, nameof(Steps));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MinimumSteps, nameof(MinimumSteps));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaximumSteps, MinimumSteps, nameof(MaximumSteps));
        ArgumentOutOfRangeException.ThrowIfLessThan(TargetDuration, TimeSpan.Zero, nameof(TargetDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(PilotDuration, TimeSpan.Zero, nameof(PilotDuration));
    }

    /// <summary>The change <see cref="Shortcuts"/> makes to an agent's options, or null when it makes none.</summary>
    internal Func<AgentOptions, AgentOptions>? ConfigureAgent() =>
        Shortcuts is ComputeShortcuts shortcuts ? options => options with { Shortcuts = shortcuts } : null;
}
