using Actinf.Bench.Analysis;
using Actinf.Bench.Reports;
using Actinf.Bench.Results;

namespace Actinf.Bench.Tests.Reports;

/// <summary>Report data built from the fixed synthetic history (see <see cref="Analysis.SyntheticRuns"/>).</summary>
internal static class ReportFixture
{
    public const string BaselineSource = "bench-results/baseline.json";

    public static IReadOnlyList<HistoryEntry> Entries(IReadOnlyList<BenchmarkRun> runs) =>
        [.. runs.Select(r => new HistoryEntry($"bench-results/{r.RunId}.json", r))];

    /// <summary>The five synthetic runs, the latest compared with the first as baseline.</summary>
    public static ReportData Synthetic(ReportOptions? options = null)
    {
        IReadOnlyList<BenchmarkRun> runs = Analysis.SyntheticRuns.History();
        return ReportData.Create(Entries(runs), runs[0], BaselineSource, options);
    }
}
