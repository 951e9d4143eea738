namespace Actinf.Bench.Baselines;

/// <summary>Summary of pymdp's timings of one operation (wall clock, microseconds).</summary>
/// <param name="Median">Median (µs).</param>
/// <param name="P95">95th percentile (µs).</param>
/// <param name="Mean">Mean (µs).</param>
/// <param name="Min">Fastest call (µs).</param>
/// <param name="Count">Number of timed calls (<c>n</c>).</param>
public readonly record struct PymdpTiming(double Median, double P95, double Mean, double Min, int Count);
