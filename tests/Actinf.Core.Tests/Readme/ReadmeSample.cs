// The library sample of README.md, compiled and run by ReadmeSampleTests (keep the two identical).
// <readme-sample>
using Actinf.Core.Agents;
using Actinf.Core.Io;
using Actinf.Core.Models;
using Actinf.Core.Tensors;

namespace MyApp;

public static class ReadmeSample
{
    public static (double Belief, int[] Action) Run()
    {
        // A two-state world: the agent sees a noisy cue of a hidden state it cannot change.
        var likelihood = new Tensor([2, 2], [0.9, 0.2,
                                             0.1, 0.8]);        // A[o, s] = P(o | s), columns sum to 1
        var transitions = new Tensor([2, 2, 1], [1.0, 0.0,
                                                 0.0, 1.0]);   // B[s', s, u]: the state persists
        var model = new GenerativeModel([likelihood], [transitions]);
        var agent = new Agent(model, new AgentOptions { Seed = 1 });

        agent.InferStates([0]);                    // observe outcome 0
        double belief = agent.Posterior(0)[0];     // P(s = 0 | o = 0) = 0.9 / (0.9 + 0.2) = 0.818

        // Or load any actinf-model/1 file and let the agent act in a loop:
        ModelDocument tmaze = ModelJson.ReadFile("tests/data/bench-models/tmaze.json");
        var player = new Agent(tmaze.Model, tmaze.Options);
        ReadOnlySpan<int> action = player.Step([0, 0, 0]);   // infer states, plan, act
        return (belief, action.ToArray());
    }
}
// </readme-sample>
