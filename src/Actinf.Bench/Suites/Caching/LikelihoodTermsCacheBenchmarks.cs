using Actinf.Core.Agents;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Caching;

/// <summary>
/// The likelihood-terms cache (<see cref="ComputeShortcuts.LikelihoodTermsCache"/>) on and off: each state's joint
/// outcome distribution, its entropy and its expected utility, computed once per model (again after update_A)
/// instead of for every predicted state.
/// </summary>
/// <remarks>
/// <para>Metrics of the <c>On</c> case: <c>lookups</c> (policy nodes scored: each reads the cached terms),
/// <c>hits</c> = lookups - rebuilds, where the cache is rebuilt once when the agent is built and after every
/// update_A; <c>hit_rate</c> = hits / lookups; <c>cache_bytes</c> (the cache's size from
/// <see cref="ComputeCounters.CacheBytes"/>), <c>memory_overhead_bytes</c>, <c>max_deviation</c> and
/// <c>steps</c>.</para>
/// <para>learn_AB learns A at every step, so every step rebuilds the cache: its hit rate shows what learning
/// costs the cache.</para>
/// </remarks>
[BenchmarkCategory("caching")]
public class LikelihoodTermsCacheBenchmarks : ShortcutBenchmarks
{
    /// <summary>FPI models with one to three modalities, and one that learns A.</summary>
    public static IEnumerable<string> Models => ["tmaze", "grid7x7_plen3", "random_3f3m", "learn_AB"];

    /// <summary>The benchmark model.</summary>
    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "tmaze";

    /// <inheritdoc/>
    public override ComputeShortcuts Shortcut => ComputeShortcuts.LikelihoodTermsCache;

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
        long lookups = comparison.On.PolicyNodesScored;
        long rebuilds = 1 + comparison.LikelihoodUpdates;
        long hits = Math.Max(0, lookups - rebuilds);
        metrics["lookups"] = lookups;
        metrics["hits"] = hits;
        metrics["hit_rate"] = lookups == 0 ? 0 : (double)hits / lookups;
    }
}
