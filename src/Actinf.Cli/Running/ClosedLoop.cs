using Actinf.Core.Agents;
using Actinf.Core.Environments;
using Actinf.Core.Io;
using Actinf.Core.Models;

namespace Actinf.Cli.Running;

/// <summary>One step of a closed-loop run: what the environment emitted and what the agent made of it.</summary>
/// <param name="Time">t, from 0.</param>
/// <param name="Observation">The observation at t (one outcome per modality).</param>
/// <param name="State">The environment's true hidden state when it emitted the observation.</param>
/// <param name="Action">The action the agent took (one control state per factor).</param>
/// <param name="Posterior">Posterior per factor after the observation.</param>
/// <param name="PolicyPosterior">q(pi).</param>
/// <param name="NegativeExpectedFreeEnergy">G per policy (larger is better).</param>
internal sealed record LoopStep(
    int Time,
    int[] Observation,
    int[] State,
    int[] Action,
    double[][] Posterior,
    double[] PolicyPosterior,
    double[] NegativeExpectedFreeEnergy);

/// <summary>
/// An agent and a generative process in closed loop: observe, infer states and policies, act, and let the
/// environment move. The first step observes the environment's <see cref="IGenerativeProcess.Reset"/>.
/// </summary>
internal sealed class ClosedLoop
{
    private readonly Agent _agent;
    private int[]? _pending;

    /// <summary>Creates the loop.</summary>
    /// <param name="model">The agent's model (checked against the environment first).</param>
    /// <param name="options">The agent's options.</param>
    /// <param name="environment">The environment.</param>
    /// <exception cref="IncompatibleModelException">The model does not fit the environment.</exception>
    public ClosedLoop(GenerativeModel model, AgentOptions options, IGenerativeProcess environment)
    {
        GenerativeProcessCompatibility.EnsureCompatible(model, environment);
        Environment = environment;
        _agent = new Agent(model, options);
    }

    /// <summary>The environment.</summary>
    public IGenerativeProcess Environment { get; }

    /// <summary>The agent's generative model.</summary>
    public GenerativeModel Model => _agent.Model;

    /// <summary>Runs one step and returns what happened.</summary>
    public LoopStep Step()
    {
        int[] observation = _pending ?? Environment.Reset();
        int[] state = Environment.State.ToArray();
        int time = _agent.Time;
        int[] action = _agent.Step(observation).ToArray();
        var posterior = new double[Model.NumFactors][];
        for (int f = 0; f < posterior.Length; f++)
        {
            posterior[f] = _agent.Posterior(f).ToArray();
        }

        var step = new LoopStep(
            time,
            observation,
            state,
            action,
            posterior,
            _agent.PolicyPosterior.ToArray(),
            _agent.NegativeExpectedFreeEnergy.ToArray());
        _pending = Environment.Step(action);
        return step;
    }

    /// <summary>Agent options of a model file with another seed (the format carries no seed).</summary>
    public static AgentOptions WithSeed(AgentOptions o, int seed) => o with { Seed = seed };

    /// <summary>Creates the environment named <paramref name="name"/> for a model document.</summary>
    /// <param name="name"><c>tmaze</c>, <c>grid</c>, or <c>auto</c> (the first of these the model fits).</param>
    /// <param name="document">The model file.</param>
    /// <param name="seed">Seed of the environment.</param>
    /// <exception cref="IncompatibleModelException">The model does not fit the environment (or, for auto, any).</exception>
    public static IGenerativeProcess CreateEnvironment(string name, ModelDocument document, int seed)
    {
        GenerativeModel model = document.Model;
        switch (name)
        {
            case "tmaze":
                var maze = new TMaze(seed);
                GenerativeProcessCompatibility.EnsureCompatible(model, maze);
                return maze;
            case "grid":
                return GridWorld.ForModel(model, seed);
            default:
                var auto = new TMaze(seed);
                if (GenerativeProcessCompatibility.IsCompatible(model, auto, out string? mazeProblem))
                {
                    return auto;
                }

                try
                {
                    return GridWorld.ForModel(model, seed);
                }
                catch (IncompatibleModelException gridProblem)
                {
                    throw new IncompatibleModelException(
                        $"No environment fits the model:{System.Environment.NewLine}{mazeProblem}{System.Environment.NewLine}{gridProblem.Message}",
                        gridProblem);
                }
        }
    }
}
