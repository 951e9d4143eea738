using Actinf.Bench.Suites.Epistemic;

namespace Actinf.Bench.Tests.Suites.Epistemic;

public class PolicyEvaluationBenchmarksTests
{
    [Theory]
    [InlineData(0.01f)]
    [InlineData(0f)]
    public void EvaluateDepth5_AfterSetup_ScoresTheSamePlansAsTheCachedEvaluation(float pruning)
    {
        using var bench = new PolicyEvaluationBenchmarks { Pruning = pruning };
        bench.Setup();

        int cold = bench.EvaluateDepth5();

        // At most 4 + 16 + 64 + 256 + 1024 plans (depth 5, branching 4; pruning may keep only the best path); the
        // cache holds the setup's evaluation.
        Assert.InRange(cold, 1, 1364);
        Assert.Equal(cold, bench.EvaluateCached());
    }

    [Fact]
    public void EvaluateDepth5_NoPruning_ScoresMorePlansThanDefaultPruning()
    {
        using var pruned = new PolicyEvaluationBenchmarks { Pruning = 0.01f };
        using var unpruned = new PolicyEvaluationBenchmarks { Pruning = 0f };
        pruned.Setup();
        unpruned.Setup();

        Assert.True(unpruned.EvaluateDepth5() > pruned.EvaluateDepth5());
    }
}
