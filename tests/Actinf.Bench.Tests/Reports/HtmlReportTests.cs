using Actinf.Bench.Reports;

namespace Actinf.Bench.Tests.Reports;

public class HtmlReportTests
{
    private static readonly ChartAssets FakeAssets = new("/*VEGA*/ var a = '</script>';", "/*VEGALITE*/", "/*EMBED*/\n//# sourceMappingURL=vega-embed.min.js.map", "vega 0, vega-lite 0, vega-embed 0");

    private static ReportDocument Document()
    {
        ReportData data = ReportFixture.Synthetic();
        return ReportBuilder.Build(data, ChartSpecs.Build(data));
    }

    [Fact]
    public void Render_WithoutAssets_KeepsTablesAndSaysChartsAreMissing()
    {
        string html = HtmlReport.Render(Document(), null, "npm is not installed");

        Assert.Contains(HtmlReport.ChartsMissingMarker + ": npm is not installed.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"status\">", html, StringComparison.Ordinal);
        Assert.Contains("inference/AgentStepBenchmarks.Step(model=grid7x7_plen3)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithAssets_InlinesEveryLibraryAndEveryChart()
    {
        string html = HtmlReport.Render(Document(), FakeAssets);

        Assert.Contains("/*VEGA*/", html, StringComparison.Ordinal);
        Assert.Contains("/*VEGALITE*/", html, StringComparison.Ordinal);
        Assert.Contains("/*EMBED*/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("sourceMappingURL", html, StringComparison.Ordinal);
        Assert.Contains("'<\\/script>'", html, StringComparison.Ordinal);
        Assert.DoesNotContain(HtmlReport.ChartsMissingMarker, html, StringComparison.Ordinal);
        foreach (string name in new[] { "median-over-time", "latest-vs-baseline", "cache-hit-rates", "allocations" })
        {
            Assert.Contains($"id=\"chart-{name}\"", html, StringComparison.Ordinal);
            Assert.Contains($"\"{name}\":{{", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_NeverLoadsAnythingFromTheNetwork()
    {
        string html = HtmlReport.Render(Document(), FakeAssets);

        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_VerdictFirst_ColouredByStatus()
    {
        string html = HtmlReport.Render(Document(), null);

        int verdict = html.IndexOf("<div class=\"verdict failure\">", StringComparison.Ordinal);
        Assert.True(verdict > 0);
        Assert.True(verdict < html.IndexOf("<table", StringComparison.Ordinal));
        Assert.Contains("<p>FAIL: 1 severe regression (worst <code>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"failure\">", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"good\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EscapesText()
    {
        var table = new ReportTable(["h"], [new ReportRow(["<b>&"])], []);
        var document = new ReportDocument("T", ReportStatus.Good, "PASS <x> `a<b` **c&d**", "ctx", table, [], []);

        string html = HtmlReport.Render(document, null);

        Assert.Contains("<td>&lt;b&gt;&amp;</td>", html, StringComparison.Ordinal);
        Assert.Contains("PASS &lt;x&gt; <code>a&lt;b</code> <strong>c&amp;d</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithInstalledTools_InlinesThePinnedVega()
    {
        ReportToolsState tools = ReportTools.Prepare(null, install: false, TextWriter.Null);
        if (tools.Assets is null)
        {
            return; // npm ci has not been run in tools/report here: the fallback is covered above.
        }

        string html = HtmlReport.Render(Document(), tools.Assets);

        Assert.Contains("vega 6.4.0, vega-lite 6.4.3, vega-embed 7.3.0", html, StringComparison.Ordinal);
        Assert.Contains("vegaEmbed", html, StringComparison.Ordinal);
    }
}
