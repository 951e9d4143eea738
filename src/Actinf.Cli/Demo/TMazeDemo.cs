using Actinf.Core.Agents;
using Actinf.Core.Environments;
using Actinf.Core.Models;
using Actinf.Core.Tensors;

namespace Actinf.Cli.Demo;

/// <summary>One policy's score at a step: G split into its parts, and q(pi).</summary>
/// <param name="Policy">Index of the policy.</param>
/// <param name="Label">The policy's moves in words, e.g. <c>cue → right</c>.</param>
/// <param name="Utility">Expected utility (pragmatic part of G).</param>
/// <param name="InformationGain">Expected information gain (epistemic part of G: states plus parameters).</param>
/// <param name="G">Negative expected free energy (larger is better).</param>
/// <param name="Probability">q(pi).</param>
internal sealed record PolicyScore(int Policy, string Label, double Utility, double InformationGain, double G, double Probability);

/// <summary>What the agent saw, believed and did at one step of a trial.</summary>
/// <param name="Number">Step number within the trial, from 1.</param>
/// <param name="Observation">[location, reward, cue] outcome indices.</param>
/// <param name="Observed">The observation in words.</param>
/// <param name="LocationBelief">Posterior over the 4 locations.</param>
/// <param name="ContextBelief">Posterior over the reward side (left, right).</param>
/// <param name="TopPolicies">The best policies by q(pi), best first (empty at the last step, which only perceives).</param>
/// <param name="Action">The chosen location, or null at the last step.</param>
/// <param name="ActionText">The chosen action in words, or null.</param>
/// <param name="Reason">Why the action won, in words, or null.</param>
/// <param name="Evidence">The numbers behind <paramref name="Reason"/>, or null.</param>
internal sealed record DemoStep(
    int Number,
    int[] Observation,
    string Observed,
    double[] LocationBelief,
    double[] ContextBelief,
    IReadOnlyList<PolicyScore> TopPolicies,
    TMazeLocation? Action,
    string? ActionText,
    string? Reason,
    string? Evidence);

/// <summary>One trial: reset, then <see cref="TMazeDemo.StepsPerTrial"/> steps.</summary>
/// <param name="Number">Trial number, from 1.</param>
/// <param name="Context">The true reward side (hidden from the agent).</param>
/// <param name="Steps">The steps in order.</param>
internal sealed record DemoTrial(int Number, TMazeContext Context, IReadOnlyList<DemoStep> Steps)
{
    /// <summary>Whether the first move went to the cue location.</summary>
    public bool CueFirst => Steps[0].Action == TMazeLocation.CueLocation;

    /// <summary>Whether a reward was observed at any step.</summary>
    public bool Rewarded => Steps.Any(s => s.Observation[TMaze.RewardModality] == (int)TMazeReward.Reward);

    /// <summary>Whether a loss was observed at any step.</summary>
    public bool Lost => Steps.Any(s => s.Observation[TMaze.RewardModality] == (int)TMazeReward.Loss);

    /// <summary>The locations visited, one per step.</summary>
    public IEnumerable<TMazeLocation> Path => Steps.Select(s => (TMazeLocation)s.Observation[TMaze.LocationModality]);
}

/// <summary>Totals over the trials of a demo run.</summary>
/// <param name="Trials">Number of trials.</param>
/// <param name="CueFirst">Trials whose first move was to the cue.</param>
/// <param name="Rewards">Trials with a reward.</param>
/// <param name="Losses">Trials with a loss.</param>
internal sealed record DemoSummary(int Trials, int CueFirst, int Rewards, int Losses)
{
    /// <summary>Totals of <paramref name="trials"/>.</summary>
    public static DemoSummary Of(IReadOnlyCollection<DemoTrial> trials) =>
        new(trials.Count, trials.Count(t => t.CueFirst), trials.Count(t => t.Rewarded), trials.Count(t => t.Lost));
}

/// <summary>
/// The T-maze demo: an agent with <see cref="TMaze.CreateModel"/>'s model (policy length
/// <see cref="PolicyLength"/>) against a seeded <see cref="TMaze"/>. Each trial resets both, lets the agent
/// move twice, and shows what it perceives at the third step.
/// </summary>
internal sealed class TMazeDemo
{
    /// <summary>Steps per policy: two moves, so that "cue, then arm" is one plan.</summary>
    public const int PolicyLength = 2;

    /// <summary>Steps per trial: move, move, then perceive the outcome.</summary>
    public const int StepsPerTrial = 3;

    /// <summary>How many policies each step lists.</summary>
    public const int ShownPolicies = 3;

    private readonly Agent _agent;
    private readonly string _arrow;

    /// <summary>Creates the demo.</summary>
    /// <param name="seed">Seed of the environment (reward sides, outcomes) and of the agent.</param>
    /// <param name="unicode">Whether labels may use the arrow character.</param>
    public TMazeDemo(int seed, bool unicode = true)
    {
        Environment = new TMaze(seed);
        Model = TMaze.CreateModel(policyLength: PolicyLength);
        _agent = new Agent(Model, new AgentOptions { Seed = seed });
        _arrow = unicode ? " → " : " > ";
    }

    /// <summary>The environment.</summary>
    public TMaze Environment { get; }

    /// <summary>The agent's model.</summary>
    public GenerativeModel Model { get; }

    /// <summary>gamma, the agent's policy precision.</summary>
    public double PolicyPrecision => _agent.Options.PolicyPrecision;

    /// <summary>Runs one trial.</summary>
    /// <param name="number">Trial number, from 1.</param>
    public DemoTrial RunTrial(int number)
    {
        _agent.Reset();
        int[] observation = Environment.Reset();
        var context = Environment.Context;
        var steps = new List<DemoStep>(StepsPerTrial);
        for (int k = 1; k <= StepsPerTrial; k++)
        {
            bool last = k == StepsPerTrial;
            int[] action = _agent.Step(observation, last ? StepOperations.InferStates : StepOperations.PerceiveAndAct).ToArray();
            steps.Add(Describe(k, observation, last ? null : action));
            if (!last)
            {
                observation = Environment.Step(action);
            }
        }

        return new DemoTrial(number, context, steps);
    }

    private DemoStep Describe(int number, int[] observation, int[]? action)
    {
        double[] location = _agent.Posterior(TMaze.LocationFactor).ToArray();
        double[] context = _agent.Posterior(TMaze.ContextFactor).ToArray();
        string observed = Environment.DescribeObservation(observation);
        if (action is null)
        {
            return new DemoStep(number, observation, observed, location, context, [], null, null, null, null);
        }

        PolicyScore[] scores = Scores();
        PolicyScore[] top = [.. scores.OrderByDescending(s => s.Probability).ThenBy(s => s.Policy).Take(ShownPolicies)];
        var chosen = (TMazeLocation)action[TMaze.LocationFactor];
        (string reason, string? evidence) = Explain(scores, chosen, observation, context);
        return new DemoStep(
            number, observation, observed, location, context, top, chosen,
            Environment.DescribeAction(action), reason, evidence);
    }

    private PolicyScore[] Scores()
    {
        PolicySet policies = Model.Policies;
        ReadOnlySpan<double> q = _agent.PolicyPosterior;
        ReadOnlySpan<double> g = _agent.NegativeExpectedFreeEnergy;
        ReadOnlySpan<double> utility = _agent.ExpectedUtility;
        ReadOnlySpan<double> states = _agent.StateInformationGain;
        ReadOnlySpan<double> parameters = _agent.ParameterInformationGain;
        var scores = new PolicyScore[policies.Count];
        for (int p = 0; p < policies.Count; p++)
        {
            var moves = new string[policies.Length];
            for (int t = 0; t < policies.Length; t++)
            {
                moves[t] = Environment.ControlLabel(TMaze.LocationFactor, policies[p, t, TMaze.LocationFactor]);
            }

            scores[p] = new PolicyScore(p, string.Join(_arrow, moves), utility[p], states[p] + parameters[p], g[p], q[p]);
        }

        return scores;
    }

    // Compares the best plan that starts with the chosen move against the best plan that starts otherwise:
    // whichever part of G (utility or information gain) makes the larger difference is what decided.
    private (string Reason, string? Evidence) Explain(PolicyScore[] scores, TMazeLocation chosen, int[] observation, double[] context)
    {
        PolicySet policies = Model.Policies;
        PolicyScore? mine = null;
        PolicyScore? other = null;
        foreach (PolicyScore s in scores)
        {
            bool same = policies[s.Policy, 0, TMaze.LocationFactor] == (int)chosen;
            ref PolicyScore? best = ref same ? ref mine : ref other;
            if (best is null || s.Probability > best.Probability)
            {
                best = s;
            }
        }

        string gloss = Gloss(chosen, observation, context);
        if (mine is null || other is null)
        {
            return (gloss, null);
        }

        double du = mine.Utility - other.Utility;
        double di = mine.InformationGain - other.InformationGain;
        string evidence =
            $"best plan '{mine.Label}' vs best other first move '{other.Label}': "
            + $"utility {Rendering.Bars.Signed(du)}, info gain {Rendering.Bars.Signed(di)}";
        return di > du
            ? ($"information gain dominates: {gloss}", evidence)
            : ($"expected utility dominates: {gloss}", evidence);
    }

    private static string Gloss(TMazeLocation chosen, int[] observation, double[] context)
    {
        var here = (TMazeLocation)observation[TMaze.LocationModality];
        if (chosen == here)
        {
            return chosen is TMazeLocation.LeftArm or TMazeLocation.RightArm ? "staying to collect the reward" : "staying put";
        }

        switch (chosen)
        {
            case TMazeLocation.CueLocation:
                return "checking the cue";
            case TMazeLocation.LeftArm or TMazeLocation.RightArm:
                double p = context[chosen == TMazeLocation.LeftArm ? 0 : 1];
                return p >= 0.9
                    ? $"it believes the reward is there (p = {Rendering.Bars.Number(p)})"
                    : $"a gamble on this arm (p = {Rendering.Bars.Number(p)})";
            default:
                return "returning to the center";
        }
    }
}
