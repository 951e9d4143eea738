using System.Text.Json.Serialization;

namespace Actinf.Bench.Results;

/// <summary>
/// One benchmark of a run: its timing statistics (nanoseconds per operation, from BenchmarkDotNet's
/// measurements), allocation, and the suite's own metrics.
/// </summary>
/// <param name="Suite">Suite name (<c>inference</c>, <c>caching</c>, <c>selective</c>, ...).</param>
/// <param name="Id">Stable identity across runs: <c>suite/Class.Method(param=value,...)</c>; compare and gate match on it.</param>
/// <param name="Samples">Every measured time per operation (ns), in measurement order (BenchmarkDotNet's workload results, outliers removed).</param>
/// <param name="MeanNs">Mean of <paramref name="Samples"/> (ns per operation).</param>
/// <param name="MedianNs">Median (ns per operation).</param>
/// <param name="P95Ns">95th percentile (ns per operation).</param>
/// <param name="P99Ns">99th percentile (ns per operation).</param>
/// <param name="StdDevNs">Standard deviation (ns per operation).</param>
/// <param name="AllocatedBytesPerOp">Managed bytes allocated per operation (BenchmarkDotNet's MemoryDiagnoser); null when not measured.</param>
/// <param name="Metrics">Suite metrics by name, e.g. <c>hit_rate</c> (0..1), <c>speedup</c> (×), <c>ops_skipped</c>, <c>ops_total</c>, <c>max_deviation</c>, <c>cache_bytes</c>, <c>iterations</c>.</param>
public sealed record BenchmarkResult(
    [property: JsonPropertyName("suite")] string Suite,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("samples")] IReadOnlyList<double> Samples,
    [property: JsonPropertyName("mean_ns")] double MeanNs,
    [property: JsonPropertyName("median_ns")] double MedianNs,
    [property: JsonPropertyName("p95_ns")] double P95Ns,
    [property: JsonPropertyName("p99_ns")] double P99Ns,
    [property: JsonPropertyName("stddev_ns")] double StdDevNs,
    [property: JsonPropertyName("allocated_bytes_per_op")] double? AllocatedBytesPerOp,
    [property: JsonPropertyName("metrics")] IReadOnlyDictionary<string, double> Metrics);
