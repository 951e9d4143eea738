namespace Actinf.Bench.Reports;

/// <summary>
/// One block of a report section, rendered by both <see cref="MarkdownReport"/> and <see cref="HtmlReport"/>.
/// Text may use two inline marks: <c>`code`</c> and <c>**bold**</c>.
/// </summary>
public abstract record ReportBlock;

/// <summary>A paragraph.</summary>
/// <param name="Text">The text (inline marks allowed).</param>
public sealed record ReportParagraph(string Text) : ReportBlock;

/// <summary>A bulleted list.</summary>
/// <param name="Items">One entry per bullet (inline marks allowed).</param>
public sealed record ReportBulletList(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>A table whose rows carry a status for colouring.</summary>
/// <param name="Header">Column titles.</param>
/// <param name="Rows">Rows, each with as many cells as <paramref name="Header"/> (cells are plain text: no inline marks).</param>
/// <param name="RightAligned">Indexes of numeric columns to right-align.</param>
public sealed record ReportTable(IReadOnlyList<string> Header, IReadOnlyList<ReportRow> Rows, IReadOnlyList<int> RightAligned) : ReportBlock;

/// <summary>A table row.</summary>
/// <param name="Cells">Plain-text cells.</param>
/// <param name="Status">Row colour.</param>
public sealed record ReportRow(IReadOnlyList<string> Cells, ReportStatus Status = ReportStatus.Neutral);

/// <summary>A place for a chart of <see cref="ChartSpecs"/>: an image in Markdown, a live Vega-Lite view in HTML.</summary>
/// <param name="Chart">The chart.</param>
public sealed record ReportChart(ChartSpec Chart) : ReportBlock;
