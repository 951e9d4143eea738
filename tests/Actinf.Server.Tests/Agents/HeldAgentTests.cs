using Actinf.Core.Io;
using Actinf.Server.Agents;
using Actinf.Server.Stores;
using Actinf.Server.Tests.Tools;

namespace Actinf.Server.Tests.Agents;

public sealed class HeldAgentTests
{
    [Theory]
    [InlineData("mmp_h3", AgentLearning.None)]
    [InlineData("learn_AB", AgentLearning.Likelihood | AgentLearning.Transitions)]
    public void Rebuild_EventsWithResetAndStochasticSelection_NextStepEqualsTheOriginal(string name, AgentLearning learning)
    {
        ModelDocument read = ModelJson.ReadFile(AgentToolsTests.ModelPath(name));
        var document = new ModelDocument(read.Model, read.Options with { ActionSelection = Core.Agents.ActionSelection.Stochastic });
        int[][] observations = [.. read.Bench!.Observations.Take(6).Select(o => o.ToArray())];
        HeldAgent original = HeldAgent.Create(Guid.NewGuid(), document, 21, learning);
        var events = new List<AgentEvent>();
        for (int t = 0; t < 5; t++)
        {
            events.Add(original.Step(observations[t]));
            if (t == 2)
            {
                events.Add(original.Reset());
            }
        }

        var record = new AgentRecord(original.Id, ModelJson.Write(document), 21, learning, default, default, 0f, 0f, events);
        HeldAgent rebuilt = HeldAgent.Rebuild(record);
        Assert.Equal(original.EventCount, rebuilt.EventCount);
        Assert.Equal(original.TotalSteps, rebuilt.TotalSteps);
        Assert.Equal(original.Agent.Time, rebuilt.Agent.Time);
        Assert.Equal(original.Coherence, rebuilt.Coherence);

        // The next step, random draw included, is bit for bit the original's.
        AgentEvent a = original.Step(observations[5]);
        AgentEvent b = rebuilt.Step(observations[5]);
        Assert.Equal(a.Action!, b.Action!);
        Assert.Equal(original.Agent.PolicyPosterior.ToArray(), rebuilt.Agent.PolicyPosterior.ToArray());
        Assert.Equal(original.Agent.NegativeExpectedFreeEnergy.ToArray(), rebuilt.Agent.NegativeExpectedFreeEnergy.ToArray());
        for (int f = 0; f < document.Model.NumFactors; f++)
        {
            Assert.Equal(original.Agent.Posterior(f).ToArray(), rebuilt.Agent.Posterior(f).ToArray());
        }

        for (int m = 0; m < document.Model.NumModalities; m++)
        {
            Assert.Equal(original.Agent.Likelihood(m).ToArray(), rebuilt.Agent.Likelihood(m).ToArray());
        }

        Assert.Equal(original.Surprise, rebuilt.Surprise);
    }

    [Fact]
    public void Rebuild_EventThatDoesNotFitTheModel_ThrowsInvalidDataNamingTheEvent()
    {
        ModelDocument document = ModelJson.ReadFile(AgentToolsTests.ModelPath("tmaze"));
        var record = new AgentRecord(Guid.NewGuid(), ModelJson.Write(document), 0, AgentLearning.None, default, default, 1f, 1f,
            [AgentEvent.Step([0, 0, 1], [3, 0]), AgentEvent.Step([0, 0, 1], [9, 0])]);
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => HeldAgent.Rebuild(record));
        Assert.Contains("event 1", e.Message, StringComparison.Ordinal);
    }
}
