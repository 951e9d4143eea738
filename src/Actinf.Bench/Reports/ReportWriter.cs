using Actinf.Bench.Analysis;

namespace Actinf.Bench.Reports;

/// <summary>Writes <c>report.md</c>, <c>report.html</c> and <c>charts/*.png</c> for a history.</summary>
public static class ReportWriter
{
    /// <summary>File name of the Markdown report.</summary>
    public const string MarkdownFileName = "report.md";

    /// <summary>File name of the HTML report.</summary>
    public const string HtmlFileName = "report.html";

    /// <summary>Sub-folder of the chart images.</summary>
    public const string ChartsFolder = "charts";

    /// <summary>The output folder used when none is given: <c>bench-results/report</c>.</summary>
    public static string DefaultOutputDirectory => Path.Combine(ResultHistory.DefaultDirectory, "report");

    /// <summary>Builds the report of <paramref name="data"/> and writes it into <paramref name="outputDirectory"/>.</summary>
    /// <param name="data">The analysed history.</param>
    /// <param name="outputDirectory">Created if needed; existing reports are replaced.</param>
    /// <param name="options">Where the helpers are; null for the defaults.</param>
    /// <param name="log">Progress and notices (stderr in the CLI); each notice starts with "warning:".</param>
    /// <remarks>
    /// Never fails for missing helpers: without npm or the chart libraries the HTML holds the tables and says so;
    /// without node or Chromium report.md says that its images are missing. Every such notice goes to <paramref name="log"/> too.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="options"/> is null.</exception>
    /// <exception cref="IOException">The output could not be written.</exception>
    public static ReportOutcome Write(ReportData data, string outputDirectory, ReportWriterOptions? options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        ArgumentNullException.ThrowIfNull(log);
        options ??= new ReportWriterOptions();

        IReadOnlyList<ChartSpec> charts = ChartSpecs.Build(data);
        ReportDocument document = ReportBuilder.Build(data, charts);
        Directory.CreateDirectory(outputDirectory);

        // Images of an earlier report must not pass for this one's.
        string chartsDirectory = Path.Combine(outputDirectory, ChartsFolder);
        foreach (string name in Directory.Exists(chartsDirectory) ? ChartSpecs.Names : [])
        {
            File.Delete(Path.Combine(chartsDirectory, name + ".png"));
            File.Delete(Path.Combine(chartsDirectory, name + ".svg"));
        }

        var notices = new List<string>();
        ReportToolsState tools = ReportTools.Prepare(options.ToolsDirectory, options.InstallTools, log);
        if (tools.Assets is null)
        {
            notices.Add($"HTML report without charts: {tools.Problem}.");
        }

        ChartImages images;
        if (!options.RenderImages)
        {
            images = ChartImages.None("Chart images not rendered (turned off); report.html draws the charts.");
        }
        else if (tools.Assets is null || tools.Directory is null)
        {
            images = ChartImages.None($"Chart images not rendered: {tools.Problem}.");
        }
        else
        {
            string? chromium = options.ChromiumPath ?? (options.FindChromium ? ChartRenderer.FindChromium() : null);
            images = ChartRenderer.Render(charts, tools.Directory, chartsDirectory, ChartsFolder, chromium);
        }

        if (images.Notice is not null)
        {
            notices.Add(images.Notice);
        }

        foreach (string notice in notices)
        {
            log.WriteLine($"warning: {notice}");
        }

        string markdownPath = Path.Combine(outputDirectory, MarkdownFileName);
        string htmlPath = Path.Combine(outputDirectory, HtmlFileName);
        File.WriteAllText(markdownPath, MarkdownReport.Render(document, images));
        File.WriteAllText(htmlPath, HtmlReport.Render(document, tools.Assets, tools.Problem));
        return new ReportOutcome(markdownPath, htmlPath, [.. images.Paths.Values], notices, document);
    }
}
