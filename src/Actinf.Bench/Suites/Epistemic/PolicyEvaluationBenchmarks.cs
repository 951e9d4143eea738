using Actinf.Epistemic.Actions;
using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Planning;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Epistemic;

/// <summary>
/// A full policy evaluation at depth 5 with branching 4: four knowledge gaps of 64 dimensions, the ten best
/// (gap, action type) candidates of the exploration budget plus the answer step, pruning at 0.01 (seed 004
/// budget 10 ms; target 1 ms). <see cref="EvaluateCached"/> times an EFE-cache hit.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project src/Actinf.Bench -- --filter '*PolicyEvaluationBenchmarks*'</c>.</remarks>
[MemoryDiagnoser]
[BenchmarkCategory("epistemic")]
public class PolicyEvaluationBenchmarks : IDisposable
{
    private PolicyEvaluator? _cold;
    private PolicyEvaluator? _cached;
    private PlanningProblem? _problem;

    /// <summary>Pruning threshold: 0.01 (the default) or 0 (no pruning: the whole depth-5, branching-4 tree, 1,364 plans).</summary>
    [Params(0.01f, 0f)]
    public float Pruning { get; set; } = 0.01f;

    /// <summary>Builds the problem (seeded precisions) and the evaluators (one without cache).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        var problem = new PlanningProblem { PriorPrecision = 1f, PreferencePrecision = 1f, Balance = 0.5f };
        var pool = new List<PolicyCandidate>();
        for (int g = 0; g < 4; g++)
        {
            problem.AddGap([.. Enumerable.Range(0, 64).Select(_ => 1f + (3f * (float)random.NextDouble()))]);
            foreach (EpistemicActionType t in Enum.GetValues<EpistemicActionType>())
            {
                pool.Add(new PolicyCandidate(false, t, g, 0.5f + (float)random.NextDouble(), MathF.Log(6f * (t == EpistemicActionType.ExploreRelated ? 0.4f : 0.12f))));
            }
        }

        foreach (PolicyCandidate c in pool.OrderByDescending(c => c.RevealPrecision).Take(10))
        {
            problem.AddCandidate(c);
        }

        problem.AddCandidate(new PolicyCandidate(true, default, -1, 0f, 0f));
        _problem = problem;
        // The per-policy budget (2 ms by default) lifted like the total one, so every call measures the whole search.
        var options = new PolicyEvaluatorOptions { PruningThreshold = Pruning, EfeTimeout = TimeSpan.FromSeconds(1) };
        _cold = new PolicyEvaluator(options);
        _cached = new PolicyEvaluator(options, new EfeCache(1 << 20));
        _cached.Evaluate(problem, 5, TimeSpan.FromSeconds(1), TimeProvider.System);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Cleanup();
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the evaluators.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _cold?.Dispose();
        _cached?.Dispose();
    }

    /// <summary>Depth-5 evaluation from scratch (no cache).</summary>
    /// <returns>Plans scored.</returns>
    [Benchmark(Baseline = true)]
    public int EvaluateDepth5() => _cold!.Evaluate(_problem!, 5, TimeSpan.FromSeconds(1), TimeProvider.System).PlansEvaluated;

    /// <summary>The same evaluation answered by the EFE cache (fingerprint + lookup).</summary>
    /// <returns>Plans scored.</returns>
    [Benchmark]
    public int EvaluateCached() => _cached!.Evaluate(_problem!, 5, TimeSpan.FromSeconds(1), TimeProvider.System).PlansEvaluated;
}
