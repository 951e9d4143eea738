using Actinf.Bench.Replay;
using Actinf.Bench.Runner;
using Actinf.Bench.Workloads;
using Actinf.Core.Agents;
using Actinf.Core.Io;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Caching;

/// <summary>
/// One engine shortcut (<see cref="ComputeShortcuts"/>) on and off: the full workload step of a benchmark
/// model with the shortcut switched off (<see cref="Off"/>, the baseline) and on (<see cref="On"/>), everything
/// else equal. The base of the caching and selective suites.
/// </summary>
/// <remarks>
/// <para>Both sides start from <see cref="Reference"/> (<see cref="ComputeShortcuts.CachesOnly"/> unless a class
/// says otherwise) with <see cref="Shortcut"/> removed (off) or added (on), so a pair isolates one switch.
/// Each case builds a fresh agent and runs the workload's warm-up steps in its setup; a call is one full step
/// on the next recorded observation, cycling through the recording (<see cref="WorkloadRunner"/>).</para>
/// <para>The runner adds <c>speedup</c> = median(off) ÷ median(on) to the <see cref="On"/> case
/// (<see cref="SpeedupOverBaselineAttribute"/>). Metrics come from one untimed <see cref="ShortcutComparison"/>
/// per model: two fresh agents, on and off, stepped side by side through
/// <see cref="ShortcutComparison.DefaultSteps"/> steps of the same workload.</para>
/// </remarks>
[MemoryDiagnoser]
[SpeedupOverBaseline]
public abstract class ShortcutBenchmarks : ISuiteMetrics
{
    private WorkloadRunner? _runner;
    private ShortcutComparison? _comparison;

    /// <summary>The switch this class measures.</summary>
    public abstract ComputeShortcuts Shortcut { get; }

    /// <summary>The other shortcuts of both sides. Default <see cref="ComputeShortcuts.CachesOnly"/> (every step computed in full).</summary>
    public virtual ComputeShortcuts Reference => ComputeShortcuts.CachesOnly;

    /// <summary>Shortcuts of the <see cref="On"/> side: <see cref="Reference"/> with <see cref="Shortcut"/>.</summary>
    public ComputeShortcuts ShortcutsOn => Reference | Shortcut;

    /// <summary>Shortcuts of the <see cref="Off"/> side: <see cref="Reference"/> without <see cref="Shortcut"/>.</summary>
    public ComputeShortcuts ShortcutsOff => Reference & ~Shortcut;

    /// <summary>The benchmark model (each class declares its parameter over the models where its shortcut matters).</summary>
    protected abstract string ModelName { get; }

    private WorkloadRunner Runner => _runner ?? throw new InvalidOperationException("The setup has not run.");

    /// <summary>Builds the agent with the shortcut off and runs the warm-up steps.</summary>
    [GlobalSetup(Target = nameof(Off))]
    public void SetupOff() => _runner = Build(ShortcutsOff);

    /// <summary>Builds the agent with the shortcut on and runs the warm-up steps.</summary>
    [GlobalSetup(Target = nameof(On))]
    public void SetupOn() => _runner = Build(ShortcutsOn);

    /// <summary>One full step with the shortcut off (the baseline).</summary>
    /// <returns>The length of the action returned (keeps the call observable).</returns>
    [Benchmark(Baseline = true)]
    public int Off() => Runner.Step();

    /// <summary>One full step with the shortcut on.</summary>
    /// <returns>The length of the action returned (keeps the call observable).</returns>
    [Benchmark]
    public int On() => Runner.Step();

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> ComputeMetrics(string benchmark)
    {
        _comparison ??= ShortcutComparison.Run(ModelName, ShortcutsOn, ShortcutsOff);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        AddMetrics(_comparison, benchmark == nameof(On), metrics);
        return metrics;
    }

    /// <summary>Adds the class's metrics of one side.</summary>
    /// <param name="comparison">The untimed comparison of the model.</param>
    /// <param name="on">True for the <see cref="On"/> case, false for the <see cref="Off"/> baseline.</param>
    /// <param name="metrics">Where to add them.</param>
    protected abstract void AddMetrics(ShortcutComparison comparison, bool on, IDictionary<string, double> metrics);

    /// <summary>The metrics every on/off pair reports on its <see cref="On"/> case: <c>max_deviation</c>, <c>steps</c> and the memory the shortcut holds.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="metrics">Where to add them.</param>
    protected static void AddCommonMetrics(ShortcutComparison comparison, IDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(metrics);
        metrics["max_deviation"] = comparison.MaxDeviation;
        metrics["steps"] = comparison.Steps;
        metrics["cache_bytes"] = comparison.On.CacheBytes - comparison.Off.CacheBytes;
        metrics["memory_overhead_bytes"] = comparison.MemoryOverheadBytes;
    }

    private WorkloadRunner Build(ComputeShortcuts shortcuts)
    {
        string path = BenchModels.PathOf(ModelName);
        var runner = new WorkloadRunner(ModelJson.ReadFile(path), path, options => options with { Shortcuts = shortcuts });
        runner.RunWarmup();
        return runner;
    }
}
