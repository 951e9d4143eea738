using Actinf.Bench.Analysis;
using Actinf.Bench.Results;

namespace Actinf.Bench.Reports;

/// <summary>What a report is made from: the history, the latest run, its baseline and the gate's findings.</summary>
/// <param name="Runs">Every run, oldest first.</param>
/// <param name="Latest">The newest run.</param>
/// <param name="Baseline">The run the latest is compared with, or null when there is none.</param>
/// <param name="BaselineSource">Where the baseline came from (a path, or "previous run"); empty without a baseline.</param>
/// <param name="Gate">The gate applied to the latest run against the baseline; null without a baseline.</param>
/// <param name="Checks">The gate's findings; without a baseline, the hit-rate and allocation checks of the latest run alone.</param>
/// <param name="Options">The thresholds used.</param>
public sealed record ReportData(
    IReadOnlyList<HistoryEntry> Runs,
    BenchmarkRun Latest,
    BenchmarkRun? Baseline,
    string BaselineSource,
    GateResult? Gate,
    IReadOnlyList<GateCheck> Checks,
    ReportOptions Options)
{
    /// <summary>The latest run compared with the baseline, or null without a baseline.</summary>
    public RunComparison? Comparison => Gate?.Comparison;

    /// <summary>Analyses a history.</summary>
    /// <param name="runs">Every run, oldest first (as <see cref="ResultHistory.Runs"/>); at least one.</param>
    /// <param name="baseline">The baseline; null to compare with the run before the latest (when there is one).</param>
    /// <param name="baselineSource">Where <paramref name="baseline"/> came from, for the report's text.</param>
    /// <param name="options">Thresholds; null for the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="runs"/> is empty, or a run lists an id twice.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="runs"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Invalid <paramref name="options"/>.</exception>
    public static ReportData Create(IReadOnlyList<HistoryEntry> runs, BenchmarkRun? baseline = null, string? baselineSource = null, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("The history has no runs; a report needs at least one result file.", nameof(runs));
        }

        options ??= new ReportOptions();
        options.Validate();
        BenchmarkRun latest = runs[^1].Run;
        if (baseline is null && runs.Count >= 2)
        {
            baseline = runs[^2].Run;
            baselineSource = "previous run";
        }

        GateResult? gate = baseline is null ? null : QualityGate.Evaluate(baseline, latest, options.Gate);
        IReadOnlyList<GateCheck> checks = gate?.Checks ?? QualityGate.MetricChecks(latest, options.Gate);
        return new ReportData(runs, latest, baseline, baseline is null ? "" : baselineSource ?? "", gate, checks, options);
    }
}
