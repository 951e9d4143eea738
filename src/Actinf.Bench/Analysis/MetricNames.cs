namespace Actinf.Bench.Analysis;

/// <summary>Keys of <see cref="Results.BenchmarkResult.Metrics"/> that the gate and the reports interpret.</summary>
public static class MetricNames
{
    /// <summary><c>hit_rate</c>: share of cache look-ups served from the cache, 0..1.</summary>
    public const string HitRate = "hit_rate";

    /// <summary><c>speedup</c>: time without the optimisation divided by time with it (×); below 1 the optimisation slows things down.</summary>
    public const string Speedup = "speedup";

    /// <summary><c>ops_skipped</c>: operations a selective update skipped.</summary>
    public const string OpsSkipped = "ops_skipped";

    /// <summary><c>ops_total</c>: operations a full update would run.</summary>
    public const string OpsTotal = "ops_total";

    /// <summary><c>max_deviation</c>: largest absolute difference from the exact (full-update) result.</summary>
    public const string MaxDeviation = "max_deviation";

    /// <summary><c>cache_bytes</c>: memory held by a cache, in bytes.</summary>
    public const string CacheBytes = "cache_bytes";

    /// <summary>The suite whose benchmarks are the agent's hot path, where any allocation deserves a look.</summary>
    public const string HotPathSuite = "inference";
}
