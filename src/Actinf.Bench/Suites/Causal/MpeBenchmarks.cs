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
public class MpeBenchmarks : FixtureQueryBenchmarks
{
    /// <summary>8, 37, 56, 70 and 76 variables.</summary>
    public static IEnumerable<string> Networks => ["asia", "alarm", "hailfinder", "hepar2", "win95pts"];

    /// <summary>The network (file name without <c>.bif</c>).</summary>
    [ParamsSource(nameof(Networks))]
    public string Network { get; set; } = "alarm";

    /// <summary>One MPE query.</summary>
    /// <returns>The most probable explanation.</returns>
    [Benchmark]
    public Explanation Mpe() => Cycle.Engine.MostProbableExplanation(Cycle.Next().Clamps);

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, double> ComputeMetrics(string benchmark) => Load().MpeMetrics();

    /// <inheritdoc/>
    private protected override FixtureQueryCycle Load() => new(Network, ReuseOrders, CausalQueryKind.Mpe);

    /// <inheritdoc/>
    private protected override void CallOnce() => Mpe();
}
