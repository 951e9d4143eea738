using Actinf.Bench.Results;

namespace Actinf.Bench.Runner;

/// <summary>What a run produced.</summary>
/// <param name="Run">The results (also written to <paramref name="ResultPath"/>).</param>
/// <param name="ResultPath">The result file, <c>OUT/run-RUNID.json</c>.</param>
/// <param name="LogPath">BenchmarkDotNet's log of the run, <c>OUT/run-RUNID.log</c>.</param>
/// <param name="Failures">One line per case that produced no measurements or whose metric pass failed; empty when all went well.</param>
public sealed record BenchmarkRunOutcome(BenchmarkRun Run, string ResultPath, string LogPath, IReadOnlyList<string> Failures);
