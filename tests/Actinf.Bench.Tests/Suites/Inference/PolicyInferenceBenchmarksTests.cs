using Actinf.Bench.Suites.Inference;

namespace Actinf.Bench.Tests.Suites.Inference;

public class PolicyInferenceBenchmarksTests
{
    [Theory]
    [InlineData("tmaze_plen2", 16, 2, 20)]
    [InlineData("grid7x7_plen3", 125, 3, 155)]
    [InlineData("learn_AB", 4, 1, 4)]
    public void ComputeMetrics_PolicyTree_CountsPoliciesStepsAndNodes(string model, int policies, int length, int nodes)
    {
        IReadOnlyDictionary<string, double> metrics = new PolicyInferenceBenchmarks { Model = model }.ComputeMetrics(nameof(PolicyInferenceBenchmarks.InferPolicies));

        Assert.Equal(policies, metrics["policies"]);
        Assert.Equal(length, metrics["policy_length"]);
        Assert.Equal(policies * length, metrics["policy_steps"]);
        Assert.Equal(nodes, metrics["nodes_scored"]);
    }

    [Fact]
    public void InferPolicies_AfterSetup_AllocatesNothing()
    {
        var bench = new PolicyInferenceBenchmarks { Model = "mmp_h3" };
        bench.Setup();
        bench.InferPolicies();

        Assert.Equal(0, AllocationProbe.SteadyStateBytes(bench.InferPolicies, calls: 10));
    }
}
