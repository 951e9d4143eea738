using Actinf.Bench.Replay;
using Actinf.Bench.Workloads;
using Actinf.Core.Agents;
using Actinf.Core.Io;

namespace Actinf.Bench.Tests.Replay;

public class WorkloadRunnerTests
{
    [Fact]
    public void Constructor_BenchModel_TakesOpsFromWorkload()
    {
        var runner = new WorkloadRunner(BenchModels.Load("learn_AB"), "learn_AB");

        Assert.Equal(StepOperations.InferStates | StepOperations.UpdateLikelihood | StepOperations.UpdateTransitions | StepOperations.InferPolicies | StepOperations.SampleAction, runner.Operations);
        Assert.Equal(0, runner.StepsTaken);
    }

    [Fact]
    public void Step_PastTheRecording_CyclesThroughObservations()
    {
        ModelDocument document = BenchModels.Load("tmaze");
        int[][] observations = [.. document.Bench!.Observations.Select(o => o.ToArray())];
        var runner = new WorkloadRunner(document, "tmaze");

        for (int i = 0; i < observations.Length + 2; i++)
        {
            Assert.Equal(observations[i % observations.Length], runner.NextObservation.ToArray());
            Assert.Equal(document.Model.NumFactors, runner.Step());
        }

        Assert.Equal(observations.Length + 2, runner.StepsTaken);
        Assert.Equal(observations[2], runner.NextObservation.ToArray());
    }

    [Fact]
    public void RunWarmup_BenchModel_TakesWarmupSteps()
    {
        var runner = new WorkloadRunner(BenchModels.Load("tmaze"), "tmaze");

        runner.RunWarmup();

        Assert.Equal(runner.Workload.Warmup, runner.StepsTaken);
        Assert.Equal(runner.Workload.Warmup, runner.Agent.Time);
    }

    [Fact]
    public void Seeded_OtherSeed_ChangesOnlyTheSeed()
    {
        var original = new AgentOptions { Seed = 1, PolicyPrecision = 4, ActionSelection = ActionSelection.Stochastic };

        AgentOptions copy = WorkloadRunner.Seeded(original, 9);

        Assert.Equal(9, copy.Seed);
        Assert.Equal(original, copy with { Seed = 1 });
    }

    [Fact]
    public void Seeded_SameSeed_ReturnsTheOptions()
    {
        var options = new AgentOptions { Seed = 7 };

        Assert.Same(options, WorkloadRunner.Seeded(options, 7));
    }

    [Fact]
    public void Constructor_NullDocument_ThrowsArgumentNull()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new WorkloadRunner(null!, "x"));

        Assert.Equal("document", e.ParamName);
    }
}
