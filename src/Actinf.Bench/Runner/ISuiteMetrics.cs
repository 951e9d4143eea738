namespace Actinf.Bench.Runner;

/// <summary>
/// A benchmark class whose cases carry suite metrics (hit rates, operations skipped, deviations, iterations,
/// ...) computed in a deterministic pass that is never timed.
/// </summary>
/// <remarks>
/// <para>BenchmarkDotNet measures time and allocation; what a shortcut saved or whether it changed a result is
/// a property of the computation, not of the clock, so it is counted once instead. Before the timed run,
/// <see cref="BenchmarkSuiteRunner"/> creates one instance of the class per combination of parameters, sets the
/// parameters as BenchmarkDotNet does, and calls <see cref="ComputeMetrics"/> once per benchmark method of that
/// combination, on the same instance (so a class can compute one pass and answer every method from it).</para>
/// <para>Metric names and units follow <see cref="Analysis.MetricNames"/> where one fits (<c>hit_rate</c> 0..1,
/// <c>ops_skipped</c>, <c>ops_total</c>, <c>max_deviation</c>, <c>cache_bytes</c>); every value must be finite.</para>
/// </remarks>
public interface ISuiteMetrics
{
    /// <summary>Computes the metrics of the case given by the current parameter values and <paramref name="benchmark"/>.</summary>
    /// <param name="benchmark">Name of the benchmark method (e.g. <c>On</c>).</param>
    /// <returns>Metrics by name; empty when the method has none.</returns>
    IReadOnlyDictionary<string, double> ComputeMetrics(string benchmark);
}
