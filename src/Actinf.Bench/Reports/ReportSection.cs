namespace Actinf.Bench.Reports;

/// <summary>A titled section of a report.</summary>
/// <param name="Heading">Section title.</param>
/// <param name="Blocks">Its content in order.</param>
public sealed record ReportSection(string Heading, IReadOnlyList<ReportBlock> Blocks);
