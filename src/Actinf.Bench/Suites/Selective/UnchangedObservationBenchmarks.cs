using Actinf.Bench.Suites.Caching;
using Actinf.Core.Agents;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Selective;

/// <summary>
/// Skipping state inference that cannot change the posterior (<see cref="ComputeShortcuts.SkipUnchangedStateInference"/>)
/// on and off: when the observation, the prior and A are identical to the last inference's, FPI would compute
/// the same posterior again.
/// </summary>
/// <remarks>
/// <para>In the grid worlds the agent reaches the goal and stays, so most steps see the same observation and
/// prior. Metrics: <c>ops_total</c> (state inferences the workload asked for), <c>ops_skipped</c> (those skipped;
/// 0 on the <c>Off</c> case), <c>skip_rate</c> = skipped / total, and on the <c>On</c> case <c>max_deviation</c>
/// (must be exactly 0: the skip is exact), <c>cache_bytes</c>, <c>memory_overhead_bytes</c> (the remembered
/// observation and prior) and <c>steps</c>; the runner adds <c>speedup</c>.</para>
/// </remarks>
[BenchmarkCategory("selective")]
public class UnchangedObservationBenchmarks : ShortcutBenchmarks
{
    /// <summary>Models whose agent settles into repeated observations (grid worlds), and the T-maze.</summary>
    public static IEnumerable<string> Models => ["tmaze", "grid3x3_plen1", "grid7x7_plen1", "grid7x7_plen3"];

    /// <summary>The benchmark model.</summary>
    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "grid3x3_plen1";

    /// <inheritdoc/>
    public override ComputeShortcuts Shortcut => ComputeShortcuts.SkipUnchangedStateInference;

    /// <inheritdoc/>
    protected override string ModelName => Model;

    /// <inheritdoc/>
    protected override void AddMetrics(ShortcutComparison comparison, bool on, IDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(metrics);
        ComputeCounters counters = on ? comparison.On : comparison.Off;
        SelectiveMetrics.AddOps(metrics, counters.StateInferences + counters.StateInferencesSkipped, counters.StateInferencesSkipped);
        if (on)
        {
            AddCommonMetrics(comparison, metrics);
        }
    }
}
