using Actinf.Core.Agents;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Caching;

/// <summary>
/// The policy prefix tree (<see cref="ComputeShortcuts.SharedPolicyPrefixes"/>) on and off: policies that share
/// their first actions share the predicted states and scores of that prefix.
/// </summary>
/// <remarks>
/// <para>It matters only for policies longer than one step: with all 5^3 policies of length 3 the tree scores
/// 5 + 25 + 125 = 155 nodes instead of 375 policy-steps.</para>
/// <para>Metrics of the <c>On</c> case: <c>lookups</c> (predicted policy-steps a plain evaluation scores, P·T per
/// policy inference), <c>hits</c> (those served by a prefix already scored), <c>hit_rate</c> = hits / lookups =
/// 1 - nodes scored / policy-steps, plus <c>max_deviation</c>, <c>cache_bytes</c> (0: the tree is not a cache of
/// <see cref="ComputeCounters.CacheBytes"/>), <c>memory_overhead_bytes</c> (negative: fewer nodes, smaller
/// buffers) and <c>steps</c>.</para>
/// </remarks>
[BenchmarkCategory("caching")]
public class PolicyPrefixBenchmarks : ShortcutBenchmarks
{
    /// <summary>Models with policies of length 2 or 3.</summary>
    public static IEnumerable<string> Models => ["tmaze_plen2", "grid3x3_plen3", "grid7x7_plen3"];

    /// <summary>The benchmark model.</summary>
    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "tmaze_plen2";

    /// <inheritdoc/>
    public override ComputeShortcuts Shortcut => ComputeShortcuts.SharedPolicyPrefixes;

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
        long lookups = comparison.On.PolicyStepEvaluations;
        long hits = lookups - comparison.On.PolicyNodesScored;
        metrics["lookups"] = lookups;
        metrics["hits"] = hits;
        metrics["hit_rate"] = lookups == 0 ? 0 : (double)hits / lookups;
    }
}
