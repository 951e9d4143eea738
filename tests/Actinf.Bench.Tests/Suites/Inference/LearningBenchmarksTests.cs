using Actinf.Bench.Suites.Inference;

namespace Actinf.Bench.Tests.Suites.Inference;

public class LearningBenchmarksTests
{
    [Fact]
    public void Updates_AfterSetup_RunAndAllocateNothing()
    {
        var bench = new LearningBenchmarks();
        bench.Setup();
        bench.UpdateLikelihood();
        bench.UpdateTransitions();

        Assert.Equal(0, AllocationProbe.SteadyStateBytes(() =>
        {
            bench.UpdateLikelihood();
            bench.UpdateTransitions();
        }));
    }

    [Fact]
    public void Setup_ModelWithoutConcentrations_FirstUpdateThrowsInvalidOperation()
    {
        var bench = new LearningBenchmarks { Model = "tmaze" };
        bench.Setup();

        Assert.Throws<InvalidOperationException>(bench.UpdateLikelihood);
    }
}
