using Actinf.Bench.Runner;
using Actinf.Causal.Conformance;
using Actinf.Causal.Inference;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Causal;

/// <summary>
/// Interventional queries on shipped networks: the <c>do</c> and <c>do_observe</c> queries of each fixture,
/// P(Y | do(X = x)) and P(Y | do(X = x), E = e), computed by graph surgery and variable elimination.
/// </summary>
/// <remarks>
/// <para>Each call answers the next query (cyclically, in file order) with
/// <see cref="ExactInference.Query"/>: the surgery (X loses its parents, its CPT becomes the indicator of x),
/// pruning to the ancestors of targets and evidence in the mutilated graph, and elimination. pgmpy's
/// adjustment-based <c>CausalInference.query(do=...)</c> is not a usable reference (it is wrong on many do +
/// observation queries, pgmpy issue #3543, and took most of 90–120 s on andes); its surgery
/// <c>model.do</c> alone is timed on random DAGs in pgmpy-baseline.md and compared with
/// <see cref="CausalGraphBenchmarks.Surgery"/>. Seed 003's target for a do-calculus computation is 500 ms p95.</para>
/// <para>Run: <c>dotnet run -c Release --project src/Actinf.Cli -- bench run --suite causal</c>.</para>
/// </remarks>
[MemoryDiagnoser]
[BenchmarkCategory("causal")]
[Config(typeof(CausalPerCallConfig))]
public class DoQueryBenchmarks : ISuiteMetrics
{
    private FixtureQueryCycle? _cycle;

    /// <summary>Small to largest: 37, 70, 76, 223, 441 and 724 variables.</summary>
    public static IEnumerable<string> Networks => ["alarm", "hepar2", "win95pts", "andes", "pigs", "link"];

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

    /// <summary>Loads the network and its do and do + observation queries, then runs them for <see cref="WarmupTime"/> (JIT warm-up).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _cycle = Load();
        JitWarmup.Run(() => Do(), WarmupTime);
        _cycle.Rewind();
    }

    /// <summary>One interventional query: the marginals of all its targets after surgery (and evidence).</summary>
    /// <returns>The interventional posterior.</returns>
    [Benchmark]
    public Posterior Do()
    {
        PreparedQuery query = Cycle.Next();
        return Cycle.Engine.Query(query.Targets, query.Clamps);
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> ComputeMetrics(string benchmark) => Load().PosteriorMetrics();

    private FixtureQueryCycle Load() => new(Network, ReuseOrders, CausalQueryKind.Do, CausalQueryKind.DoObserve);
}
