using Actinf.Core.Agents;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Caching;

/// <summary>
/// Reuse of policy scores (<see cref="ComputeShortcuts.ReuseUnchangedPolicyScores"/>) seen as a cache: a
/// policy-tree node keeps its scores while its predicted state, its predecessor and the parameters are unchanged.
/// </summary>
/// <remarks>
/// <para>The selective suite measures the same switch as a skip (operations skipped, deviation:
/// <see cref="Selective.UnchangedPolicyBenchmarks"/>); here it is a cache with a hit rate and a size.</para>
/// <para>Metrics of the <c>On</c> case: <c>lookups</c> (tree nodes considered: scored + reused), <c>hits</c>
/// (reused), <c>hit_rate</c> (<see cref="ComputeCounters.PolicyScoreHitRate"/>), <c>cache_bytes</c> (the reuse
/// buffers: last scored states per node and the last root belief), <c>memory_overhead_bytes</c>,
/// <c>max_deviation</c> and <c>steps</c>.</para>
/// </remarks>
[BenchmarkCategory("caching")]
public class PolicyScoreReuseBenchmarks : ShortcutBenchmarks
{
    /// <summary>Models whose agent settles (the grid goal, the T-maze cue), so that beliefs repeat.</summary>
    public static IEnumerable<string> Models => ["tmaze_plen2", "grid7x7_plen3"];

    /// <summary>The benchmark model.</summary>
    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "tmaze_plen2";

    /// <inheritdoc/>
    public override ComputeShortcuts Shortcut => ComputeShortcuts.ReuseUnchangedPolicyScores;

    /// <inheritdoc/>
    protected override string ModelName => Model;

    /// <inheritdoc/>
    protected override void AddMetrics(ShortcutComparison comparison, bool on, IDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(metrics);
        if (!on)
        {
            return;
        }

        AddCommonMetrics(comparison, metrics);
        metrics["lookups"] = comparison.On.PolicyNodesScored + comparison.On.PolicyNodesReused;
        metrics["hits"] = comparison.On.PolicyNodesReused;
        metrics["hit_rate"] = comparison.On.PolicyScoreHitRate;
    }
}
