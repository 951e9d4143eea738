using Actinf.Bench.Runner;
using Actinf.Causal.Conformance;
using Actinf.Causal.Inference;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Causal;

/// <summary>
/// Most probable explanation (MPE, abduction) on small and medium networks: the <c>mpe</c> queries of each
/// fixture, the jointly most probable state of every unobserved variable given the evidence.
/// </summary>
/// <remarks>
/// <para>Each call answers the next query (cyclically) with
/// <see cref="ExactInference.MostProbableExplanation"/>: max-product elimination over the whole network with
/// traceback, plus ln P(e) by sum-product. pgmpy has no max-product MPE for Bayesian networks (its
/// <c>map_query</c> over all variables builds the joint table), so there is no reference figure. The metric pass
/// checks ln P(x*, e) against the fixture (<c>max_deviation</c>). Larger networks, where a call takes from a
/// tenth of a second to seconds, are in <see cref="MpeLargeNetworkBenchmarks"/>.</para>
/// <para>Run: <c>dotnet run -c Release --project src/Actinf.Cli -- bench run --suite causal</c>.</para>
/// </remarks>
[MemoryDiagnoser]
[BenchmarkCategory("causal")]
[Config(typeof(CausalPerCallConfig))]
public class MpeBenchmarks : ISuiteMetrics
{
    private FixtureQueryCycle? _cycle;

    /// <summary>8, 37, 56, 70 and 76 variables.</summary>
    public static IEnumerable<string> Networks => ["asia", "alarm", "hailfinder", "hepar2", "win95pts"];

    /// <summary>The network (file name without <c>.bif</c>).</summary>
    [ParamsSource(nameof(Networks))]
    public string Network { get; set; } = "alarm";

    /// <summary>
    /// Whether the engine reuses elimination orders across queries of the same structure (its default). Calls
    /// cycle through the same queries, so with true every measured query finds its order cached; false searches
    /// the order on every call, as a cold engine (and pgmpy) does.
    /// </summary>
    [Params(true, false)]
    public bool ReuseOrders { get; set; } = true;

    /// <summary>How long <see cref="Setup"/> runs the benchmark before measurement (<see cref="JitWarmup"/>); tests shorten it.</summary>
    internal TimeSpan WarmupTime { get; set; } = JitWarmup.DefaultDuration;

    private FixtureQueryCycle Cycle => _cycle ?? throw new InvalidOperationException($"{nameof(Setup)} has not run.");

    /// <summary>Loads the network and its MPE queries, then runs them for <see cref="WarmupTime"/> (JIT warm-up).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _cycle = new FixtureQueryCycle(Network, ReuseOrders, CausalQueryKind.Mpe);
        JitWarmup.Run(() => Mpe(), WarmupTime);
        _cycle.Rewind();
    }

    /// <summary>One MPE query.</summary>
    /// <returns>The most probable explanation.</returns>
    [Benchmark]
    public Explanation Mpe() => Cycle.Engine.MostProbableExplanation(Cycle.Next().Clamps);

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> ComputeMetrics(string benchmark) => new FixtureQueryCycle(Network, ReuseOrders, CausalQueryKind.Mpe).MpeMetrics();
}
