using Actinf.Bench.Runner;
using Actinf.Bench.Suites.Caching;
using Actinf.Bench.Suites.Inference;
using BenchmarkDotNet.Running;

namespace Actinf.Bench.Tests.Runner;

public class QuickSelectionTests
{
    [Fact]
    public void Select_ModelsPartlyQuick_KeepsTheQuickModelsAndEveryOtherParameter()
    {
        BenchmarkCase[] cases = BenchmarkIdsTests.Cases(typeof(AgentStepBenchmarks));

        IReadOnlyList<BenchmarkCase> quick = QuickSelection.Select(cases);

        Assert.All(quick, c => Assert.Contains((string)c.Parameters["Model"], QuickSelection.Models));
        Assert.Equal(cases.Select(c => c.Parameters["Shortcuts"]).Distinct(), quick.Select(c => c.Parameters["Shortcuts"]).Distinct());
        Assert.Equal(cases.Select(c => c.Descriptor.WorkloadMethod.Name).Distinct(), quick.Select(c => c.Descriptor.WorkloadMethod.Name).Distinct());
    }

    [Fact]
    public void Select_NoQuickModel_KeepsTheFirstModel()
    {
        BenchmarkCase[] cases = BenchmarkIdsTests.Cases(typeof(SparseTransitionsBenchmarks));
        string[] notQuick = [.. SparseTransitionsBenchmarks.Models.Where(m => !QuickSelection.Models.Contains(m))];
        BenchmarkCase[] slowOnly = [.. cases.Where(c => notQuick.Contains((string)c.Parameters["Model"]))];

        IReadOnlyList<BenchmarkCase> quick = QuickSelection.Select(slowOnly);

        Assert.NotEmpty(quick);
        Assert.Single(quick.Select(c => c.Parameters["Model"]).Distinct());
    }

    [Fact]
    public void Select_NoModelParameter_KeepsEverything()
    {
        BenchmarkCase[] cases = BenchmarkIdsTests.Cases(typeof(OtherTrivialBenchmarks));

        Assert.Equal(cases, QuickSelection.Select(cases));
    }
}
