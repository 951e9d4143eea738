using Actinf.Bench.Analysis;
using Actinf.Bench.Reports;
using Actinf.Bench.Results;
using Actinf.Bench.Tests.Analysis;

namespace Actinf.Bench.Tests.Reports;

public class ReportBuilderTests
{
    [Fact]
    public void Build_SyntheticHistory_FailsNamingTheWorstRegression()
    {
        ReportDocument document = ReportBuilder.Build(ReportFixture.Synthetic());

        Assert.Equal(ReportStatus.Failure, document.VerdictStatus);
        Assert.Equal(
            $"FAIL: 1 severe regression (worst `{SyntheticRuns.Grid}` +31.8%), 1 cache below the minimum hit rate.",
            document.Verdict);
        Assert.Contains("vs baseline `20250106T060000Z-synthetic1`", document.Context, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ModerateOnly_Warns()
    {
        BenchmarkRun baseline = SyntheticRuns.History()[0];
        ReportData data = ReportData.Create(ReportFixture.Entries([baseline, SyntheticRuns.Scale(baseline, 1.15)]), baseline, "b.json");

        ReportDocument document = ReportBuilder.Build(data);

        Assert.Equal(ReportStatus.Warning, document.VerdictStatus);
        Assert.StartsWith("WARN: ", document.Verdict, StringComparison.Ordinal);
        Assert.EndsWith("the gate passes.", document.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Improvement_Passes()
    {
        BenchmarkRun baseline = SyntheticRuns.History()[0];
        ReportData data = ReportData.Create(ReportFixture.Entries([baseline, SyntheticRuns.Scale(baseline, 0.7)]), baseline, "b.json");

        ReportDocument document = ReportBuilder.Build(data);

        Assert.Equal(ReportStatus.Good, document.VerdictStatus);
        Assert.Equal($"PASS: no regression beyond 10%, {baseline.Benchmarks.Count} improvements.", document.Verdict);
    }

    [Fact]
    public void Build_SingleRunWithoutBaseline_SaysTimingsAreNotCompared()
    {
        BenchmarkRun run = SyntheticRuns.History()[0];

        ReportDocument document = ReportBuilder.Build(ReportData.Create(ReportFixture.Entries([run])));

        Assert.Equal("PASS: every hit-rate and allocation check passes.", document.Verdict);
        Assert.EndsWith("no baseline, so timings are not compared.", document.Context, StringComparison.Ordinal);
        Assert.DoesNotContain(document.Sections, s => s.Heading == "Regressions");
        Assert.All(document.StatusTable.Rows.Take(5), r => Assert.Equal("n/a", r.Cells[1]));
    }

    [Fact]
    public void Create_WithoutBaseline_ComparesWithThePreviousRun()
    {
        IReadOnlyList<BenchmarkRun> runs = SyntheticRuns.History();

        ReportData data = ReportData.Create(ReportFixture.Entries(runs));

        Assert.Equal(runs[^2].RunId, data.Baseline!.RunId);
        Assert.Equal("previous run", data.BaselineSource);
    }

    [Fact]
    public void Create_NoRuns_Throws()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => ReportData.Create([]));
        Assert.Equal("runs", e.ParamName);
    }

    [Fact]
    public void Build_Sections_InReadingOrder()
    {
        ReportData data = ReportFixture.Synthetic();

        ReportDocument document = ReportBuilder.Build(data, ChartSpecs.Build(data));

        Assert.Equal(
            ["Executive summary", "Regressions", "Biggest improvements", "Gate checks", "Recommendations", "Charts", "All benchmarks: latest vs baseline", "Latest run `20250110T060000Z-synthetic5`", "Runs", "Method"],
            document.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void Build_RegressionRows_AreColouredBySeverity()
    {
        ReportDocument document = ReportBuilder.Build(ReportFixture.Synthetic());

        var table = (ReportTable)document.Sections.Single(s => s.Heading == "Regressions").Blocks[0];
        Assert.Equal([ReportStatus.Failure, ReportStatus.Warning, ReportStatus.Neutral], table.Rows.Select(r => r.Status));
    }
}
