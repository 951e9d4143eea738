using Actinf.Bench.Runner;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Causal;

/// <summary>
/// What the fixture-query benchmarks share: a cycle over one network's fixture queries of some kinds, the
/// order-reuse setting, and a JIT warm-up before measurement. A derived class names the queries
/// (<see cref="Load"/>), the call (its <c>[Benchmark]</c> method, run by <see cref="CallOnce"/>) and the metrics.
/// </summary>
public abstract class FixtureQueryBenchmarks : ISuiteMetrics
{
    private FixtureQueryCycle? _cycle;

    /// <summary>
    /// Whether the engine reuses elimination orders across queries of the same structure (its default). Calls
    /// cycle through the same queries, so with true every measured query finds its order cached; false searches
    /// the order on every call, as a cold engine (and pgmpy) does.
    /// </summary>
    [Params(true, false)]
    public bool ReuseOrders { get; set; } = true;

    /// <summary>How long <see cref="Setup"/> runs the benchmark before measurement (<see cref="JitWarmup"/>); tests shorten it.</summary>
    internal TimeSpan WarmupTime { get; set; } = JitWarmup.DefaultDuration;

    /// <summary>The queries and the engine, once <see cref="Setup"/> has run.</summary>
    private protected FixtureQueryCycle Cycle => _cycle ?? throw new InvalidOperationException($"{nameof(Setup)} has not run.");

    /// <summary>Loads the network and its queries, then runs the benchmark for <see cref="WarmupTime"/> (JIT warm-up).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _cycle = Load();
        JitWarmup.Run(CallOnce, WarmupTime);
        _cycle.Rewind();
    }

    /// <inheritdoc/>
    public abstract IReadOnlyDictionary<string, double> ComputeMetrics(string benchmark);

    /// <summary>A fresh cycle over the benchmark's network and query kinds.</summary>
    private protected abstract FixtureQueryCycle Load();

    /// <summary>One call of the benchmark method.</summary>
    private protected abstract void CallOnce();
}
