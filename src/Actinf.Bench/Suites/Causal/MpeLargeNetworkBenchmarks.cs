using Actinf.Bench.Runner;
using Actinf.Causal.Conformance;
using Actinf.Causal.Inference;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Causal;

/// <summary>
/// MPE on the large networks (109 to 724 variables), where one call takes from tens of milliseconds to
/// seconds: as <see cref="MpeBenchmarks"/>, with 20 measured calls instead of 400
/// (<see cref="CausalSlowCallConfig"/>).
/// </summary>
/// <remarks>
/// <para>Tagged <c>slow</c> (a second category; the suite is still <c>causal</c>). The parameter is named
/// <see cref="QuickSelection.ModelParameter"/> on purpose: a <c>--quick</c> run keeps only the first case in
/// BenchmarkDotNet's order, which sorts the values (andes, 223 variables, about a tenth of a second per call),
/// and full runs add pathfinder, pigs and link, whose MPE takes seconds per query. The engine keeps its
/// default, elimination orders reused across queries (<see cref="FixtureQueryBenchmarks.ReuseOrders"/> compares both
/// settings on the smaller networks).</para>
/// <para>Run: <c>dotnet run -c Release --project src/Actinf.Cli -- bench run --suite causal</c>.</para>
/// </remarks>
[MemoryDiagnoser]
[BenchmarkCategory("causal", "slow")]
[Config(typeof(CausalSlowCallConfig))]
public class MpeLargeNetworkBenchmarks : ISuiteMetrics
{
    private FixtureQueryCycle? _cycle;

    /// <summary>109, 223, 441 and 724 variables.</summary>
    public static IEnumerable<string> Networks => ["pathfinder", "andes", "pigs", "link"];

    /// <summary>The network (file name without <c>.bif</c>); named Model for <see cref="QuickSelection"/>.</summary>
    [ParamsSource(nameof(Networks))]
    public string Model { get; set; } = "andes";

    /// <summary>How long <see cref="Setup"/> runs the benchmark before measurement (<see cref="JitWarmup"/>); tests shorten it.</summary>
    internal TimeSpan WarmupTime { get; set; } = JitWarmup.DefaultDuration;

    private FixtureQueryCycle Cycle => _cycle ?? throw new InvalidOperationException($"{nameof(Setup)} has not run.");

    /// <summary>Loads the network and its MPE queries, then runs them for <see cref="WarmupTime"/> (JIT warm-up).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _cycle = new FixtureQueryCycle(Model, true, CausalQueryKind.Mpe);
        JitWarmup.Run(() => Mpe(), WarmupTime);
        _cycle.Rewind();
    }

    /// <summary>One MPE query.</summary>
    /// <returns>The most probable explanation.</returns>
    [Benchmark]
    public Explanation Mpe() => Cycle.Engine.MostProbableExplanation(Cycle.Next().Clamps);

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> ComputeMetrics(string benchmark) => new FixtureQueryCycle(Model, true, CausalQueryKind.Mpe).MpeMetrics();
}
