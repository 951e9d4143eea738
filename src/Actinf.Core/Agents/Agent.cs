using Actinf.Core.Models;
using Actinf.Core.Tensors;

namespace Actinf.Core.Agents;

/// <summary>
/// A discrete active inference agent: state inference, policy inference by expected free energy, action
/// selection and Dirichlet learning, numerically equal to pymdp 0.0.7.1's <c>Agent</c>.
/// </summary>
/// <remarks>
/// <para>The agent copies the model's arrays into a workspace allocated once; learning changes the copy,
/// never the <see cref="GenerativeModel"/>. In steady state no operation allocates.</para>
/// <para>Sign convention: <see cref="NegativeExpectedFreeEnergy"/> is pymdp's <c>G</c>, the <em>negative</em>
/// expected free energy (larger is better); <c>q(pi) = softmax(gamma·G + ln E)</c> (FPI) or
/// <c>softmax(gamma·G - F + ln E)</c> (MMP).</para>
/// <para>Not thread-safe: one agent is driven by one thread at a time.</para>
/// </remarks>
public sealed partial class Agent
{
    /// <summary>Creates an agent for a model.</summary>
    /// <param name="model">The generative model (validated at construction).</param>
    /// <param name="options">Options; null means <see cref="AgentOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range for this model.</exception>
    public Agent(GenerativeModel model, AgentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= AgentOptions.Default;
        options.Validate(model.NumModalities, model.NumFactors);
        Model = model;
        Options = options;
        _w = new Workspace(model, options);
        Reset();
    }

    private readonly Workspace _w;

    /// <summary>The model the agent was built from (its initial parameters).</summary>
    public GenerativeModel Model { get; }

    /// <summary>The agent's options.</summary>
    public AgentOptions Options { get; }

    /// <summary>t: number of actions taken since construction or <see cref="Reset"/>.</summary>
    public int Time => _w.Time;

    /// <summary>Whether an action has been taken (and <see cref="Action"/> is defined).</summary>
    public bool HasAction => _w.HasAction;

    /// <summary>The last action, one control state per factor (length F). Meaningful when <see cref="HasAction"/>.</summary>
    public ReadOnlySpan<int> Action => _w.Action;

    /// <summary>The last steps' beliefs and actions, or null when <see cref="AgentOptions.HistoryCapacity"/> is 0.</summary>
    public BeliefHistory? History => _w.History;

    /// <summary>Work done and saved by the engine's shortcuts since construction.</summary>
    public ComputeCounters Counters => _w.Counters;

    /// <summary>P, number of policies.</summary>
    public int NumPolicies => _w.NumPolicies;

    /// <summary>Runs <paramref name="operations"/> on one observation, in the order of <see cref="StepOperations"/>.</summary>
    /// <param name="observation">One outcome index per modality (length M).</param>
    /// <param name="operations">What to run; default perception, planning and action.</param>
    /// <returns>The action taken (length F; valid until the next call), or an empty span when the step takes none.</returns>
    /// <exception cref="ArgumentException">The observation has the wrong length or an outcome is out of range.</exception>
    /// <exception cref="InvalidOperationException">A learning operation is asked for but the model has no concentrations for it.</exception>
    public ReadOnlySpan<int> Step(ReadOnlySpan<int> observation, StepOperations operations = StepOperations.PerceiveAndAct)
    {
        if ((operations & StepOperations.InferStates) != 0)
        {
            InferStates(observation);
        }

        if ((operations & StepOperations.UpdateLikelihood) != 0)
        {
            UpdateLikelihood(observation);
        }

        if ((operations & StepOperations.UpdateTransitions) != 0 && HasAction)
        {
            UpdateTransitions();
        }

        if ((operations & StepOperations.UpdateInitialStatePrior) != 0)
        {
            UpdateInitialStatePrior();
        }

        if ((operations & StepOperations.InferPolicies) != 0)
        {
            InferPolicies();
        }

        return (operations & StepOperations.SampleAction) != 0 ? SampleAction() : [];
    }

    /// <summary>
    /// Forgets beliefs and time: the posterior becomes uniform, t = 0, the MMP history and window prior
    /// are cleared, <see cref="History"/> is emptied, and the next state inference uses D as its prior.
    /// Learned parameters are kept.
    /// </summary>
    /// <remarks>Unlike pymdp's <c>reset()</c>, the last action is forgotten too, so that the first
    /// inference of an episode uses D.</remarks>
    public void Reset() => _w.Reset();

    /// <summary>Sets the current factorised posterior directly (flat over factors); for reference tests of policy inference.</summary>
    internal void SetPosterior(ReadOnlySpan<double> flat) => _w.SetPosterior(flat);
}
