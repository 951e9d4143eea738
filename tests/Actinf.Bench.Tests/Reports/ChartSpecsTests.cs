using System.Text.Json.Nodes;
using Actinf.Bench.Reports;
using Actinf.Bench.Results;
using Actinf.Bench.Tests.Analysis;

namespace Actinf.Bench.Tests.Reports;

public class ChartSpecsTests
{
    [Fact]
    public void Build_SyntheticHistory_HasTheFourCharts()
    {
        IReadOnlyList<ChartSpec> charts = ChartSpecs.Build(ReportFixture.Synthetic());

        Assert.Equal([ChartSpecs.MedianOverTime, ChartSpecs.LatestVersusBaseline, ChartSpecs.CacheHitRates, ChartSpecs.Allocations], charts.Select(c => c.Name));
        Assert.All(charts, c => Assert.Equal("https://vega.github.io/schema/vega-lite/v6.json", (string?)c.Spec["$schema"]));
    }

    [Fact]
    public void MedianChart_OnePointPerRunAndBenchmark_LogScaleAcrossDecades()
    {
        ReportData data = ReportFixture.Synthetic();

        ChartSpec chart = ChartSpecs.Build(data)[0];

        JsonArray values = chart.Spec["data"]!["values"]!.AsArray();
        Assert.Equal(data.Runs.Sum(r => r.Run.Benchmarks.Count), values.Count);
        Assert.Equal("log", (string?)chart.Spec["encoding"]!["y"]!["scale"]!["type"]);
        Assert.Equal("benchmark", (string?)chart.Spec["encoding"]!["color"]!["field"]);
    }

    [Fact]
    public void MedianChart_SimilarMedians_LinearScale()
    {
        BenchmarkRun run = SyntheticRuns.Run("r", SyntheticRuns.Start, SyntheticRuns.Result("inference/A", 1000, 0.01, 1), SyntheticRuns.Result("inference/B", 3000, 0.01, 2));

        ChartSpec chart = ChartSpecs.Build(ReportData.Create(ReportFixture.Entries([run])))[0];

        Assert.Null(chart.Spec["encoding"]!["y"]!["scale"]);
    }

    [Fact]
    public void ChangeChart_StatusPerBenchmark_MatchesComparison()
    {
        ChartSpec chart = ChartSpecs.Build(ReportFixture.Synthetic()).Single(c => c.Name == ChartSpecs.LatestVersusBaseline);

        var status = chart.Spec["data"]!["values"]!.AsArray().ToDictionary(v => (string)v!["benchmark"]!, v => (string)v!["status"]!);
        Assert.Equal("severe regression", status[SyntheticRuns.Grid]);
        Assert.Equal("moderate regression", status[SyntheticRuns.Fpi]);
        Assert.Equal("minor regression", status[SyntheticRuns.TransitionCache]);
        Assert.Equal("noise", status[SyntheticRuns.Sparse]);
        Assert.Equal("improvement", status[SyntheticRuns.Hierarchical]);
        Assert.False(status.ContainsKey(SyntheticRuns.LikelihoodCache));
    }

    [Fact]
    public void HitRateChart_MarksTheCacheBelowTheMinimum()
    {
        ChartSpec chart = ChartSpecs.Build(ReportFixture.Synthetic()).Single(c => c.Name == ChartSpecs.CacheHitRates);

        var gate = chart.Spec["data"]!["values"]!.AsArray().ToDictionary(v => (string)v!["benchmark"]!, v => (string)v!["gate"]!);
        Assert.Equal("below minimum", gate[SyntheticRuns.TransitionCache]);
        Assert.Equal("passes", gate[SyntheticRuns.LikelihoodCache]);
    }

    [Fact]
    public void Build_NoMetricsNoAllocationNoBaseline_OnlyTheTimeChart()
    {
        BenchmarkRun run = SyntheticRuns.Run("r", SyntheticRuns.Start, SyntheticRuns.Result("inference/A", 1000, 0.01, 1, allocated: null));

        IReadOnlyList<ChartSpec> charts = ChartSpecs.Build(ReportData.Create(ReportFixture.Entries([run])));

        Assert.Equal(ChartSpecs.MedianOverTime, Assert.Single(charts).Name);
    }
}
