namespace Actinf.Bench.Runner;

/// <summary>One benchmark case a run will measure.</summary>
/// <param name="Suite">Its suite (the class's <c>[BenchmarkCategory]</c>).</param>
/// <param name="Id">Its stable id, <c>suite/Class.Method(param=value,...)</c> (see <see cref="BenchmarkIds"/>).</param>
public sealed record PlannedBenchmark(string Suite, string Id);
