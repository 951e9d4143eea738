namespace Actinf.Bench.Runner;

/// <summary>
/// Marks a benchmark class whose baseline method is the work done without an optimisation and whose other
/// methods do it with the optimisation: the runner adds the metric <c>speedup</c> = median of the baseline ÷
/// median of the method (×; below 1 the optimisation slows things down) to each non-baseline case.
/// </summary>
/// <remarks>
/// The pair is matched within one parameter combination: the baseline case with the same parameter values.
/// Both medians come from BenchmarkDotNet's measurements of the same run; the ratio is taken after the run,
/// so it costs nothing extra.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class SpeedupOverBaselineAttribute : Attribute;
