namespace Actinf.Bench.Reports;

/// <summary>What <see cref="ReportWriter.Write"/> produced.</summary>
/// <param name="MarkdownPath">The written report.md.</param>
/// <param name="HtmlPath">The written report.html.</param>
/// <param name="ChartFiles">Chart images written (paths relative to the output folder).</param>
/// <param name="Notices">What could not be done (charts or images missing, and why); also written to the log.</param>
/// <param name="Document">The report's content.</param>
public sealed record ReportOutcome(string MarkdownPath, string HtmlPath, IReadOnlyList<string> ChartFiles, IReadOnlyList<string> Notices, ReportDocument Document);
