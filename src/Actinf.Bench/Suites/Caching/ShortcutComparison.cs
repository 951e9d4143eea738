using Actinf.Bench.Replay;
using Actinf.Bench.Workloads;
using Actinf.Core.Agents;
using Actinf.Core.Io;

namespace Actinf.Bench.Suites.Caching;

/// <summary>
/// The untimed half of an on/off benchmark: two fresh agents of the same model, one with a shortcut on and one
/// with it off, step through the same workload side by side; the counters of both, the memory each took to
/// build, and the largest difference between their beliefs.
/// </summary>
/// <param name="Steps">Full workload steps each agent ran.</param>
/// <param name="On">Counters of the agent with the shortcut on.</param>
/// <param name="Off">Counters of the agent with the shortcut off.</param>
/// <param name="MaxDeviation">
/// Largest absolute difference, over every step and every entry, between the two agents' posteriors (all
/// factors), policy posteriors q(pi) and G (<see cref="Agent.NegativeExpectedFreeEnergy"/>), read after each
/// step. 0 when the shortcut is exact; +∞ when one side is NaN and the other is not.
/// </param>
/// <param name="BytesOn">Managed bytes allocated to build the agent with the shortcut on (its workspace and caches).</param>
/// <param name="BytesOff">The same with the shortcut off.</param>
/// <param name="LikelihoodUpdates">update_A operations each agent ran (each one rebuilds the likelihood-terms cache).</param>
public sealed record ShortcutComparison(
    int Steps,
    ComputeCounters On,
    ComputeCounters Off,
    double MaxDeviation,
    long BytesOn,
    long BytesOff,
    long LikelihoodUpdates)
{
    /// <summary>Steps of a comparison unless told otherwise: 300, cycling through the recorded observations as the timed benchmarks do.</summary>
    public const int DefaultSteps = 300;

    /// <summary>Extra bytes the shortcut costs when the agent is built: <see cref="BytesOn"/> - <see cref="BytesOff"/> (negative when it saves memory).</summary>
    public long MemoryOverheadBytes => BytesOn - BytesOff;

    /// <summary>Runs the comparison on a benchmark model.</summary>
    /// <param name="model">Name of a model in tests/data/bench-models.</param>
    /// <param name="on">Shortcuts of the first agent.</param>
    /// <param name="off">Shortcuts of the second agent.</param>
    /// <param name="steps">Full workload steps (the first are the workload's warm-up steps).</param>
    /// <exception cref="FileNotFoundException">No such model.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> is not positive.</exception>
    public static ShortcutComparison Run(string model, ComputeShortcuts on, ComputeShortcuts off, int steps = DefaultSteps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        string path = BenchModels.PathOf(model);
        ModelDocument document = ModelJson.ReadFile(path);
        (WorkloadRunner withShortcut, long bytesOn) = Build(document, path, on);
        (WorkloadRunner without, long bytesOff) = Build(document, path, off);
        double deviation = 0;
        for (int i = 0; i < steps; i++)
        {
            withShortcut.Step();
            without.Step();
            deviation = Math.Max(deviation, BeliefDeviation.Max(withShortcut.Agent, without.Agent));
        }

        long updates = (withShortcut.Operations & StepOperations.UpdateLikelihood) != 0 ? steps : 0;
        return new ShortcutComparison(steps, withShortcut.Agent.Counters, without.Agent.Counters, deviation, bytesOn, bytesOff, updates);
    }

    private static (WorkloadRunner Runner, long Bytes) Build(ModelDocument document, string path, ComputeShortcuts shortcuts)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var runner = new WorkloadRunner(document, path, options => options with { Shortcuts = shortcuts });
        return (runner, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
