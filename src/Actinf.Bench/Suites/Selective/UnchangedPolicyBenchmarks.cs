using Actinf.Bench.Suites.Caching;
using Actinf.Core.Agents;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Selective;

/// <summary>
/// Skipping the scoring of policies whose expected states did not change (<see cref="ComputeShortcuts.ReuseUnchangedPolicyScores"/>)
/// on and off: a policy-tree node keeps its utility and information gain while its predicted state, its
/// predecessor's state and the parameters are bitwise unchanged since it was scored.
/// </summary>
/// <remarks>
/// <para>The predicted states are still rolled forward through B at every step (that is how the change is
/// detected); what is skipped is scoring them. Metrics: <c>ops_total</c> (tree nodes to score: scored + reused),
/// <c>ops_skipped</c> (reused; 0 on the <c>Off</c> case), <c>skip_rate</c>, and on the <c>On</c> case
/// <c>max_deviation</c> (must be exactly 0), <c>cache_bytes</c>, <c>memory_overhead_bytes</c> and <c>steps</c>;
/// the runner adds <c>speedup</c>. The caching suite reports the same switch as a cache
/// (<see cref="PolicyScoreReuseBenchmarks"/>).</para>
/// </remarks>
[BenchmarkCategory("selective")]
public class UnchangedPolicyBenchmarks : ShortcutBenchmarks
{
    /// <summary>Models with policy trees of depth 2 and 3 whose agent settles.</summary>
    public static IEnumerable<string> Models => ["tmaze_plen2", "grid3x3_plen3", "grid7x7_plen3"];

    /// <summary>The benchmark model.</summary>
    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "grid3x3_plen3";

    /// <inheritdoc/>
    public override ComputeShortcuts Shortcut => ComputeShortcuts.ReuseUnchangedPolicyScores;

    /// <inheritdoc/>
    protected override string ModelName => Model;

    /// <inheritdoc/>
    protected override void AddMetrics(ShortcutComparison comparison, bool on, IDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(metrics);
        ComputeCounters counters = on ? comparison.On : comparison.Off;
        SelectiveMetrics.AddOps(metrics, counters.PolicyNodesScored + counters.PolicyNodesReused, counters.PolicyNodesReused);
        if (on)
        {
            AddCommonMetrics(comparison, metrics);
        }
    }
}
