using Actinf.Bench.Runner;
using Actinf.Bench.Suites.Epistemic;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;

namespace Actinf.Bench.Tests.Suites.Epistemic;

public class EpistemicSuiteTests
{
    [Fact]
    public void Default_Catalog_ListsTheEpistemicSuiteWithItsClasses()
    {
        SuiteCatalog catalog = SuiteCatalog.Default;

        Assert.Contains("epistemic", catalog.Suites);
        Assert.Equal(
            [typeof(ActionSelectionBenchmarks), typeof(BeliefEntropyBenchmarks), typeof(BeliefUpdateBenchmarks), typeof(ExpectedFreeEnergyBenchmarks), typeof(PolicyEvaluationBenchmarks), typeof(SessionMemoryBenchmarks), typeof(SessionStateBenchmarks)],
            catalog.TypesOf("epistemic"));
        Assert.Equal(["epistemic"], catalog.Resolve(["Epistemic"]));
    }

    [Fact]
    public void Plan_EpistemicSuite_EveryMethodAndParameterOnceAndQuickKeepsThemAll()
    {
        var runner = new BenchmarkSuiteRunner();

        string[] full = [.. runner.Plan(new BenchmarkRunOptions { Suites = ["epistemic"] }).Select(p => p.Id)];
        string[] quick = [.. runner.Plan(new BenchmarkRunOptions { Suites = ["epistemic"], Quick = true }).Select(p => p.Id)];

        // ActionSelection 3 methods; BeliefEntropy 2; BeliefUpdate 1 × 2 group counts; EFE 1 × 2 sizes; PolicyEvaluation 2 × 2 prunings; SessionMemory 1; SessionState 6.
        Assert.Equal(3 + 2 + 2 + 2 + 4 + 1 + 6, full.Length);
        Assert.Equal(full.Length, full.Distinct().Count());
        Assert.All(full, id => Assert.StartsWith("epistemic/", id, StringComparison.Ordinal));
        Assert.Contains(full, id => id.StartsWith("epistemic/ActionSelectionBenchmarks.SelectActionsEndToEnd", StringComparison.Ordinal));
        Assert.Equal(2, full.Count(id => id.StartsWith("epistemic/BeliefUpdateBenchmarks.Update", StringComparison.Ordinal)));
        Assert.Equal(full, quick); // no Model parameter, so the quick subset is everything
    }

    [Fact]
    public void Suite_NoClassComputesMetrics_SoThereIsNoMetricPass()
    {
        Assert.DoesNotContain(SuiteCatalog.Default.TypesOf("epistemic"), t => typeof(ISuiteMetrics).IsAssignableFrom(t));
    }

    [Fact]
    public void PerCallLatencyConfig_OneCallPerIterationAndNoOutlierRemoved()
    {
        Job job = Assert.Single(new PerCallLatencyConfig().GetJobs());

        Assert.Equal(1, job.Run.InvocationCount);
        Assert.Equal(1, job.Run.UnrollFactor);
        Assert.Equal(400, job.Run.IterationCount);
        Assert.Equal(20, job.Run.WarmupCount);
        Assert.Equal(OutlierMode.DontRemove, job.Accuracy.OutlierMode);
    }
}
