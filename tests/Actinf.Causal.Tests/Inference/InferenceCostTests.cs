using Actinf.Causal.Inference;
using Actinf.Causal.Io;

namespace Actinf.Causal.Tests.Inference;

/// <summary>
/// The elimination orders the engine finds for whole networks are at least as good as greedy min-fill's
/// (the width and largest clique in tests/data/causal/networks/README.md): a worse order would cost
/// memory and time exponentially (a 1.3e8-entry table on link instead of 1.7e7).
/// </summary>
public sealed class InferenceCostTests
{
    [Theory]
    [InlineData("asia", 2, 8)]
    [InlineData("alarm", 4, 144)]
    [InlineData("hailfinder", 4, 3267)]
    [InlineData("hepar2", 6, 384)]
    [InlineData("win95pts", 8, 512)]
    [InlineData("pathfinder", 6, 32256)]
    [InlineData("andes", 17, 262144)]
    [InlineData("pigs", 10, 177147)]
    [InlineData("link", 15, 16777216)]
    public void WholeNetworkOrder_IsNoWorseThanMinFill(string network, int minFillWidth, double minFillLargestClique)
    {
        var engine = new ExactInference(NetworkFile.Load(Path.Combine(RepositoryFolders.TestDataPath("causal"), "networks", network + ".bif")));

        InferenceCost cost = engine.EstimateCost();

        Assert.Equal(engine.Network.Count, cost.RelevantVariables);
        Assert.InRange(cost.InducedWidth, 1, minFillWidth);
        Assert.InRange(cost.LargestClique, 1, minFillLargestClique);
        Assert.True(cost.TotalTable >= cost.LargestClique);
    }

    [Fact]
    public void PosteriorQuery_PrunesToAncestorsOfTargetAndEvidence()
    {
        var engine = new ExactInference(NetworkFile.Load(Path.Combine(RepositoryFolders.TestDataPath("causal"), "networks", "asia.bif")));

        // Ancestors of tub: asia (tub itself is kept); nothing else in asia is an ancestor of tub.
        InferenceCost cost = engine.EstimateCost(["tub"]);

        Assert.Equal(2, cost.RelevantVariables);
    }

    [Fact]
    public void SecondQueryOfTheSameShape_ReusesTheOrder()
    {
        var engine = new ExactInference(NetworkFile.Load(Path.Combine(RepositoryFolders.TestDataPath("causal"), "networks", "alarm.bif")));

        engine.Query(["LVFAILURE"], new Clamps().Observe("HRBP", "HIGH"));
        long searched = engine.SearchedOrders;
        engine.Query(["LVFAILURE"], new Clamps().Observe("HRBP", "LOW"));

        Assert.Equal(searched, engine.SearchedOrders);
        Assert.True(engine.ReusedOrders >= 1);
    }
}
