using Actinf.Bench.Results;

namespace Actinf.Bench.Analysis;

/// <summary>One result file of a <see cref="ResultHistory"/>.</summary>
/// <param name="Path">Where it was read from.</param>
/// <param name="Run">Its contents.</param>
public sealed record HistoryEntry(string Path, BenchmarkRun Run);
