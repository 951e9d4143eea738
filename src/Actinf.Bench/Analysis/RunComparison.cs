using Actinf.Bench.Results;

namespace Actinf.Bench.Analysis;

/// <summary>Every benchmark of two runs compared (matched by id), with the counts a summary needs.</summary>
/// <param name="Baseline">The reference run.</param>
/// <param name="Current">The new run.</param>
/// <param name="Options">The thresholds used.</param>
/// <param name="Benchmarks">
/// One comparison per id: the new run's benchmarks in its order (matched or <see cref="ChangeKind.Added"/>),
/// then the baseline's <see cref="ChangeKind.Removed"/> ones in its order.
/// </param>
public sealed record RunComparison(BenchmarkRun Baseline, BenchmarkRun Current, ComparisonOptions Options, IReadOnlyList<BenchmarkComparison> Benchmarks)
{
    /// <summary>Compares every benchmark of <paramref name="current"/> with the one of the same id in <paramref name="baseline"/>.</summary>
    /// <param name="baseline">The reference run.</param>
    /// <param name="current">The new run.</param>
    /// <param name="options">Thresholds; null for the defaults (10 %, 25 %, alpha 0.01).</param>
    /// <exception cref="ArgumentNullException">A run is null.</exception>
    /// <exception cref="ArgumentException">A run lists one id twice, or a sample is NaN.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Invalid <paramref name="options"/>.</exception>
    public static RunComparison Compare(BenchmarkRun baseline, BenchmarkRun current, ComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        options ??= new ComparisonOptions();
        options.Validate();

        Dictionary<string, BenchmarkResult> baselineById = IndexById(baseline, nameof(baseline));
        Dictionary<string, BenchmarkResult> currentById = IndexById(current, nameof(current));

        var rows = new List<BenchmarkComparison>(current.Benchmarks.Count + baseline.Benchmarks.Count);
        foreach (BenchmarkResult result in current.Benchmarks)
        {
            rows.Add(BenchmarkComparison.Compare(baselineById.GetValueOrDefault(result.Id), result, options));
        }

        foreach (BenchmarkResult result in baseline.Benchmarks)
        {
            if (!currentById.ContainsKey(result.Id))
            {
                rows.Add(BenchmarkComparison.Compare(result, null, options));
            }
        }

        return new RunComparison(baseline, current, options, rows);
    }

    /// <summary>Significant slow-downs, worst first.</summary>
    public IReadOnlyList<BenchmarkComparison> Regressions =>
        [.. Benchmarks.Where(b => b.Kind == ChangeKind.Regression).OrderByDescending(b => b.ChangePercent ?? 0.0).ThenBy(b => b.Id, StringComparer.Ordinal)];

    /// <summary>Significant speed-ups, largest first.</summary>
    public IReadOnlyList<BenchmarkComparison> Improvements =>
        [.. Benchmarks.Where(b => b.Kind == ChangeKind.Improvement).OrderBy(b => b.ChangePercent ?? 0.0).ThenBy(b => b.Id, StringComparer.Ordinal)];

    /// <summary>The largest significant slow-down, or null when there is none.</summary>
    public BenchmarkComparison? WorstRegression => Regressions.Count > 0 ? Regressions[0] : null;

    /// <summary>How many benchmarks got <paramref name="kind"/>.</summary>
    public int Count(ChangeKind kind) => Benchmarks.Count(b => b.Kind == kind);

    /// <summary>How many benchmarks got <paramref name="kind"/> with <paramref name="severity"/>.</summary>
    public int Count(ChangeKind kind, Severity severity) => Benchmarks.Count(b => b.Kind == kind && b.Severity == severity);

    private static Dictionary<string, BenchmarkResult> IndexById(BenchmarkRun run, string paramName)
    {
        var byId = new Dictionary<string, BenchmarkResult>(run.Benchmarks.Count, StringComparer.Ordinal);
        foreach (BenchmarkResult result in run.Benchmarks)
        {
            if (string.IsNullOrEmpty(result.Id))
            {
                throw new ArgumentException($"Run {run.RunId} has a benchmark without an id; every benchmark needs its stable id.", paramName);
            }

            if (!byId.TryAdd(result.Id, result))
            {
                throw new ArgumentException($"Run {run.RunId} lists benchmark '{result.Id}' twice; ids must be unique within a run.", paramName);
            }
        }

        return byId;
    }
}
