using Actinf.Bench.Reports;
using Actinf.Bench.Tests.Analysis;

namespace Actinf.Bench.Tests.Reports;

public class MarkdownReportTests
{
    private static readonly string SnapshotPath = Path.Combine(SyntheticRuns.DataDirectory, "expected", "report.md");

    /// <summary>
    /// Snapshot of the whole report for the fixed synthetic history (all text is invariant-culture by construction).
    /// Set ACTINF_UPDATE_SNAPSHOTS=1 to rewrite tests/data/bench-results/expected/report.md after an intended change, and review the diff.
    /// </summary>
    [Fact]
    public void Render_SyntheticHistory_MatchesSnapshot()
    {
        ReportData data = ReportFixture.Synthetic();
        ReportDocument document = ReportBuilder.Build(data, ChartSpecs.Build(data));

        string markdown = MarkdownReport.Render(document, ChartImages.None("Chart images not rendered (snapshot test)."));

        if (Environment.GetEnvironmentVariable("ACTINF_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(SnapshotPath, markdown);
        }

        Assert.True(File.Exists(SnapshotPath), $"{SnapshotPath} is missing; run the tests with ACTINF_UPDATE_SNAPSHOTS=1 to write it.");
        Assert.Equal(File.ReadAllText(SnapshotPath).ReplaceLineEndings("\n"), markdown);
    }

    [Fact]
    public void Render_VerdictAndStatusTable_ComeFirst()
    {
        ReportData data = ReportFixture.Synthetic();

        string[] lines = MarkdownReport.Render(ReportBuilder.Build(data), ChartImages.None("none")).Split('\n');

        Assert.Equal("# Actinf benchmark report", lines[0]);
        Assert.StartsWith("**FAIL: 1 severe regression", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("Latest run `", lines[4], StringComparison.Ordinal);
        Assert.Equal("| Outcome | Benchmarks |", lines[6]);
        Assert.Equal("| Severe regressions (fail) | 1 |", lines[8]);
    }

    [Fact]
    public void Render_WithImages_LinksEachPng()
    {
        ReportData data = ReportFixture.Synthetic();
        IReadOnlyList<ChartSpec> charts = ChartSpecs.Build(data);
        var paths = charts.ToDictionary(c => c.Name, c => $"charts/{c.Name}.png");

        string markdown = MarkdownReport.Render(ReportBuilder.Build(data, charts), new ChartImages(paths, null));

        Assert.Contains("![Median time per operation, by run](charts/median-over-time.png)", markdown, StringComparison.Ordinal);
        Assert.Contains("(charts/latest-vs-baseline.png)", markdown, StringComparison.Ordinal);
        Assert.Contains("(charts/cache-hit-rates.png)", markdown, StringComparison.Ordinal);
        Assert.Contains("(charts/allocations.png)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("drawn in report.html", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithoutImages_SaysWhyOnce()
    {
        ReportData data = ReportFixture.Synthetic();

        string markdown = MarkdownReport.Render(ReportBuilder.Build(data, ChartSpecs.Build(data)), ChartImages.None("No Chromium here."));

        Assert.Single(markdown.Split('\n'), l => l == "> No Chromium here.");
        Assert.Equal(4, markdown.Split('\n').Count(l => l.EndsWith(": drawn in report.html.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_PipeInId_IsEscapedInTables()
    {
        var table = new ReportTable(["a"], [new ReportRow(["x|y"])], []);
        var document = new ReportDocument("T", ReportStatus.Good, "PASS", "ctx", table, [], []);

        string markdown = MarkdownReport.Render(document, ChartImages.None("n"));

        Assert.Contains("| x\\|y |", markdown, StringComparison.Ordinal);
    }
}
