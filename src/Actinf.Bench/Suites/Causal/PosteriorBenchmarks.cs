using Actinf.Bench.Runner;
using Actinf.Causal.Conformance;
using BenchmarkDotNet.Attributes;
using PosteriorResult = Actinf.Causal.Inference.Posterior;

namespace Actinf.Bench.Suites.Causal;

/// <summary>
/// Exact posterior queries on the shipped networks, from 8 to 724 variables: the <c>posterior</c> queries of
/// each network's fixture (evidence and targets; forward, backward, bidirectional and bridge directions).
/// </summary>
/// <remarks>
/// <para>Each call answers the next query of the fixture (cyclically) with <see cref="Actinf.Causal.Inference.ExactInference.Query"/>:
/// every target's marginal and the evidence probability. No result is cached between calls; the engine's
/// elimination orders are, unless <see cref="FixtureQueryBenchmarks.ReuseOrders"/> is false. Under <see cref="CausalPerCallConfig"/> the median and P95 are over single calls of all the
/// queries, as pgmpy's in tests/data/causal/pgmpy-baseline.md; pgmpy times one target per call and a query
/// here has 2 to 3 targets on average (metric <c>targets_per_query</c>), so the comparison is conservative.
/// The metric pass also checks the answers against the fixture (<c>max_deviation</c>).</para>
/// <para>Seed 003 asks nothing of posteriors; the target is ALARM (37 variables) well under 1 ms.</para>
/// <para>Run: <c>dotnet run -c Release --project src/Actinf.Cli -- bench run --suite causal</c>.</para>
/// </remarks>
[MemoryDiagnoser]
[BenchmarkCategory("causal")]
[Config(typeof(CausalPerCallConfig))]
public class PosteriorBenchmarks : FixtureQueryBenchmarks
{
    /// <summary>The networks, smallest to largest (variables: 8, 37, 56, 70, 76, 109, 223, 441, 724).</summary>
    public static IEnumerable<string> Networks => ["asia", "alarm", "hailfinder", "hepar2", "win95pts", "pathfinder", "andes", "pigs", "link"];

    /// <summary>The network (file name without <c>.bif</c>).</summary>
    [ParamsSource(nameof(Networks))]
    public string Network { get; set; } = "alarm";

    /// <summary>One posterior query: the marginals of all its targets given its evidence.</summary>
    /// <returns>The posterior.</returns>
    [Benchmark]
    public PosteriorResult Posterior()
    {
        PreparedQuery query = Cycle.Next();
        return Cycle.Engine.Query(query.Targets, query.Clamps);
    }

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, double> ComputeMetrics(string benchmark) => Load().PosteriorMetrics();

    /// <inheritdoc/>
    private protected override FixtureQueryCycle Load() => new(Network, ReuseOrders, CausalQueryKind.Posterior);

    /// <inheritdoc/>
    private protected override void CallOnce() => Posterior();
}
