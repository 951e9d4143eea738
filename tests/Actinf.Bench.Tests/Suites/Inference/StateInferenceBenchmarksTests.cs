using Actinf.Bench.Suites.Inference;
using Actinf.Core.Agents;

namespace Actinf.Bench.Tests.Suites.Inference;

public class StateInferenceBenchmarksTests
{
    [Theory]
    [InlineData("tmaze", InferenceAlgorithm.Fpi)]
    [InlineData("tmaze", InferenceAlgorithm.Mmp)]
    [InlineData("mmp_h3", InferenceAlgorithm.Fpi)]
    [InlineData("mmp_h3", InferenceAlgorithm.Mmp)]
    public void ComputeMetrics_Model_IterationsWithinLimitAndFiniteTrace(string model, InferenceAlgorithm algorithm)
    {
        IReadOnlyDictionary<string, double> metrics = new StateInferenceBenchmarks { Model = model, Algorithm = algorithm }
            .ComputeMetrics(nameof(StateInferenceBenchmarks.InferStates));

        Assert.InRange(metrics["iterations"], 1, metrics["iterations_max"]);
        Assert.InRange(metrics["iterations_max"], 1, 10);
        Assert.Equal(metrics["free_energy_iter_0"], metrics["free_energy_first"]);
        Assert.All(metrics.Values, v => Assert.True(double.IsFinite(v)));
        if (algorithm == InferenceAlgorithm.Mmp)
        {
            // MMP runs its fixed number of iterations, one trace entry each.
            Assert.Equal(10, metrics["iterations"]);
            Assert.Equal(metrics["free_energy_iter_9"], metrics["free_energy_last"]);
        }
    }

    [Theory]
    [InlineData(InferenceAlgorithm.Fpi)]
    [InlineData(InferenceAlgorithm.Mmp)]
    public void InferStates_AfterSetup_AllocatesNothing(InferenceAlgorithm algorithm)
    {
        var bench = new StateInferenceBenchmarks { Model = "tmaze", Algorithm = algorithm };
        bench.Setup();
        bench.InferStates();

        Assert.Equal(0, AllocationProbe.SteadyStateBytes(bench.InferStates));
    }

    [Fact]
    public void InferStates_BeforeSetup_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(new StateInferenceBenchmarks().InferStates);
    }
}
