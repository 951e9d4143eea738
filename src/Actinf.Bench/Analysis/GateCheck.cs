namespace Actinf.Bench.Analysis;

/// <summary>One finding of the quality gate about one benchmark.</summary>
/// <param name="Kind">What was checked.</param>
/// <param name="Outcome">Failure, warning or note.</param>
/// <param name="BenchmarkId">The benchmark concerned.</param>
/// <param name="Message">One line saying what was measured against which limit, e.g. <c>hit rate: caching/X: 15.0% below the minimum 20%</c>.</param>
public sealed record GateCheck(GateCheckKind Kind, GateOutcome Outcome, string BenchmarkId, string Message);
