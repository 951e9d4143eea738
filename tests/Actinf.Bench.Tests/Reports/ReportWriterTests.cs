using Actinf.Bench.Reports;

namespace Actinf.Bench.Tests.Reports;

public sealed class ReportWriterTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Write_WithoutChartTools_WritesTablesAndSaysSo()
    {
        string output = Path.Combine(_files.Directory, "report");
        using var log = new StringWriter();
        var options = new ReportWriterOptions { ToolsDirectory = Path.Combine(_files.Directory, "no-tools"), InstallTools = false };

        ReportOutcome outcome = ReportWriter.Write(ReportFixture.Synthetic(), output, options, log);

        string html = File.ReadAllText(outcome.HtmlPath);
        string markdown = File.ReadAllText(outcome.MarkdownPath);
        Assert.Contains(HtmlReport.ChartsMissingMarker, html, StringComparison.Ordinal);
        Assert.Contains("> Chart images not rendered: ", markdown, StringComparison.Ordinal);
        Assert.Empty(outcome.ChartFiles);
        Assert.Equal(2, outcome.Notices.Count);
        Assert.All(outcome.Notices, n => Assert.Contains($"warning: {n}", log.ToString(), StringComparison.Ordinal));
        Assert.Equal(Path.Combine(output, "report.md"), outcome.MarkdownPath);
    }

    [Fact]
    public void Write_WithoutChartTools_RemovesImagesOfAnEarlierReport()
    {
        string output = Path.Combine(_files.Directory, "report");
        Directory.CreateDirectory(Path.Combine(output, "charts"));
        string stale = _files.Write(Path.Combine("report", "charts", "median-over-time.png"), "old");
        string foreign = _files.Write(Path.Combine("report", "charts", "mine.png"), "keep");
        var options = new ReportWriterOptions { ToolsDirectory = Path.Combine(_files.Directory, "no-tools"), InstallTools = false };

        ReportWriter.Write(ReportFixture.Synthetic(), output, options, TextWriter.Null);

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(foreign));
    }

    [Fact]
    public void Write_ImagesTurnedOff_SaysSo()
    {
        string output = Path.Combine(_files.Directory, "report");
        var options = new ReportWriterOptions { ToolsDirectory = Path.Combine(_files.Directory, "no-tools"), RenderImages = false };

        ReportOutcome outcome = ReportWriter.Write(ReportFixture.Synthetic(), output, options, TextWriter.Null);

        Assert.Contains("(turned off)", File.ReadAllText(outcome.MarkdownPath), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "charts")));
    }

    [Fact]
    public void Write_WithInstalledToolsAndNode_RendersSvgCharts()
    {
        ReportToolsState tools = ReportTools.Prepare(null, install: false, TextWriter.Null);
        if (tools.Assets is null || ExternalProcess.FindOnPath("node") is null)
        {
            return; // No installed chart tools or node here: the fallback is covered above.
        }

        string output = Path.Combine(_files.Directory, "report");
        var options = new ReportWriterOptions { InstallTools = false, FindChromium = false };

        ReportOutcome outcome = ReportWriter.Write(ReportFixture.Synthetic(), output, options, TextWriter.Null);

        Assert.Equal(["charts/median-over-time.svg", "charts/latest-vs-baseline.svg", "charts/cache-hit-rates.svg", "charts/allocations.svg"], outcome.ChartFiles);
        Assert.All(outcome.ChartFiles, f => Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(output, f)), StringComparison.Ordinal));
        Assert.Contains("vega 6.4.0", File.ReadAllText(outcome.HtmlPath), StringComparison.Ordinal);
        Assert.Contains("no headless Chromium found", Assert.Single(outcome.Notices), StringComparison.Ordinal);
    }
}
