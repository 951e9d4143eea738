using Actinf.Core.Agents;
using Actinf.Core.Io;

namespace Actinf.Core.Tests.Agents;

public sealed class BeliefHistoryTests
{
    private static (ModelDocument Doc, IReadOnlyList<ReadOnlyMemory<int>> Observations) TMaze()
    {
        ModelDocument doc = ModelJson.ReadFile(RepositoryFolders.TestDataPath("bench-models", "tmaze.json"));
        return (doc, doc.Bench!.Observations);
    }

    [Fact]
    public void History_DefaultOptions_IsNull()
    {
        (ModelDocument doc, _) = TMaze();

        Assert.Null(new Agent(doc.Model, doc.Options).History);
    }

    [Fact]
    public void History_AfterSteps_KeepsLastEntriesInOrderWithTheirBeliefs()
    {
        (ModelDocument doc, IReadOnlyList<ReadOnlyMemory<int>> obs) = TMaze();
        var agent = new Agent(doc.Model, new AgentOptions { HistoryCapacity = 3 });
        var posteriors = new List<double[]>();
        var actions = new List<int[]>();
        for (int i = 0; i < 5; i++)
        {
            agent.InferStates(obs[i].Span);
            agent.InferPolicies();
            posteriors.Add(agent.Posterior(0).ToArray());
            actions.Add(agent.SampleAction().ToArray());
        }

        BeliefHistory history = agent.History!;
        Assert.Equal(3, history.Count);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(3 + k, history.Time(k));
            Assert.Equal(posteriors[2 + k], history.Posterior(k, 0).ToArray());
            Assert.Equal(actions[2 + k], history.Action(k).ToArray());
        }

        Assert.Equal(agent.PolicyPosterior.ToArray(), history.PolicyPosterior(2).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>("index", () => history.Time(3));
    }

    [Fact]
    public void History_Reset_Empties()
    {
        (ModelDocument doc, IReadOnlyList<ReadOnlyMemory<int>> obs) = TMaze();
        var agent = new Agent(doc.Model, new AgentOptions { HistoryCapacity = 4 });
        agent.Step(obs[0].Span);

        agent.Reset();

        Assert.Equal(0, agent.History!.Count);
    }
}
