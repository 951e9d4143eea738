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
public class DoQueryBenchmarks : FixtureQueryBenchmarks
{
    /// <summary>Small to largest: 37, 70, 76, 223, 441 and 724 variables.</summary>
    public static IEnumerable<string> Networks => ["alarm", "hepar2", "win95pts", "andes", "pigs", "link"];

    /// <summary>The network (file name without <c>.bif</c>).</summary>
    [ParamsSource(nameof(Networks))]
    public string Network { get; set; } = "alarm";

    /// <summary>One interventional query: the marginals of all its targets after surgery (and evidence).</summary>
    /// <returns>The interventional posterior.</returns>
    [Benchmark]
    public Posterior Do()
    {
        PreparedQuery query = Cycle.Next();
        return Cycle.Engine.Query(query.Targets, query.Clamps);
    }

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, double> ComputeMetrics(string benchmark) => Load().PosteriorMetrics();

    /// <inheritdoc/>
    private protected override FixtureQueryCycle Load() => new(Network, ReuseOrders, CausalQueryKind.Do, CausalQueryKind.DoObserve);

    /// <inheritdoc/>
    private protected override void CallOnce() => Do();
}
