namespace Actinf.Bench.Reports;

/// <summary>
/// The content of a benchmark report, independent of its format: a one-line verdict and a status table on
/// top (what a reader must grasp in ten seconds), then sections.
/// </summary>
/// <param name="Title">Document title.</param>
/// <param name="VerdictStatus">Colour of the verdict: failure, warning or good.</param>
/// <param name="Verdict">One line: PASS/WARN/FAIL and why.</param>
/// <param name="Context">One line under the verdict: which run was compared with which baseline.</param>
/// <param name="StatusTable">Counts by outcome, right under the verdict.</param>
/// <param name="Sections">The body.</param>
/// <param name="Charts">Every chart the sections place, in order.</param>
public sealed record ReportDocument(
    string Title,
    ReportStatus VerdictStatus,
    string Verdict,
    string Context,
    ReportTable StatusTable,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<ChartSpec> Charts);
