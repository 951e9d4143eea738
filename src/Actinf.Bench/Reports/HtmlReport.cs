using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Actinf.Bench.Reports;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as one self-contained HTML page (<c>report.html</c>): the same
/// content as the Markdown, coloured by status, with the charts drawn by Vega-Lite from scripts inlined in the
/// page (no network, no other file).
/// </summary>
/// <remarks>
/// Without <see cref="ChartAssets"/> the page keeps every table and says, at the top and in place of each
/// chart, why the charts are missing.
/// </remarks>
public static partial class HtmlReport
{
    /// <summary>Text that marks the page when the charts could not be included.</summary>
    public const string ChartsMissingMarker = "Charts are not included";

    private const string Style = """
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 0 auto; max-width: 1100px; padding: 24px; }
        h1 { font-size: 26px; margin: 0 0 8px; }
        h2 { font-size: 19px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #d0d7de; }
        .verdict { padding: 14px 18px; border-radius: 8px; border-left: 8px solid; margin-bottom: 14px; }
        .verdict p { margin: 0; font-size: 20px; font-weight: 700; }
        .verdict .context { margin-top: 6px; font-size: 14px; color: #424a53; }
        .verdict.failure { background: #ffebe9; border-color: #cf222e; }
        .verdict.warning { background: #fff8c5; border-color: #bf8700; }
        .verdict.good { background: #dafbe1; border-color: #1a7f37; }
        .verdict.neutral { background: #f6f8fa; border-color: #8c959f; }
        .table { overflow-x: auto; max-width: 100%; }
        table { border-collapse: collapse; margin: 6px 0 10px; font-size: 13px; }
        th, td { border: 1px solid #d0d7de; padding: 4px 10px; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.failure td { background: #ffebe9; }
        tr.warning td { background: #fff8c5; }
        tr.good td { background: #dafbe1; }
        table.status td:first-child { font-weight: 600; }
        code { font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; background: #f6f8fa; padding: 1px 4px; border-radius: 4px; }
        .notice { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 8px 12px; }
        figure { margin: 12px 0 20px; }
        footer { margin-top: 32px; color: #59636e; font-size: 12px; }
        """;

    private const string EmbedLoop = """
        ;
        for (const [name, spec] of Object.entries(actinfCharts)) {
          const el = document.getElementById('chart-' + name);
          vegaEmbed(el, spec, { actions: false, renderer: 'svg' })
            .catch(e => { el.textContent = 'Chart failed to draw: ' + e; el.className = 'notice'; });
        }

        """;

    /// <summary>Renders the page.</summary>
    /// <param name="document">The content.</param>
    /// <param name="assets">The chart libraries to inline, or null to leave the charts out.</param>
    /// <param name="chartsMissingReason">Why <paramref name="assets"/> is null (shown in the page); ignored when it is not.</param>
    /// <returns>The HTML text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static string Render(ReportDocument document, ChartAssets? assets, string? chartsMissingReason = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        string? missing = assets is null && document.Charts.Count > 0
            ? $"{ChartsMissingMarker}: {chartsMissingReason ?? "the chart libraries are unavailable"}. The tables hold the same data."
            : null;

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(document.Title)).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");

        html.Append("<div class=\"verdict ").Append(StatusClass(document.VerdictStatus)).Append("\">\n")
            .Append("<h1>").Append(Encode(document.Title)).Append("</h1>\n")
            .Append("<p>").Append(Inline(document.Verdict)).Append("</p>\n")
            .Append("<div class=\"context\">").Append(Inline(document.Context)).Append("</div>\n</div>\n");
        Table(html, document.StatusTable, "status");
        if (missing is not null)
        {
            html.Append("<p class=\"notice\">").Append(Encode(missing)).Append("</p>\n");
        }

        foreach (ReportSection section in document.Sections)
        {
            html.Append("<section>\n<h2>").Append(Inline(section.Heading)).Append("</h2>\n");
            foreach (ReportBlock block in section.Blocks)
            {
                switch (block)
                {
                    case ReportParagraph paragraph:
                        html.Append("<p>").Append(Inline(paragraph.Text)).Append("</p>\n");
                        break;
                    case ReportBulletList list:
                        html.Append("<ul>\n");
                        foreach (string item in list.Items)
                        {
                            html.Append("<li>").Append(Inline(item)).Append("</li>\n");
                        }

                        html.Append("</ul>\n");
                        break;
                    case ReportTable table:
                        Table(html, table, null);
                        break;
                    case ReportChart chart:
                        // The chart draws its own title; the fallback names the chart it replaces.
                        html.Append(assets is null
                            ? $"<p class=\"notice\">{Encode(chart.Chart.Title)}: not drawn ({Encode(chartsMissingReason ?? "no chart libraries")}).</p>\n"
                            : $"<figure><div class=\"chart\" id=\"chart-{Encode(chart.Chart.Name)}\" role=\"img\" aria-label=\"{Encode(chart.Chart.Title)}\"></div></figure>\n");
                        break;
                    default:
                        throw new NotSupportedException($"Report block {block.GetType().Name} has no HTML form.");
                }
            }

            html.Append("</section>\n");
        }

        html.Append("<footer>Generated by <code>actinf bench report</code>. ")
            .Append(assets is null ? "Charts: not included." : $"Charts: {Encode(assets.Versions)}, inlined (the page needs no network).")
            .Append("</footer>\n");

        if (assets is not null && document.Charts.Count > 0)
        {
            Script(html, assets.VegaJs);
            Script(html, assets.VegaLiteJs);
            Script(html, assets.VegaEmbedJs);
            var specs = new JsonObject();
            foreach (ChartSpec chart in document.Charts)
            {
                specs[chart.Name] = chart.Spec.DeepClone();
            }

            // The default encoder escapes <, > and &, so the JSON cannot close the script element.
            html.Append("<script>\nconst actinfCharts = ")
                .Append(specs.ToJsonString(new JsonSerializerOptions { WriteIndented = false }))
                .Append(EmbedLoop)
                .Append("</script>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Table(StringBuilder html, ReportTable table, string? cssClass)
    {
        html.Append("<div class=\"table\">").Append(cssClass is null ? "<table>\n" : $"<table class=\"{cssClass}\">\n").Append("<thead><tr>");
        for (int i = 0; i < table.Header.Count; i++)
        {
            html.Append(table.RightAligned.Contains(i) ? "<th class=\"num\">" : "<th>").Append(Encode(table.Header[i])).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (ReportRow row in table.Rows)
        {
            html.Append(row.Status == ReportStatus.Neutral ? "<tr>" : $"<tr class=\"{StatusClass(row.Status)}\">");
            for (int i = 0; i < row.Cells.Count; i++)
            {
                html.Append(table.RightAligned.Contains(i) ? "<td class=\"num\">" : "<td>").Append(Encode(row.Cells[i])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
    }

    // Inline scripts: drop the source-map comment (it would point at a file next to the page) and make sure
    // nothing in the library can end the script element early.
    private static void Script(StringBuilder html, string javaScript)
    {
        string code = SourceMapComment().Replace(javaScript, "");
        code = code.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
        html.Append("<script>\n").Append(code).Append("\n</script>\n");
    }

    // Escapes the text, then turns `code` and **bold** into elements.
    private static string Inline(string text)
    {
        string encoded = Encode(text);
        encoded = CodeSpan().Replace(encoded, "<code>$1</code>");
        return BoldSpan().Replace(encoded, "<strong>$1</strong>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string StatusClass(ReportStatus status) => status switch
    {
        ReportStatus.Failure => "failure",
        ReportStatus.Warning => "warning",
        ReportStatus.Good => "good",
        _ => "neutral",
    };

    [GeneratedRegex(@"^//# sourceMappingURL=.*$", RegexOptions.Multiline)]
    private static partial Regex SourceMapComment();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex BoldSpan();
}
