using System.Text;

namespace Actinf.Bench.Reports;

/// <summary>Renders a <see cref="ReportDocument"/> as GitHub-flavoured Markdown (<c>report.md</c>).</summary>
/// <remarks>
/// The text depends only on the document and the images, never on the clock or the culture: the same history
/// gives the same bytes, so the output can be snapshot-tested. Charts become image links to their PNGs; a chart
/// without an image is listed with a pointer to <c>report.html</c>, after the notice saying why.
/// </remarks>
public static class MarkdownReport
{
    /// <summary>Renders the document.</summary>
    /// <param name="document">The content.</param>
    /// <param name="images">PNG (or SVG) paths per chart, and why any are missing.</param>
    /// <returns>The Markdown text, lines ending in <c>\n</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string Render(ReportDocument document, ChartImages images)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(images);

        var text = new StringBuilder();
        Line(text, $"# {document.Title}");
        Line(text);
        Line(text, $"**{document.Verdict}**");
        Line(text);
        Line(text, document.Context);
        Line(text);
        Table(text, document.StatusTable);

        foreach (ReportSection section in document.Sections)
        {
            Line(text);
            Line(text, $"## {section.Heading}");
            bool noticeWritten = false;
            foreach (ReportBlock block in section.Blocks)
            {
                Line(text);
                switch (block)
                {
                    case ReportParagraph paragraph:
                        Line(text, paragraph.Text);
                        break;
                    case ReportBulletList list:
                        foreach (string item in list.Items)
                        {
                            Line(text, $"- {item}");
                        }

                        break;
                    case ReportTable table:
                        Table(text, table);
                        break;
                    case ReportChart chart:
                        if (images.Paths.TryGetValue(chart.Chart.Name, out string? path))
                        {
                            Line(text, $"![{chart.Chart.Title}]({path.Replace('\\', '/')})");
                        }
                        else
                        {
                            if (!noticeWritten && images.Notice is not null)
                            {
                                Line(text, $"> {images.Notice}");
                                Line(text);
                                noticeWritten = true;
                            }

                            Line(text, $"*{chart.Chart.Title}*: drawn in report.html.");
                        }

                        break;
                    default:
                        throw new NotSupportedException($"Report block {block.GetType().Name} has no Markdown form.");
                }
            }
        }

        return text.ToString();
    }

    private static void Table(StringBuilder text, ReportTable table)
    {
        Line(text, "| " + string.Join(" | ", table.Header.Select(Cell)) + " |");
        Line(text, "| " + string.Join(" | ", table.Header.Select((_, i) => table.RightAligned.Contains(i) ? "---:" : "---")) + " |");
        foreach (ReportRow row in table.Rows)
        {
            Line(text, "| " + string.Join(" | ", row.Cells.Select(Cell)) + " |");
        }
    }

    // Table cells are plain text: a pipe would end the cell and a line break the row.
    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
