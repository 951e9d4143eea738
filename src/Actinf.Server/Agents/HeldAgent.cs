using Actinf.Core.Agents;
using Actinf.Core.Io;
using Actinf.Core.Models;
using Actinf.Server.Stores;

namespace Actinf.Server.Agents;

/// <summary>
/// A discrete agent held by the server: the Core <see cref="Agent"/>, what it was built from, and the number of
/// acknowledged events it has applied (issue #6).
/// </summary>
/// <remarks>
/// <para>
/// Persistence is by replay: the store keeps the model document, the seed, the learning switches and every event
/// (observation and the action returned, or a reset); <see cref="Rebuild"/> builds a fresh agent and applies the
/// events in order. The agent's computation is deterministic (stochastic selection draws from a
/// <see cref="Random"/> seeded at construction), so the rebuilt agent is bit for bit the agent of the last reply:
/// beliefs, learned Dirichlet parameters, MMP window, random-number state and engine caches alike. Replayed steps
/// take the recorded action (<see cref="Agent.ImposeAction"/>, which still draws its random numbers), so the agent
/// stays consistent with what its client was told even if a later build were to choose differently.
/// </para>
/// <para>Not thread-safe: the <see cref="AgentRegistry"/> serialises the calls on one agent.</para>
/// </remarks>
internal sealed class HeldAgent
{
    private readonly double[][] _prior;
    private int _stepsSinceReset;

    private HeldAgent(Guid id, ModelDocument document, int seed, AgentLearning learning)
    {
        Id = id;
        Document = document;
        Seed = seed;
        Learning = learning;
        Agent = new Agent(document.Model, document.Options with { Seed = seed });
        GenerativeModel model = document.Model;
        _prior = new double[model.NumFactors][];
        for (int f = 0; f < _prior.Length; f++)
        {
            _prior[f] = new double[model.NumStates[f]];
        }

        UncertaintyLevel = 1f;
        Coherence = 1f;
    }

    /// <summary>The agent's id.</summary>
    public Guid Id { get; }

    /// <summary>The model document (effective settings).</summary>
    public ModelDocument Document { get; }

    /// <summary>Seed of stochastic action selection.</summary>
    public int Seed { get; }

    /// <summary>Learning switches.</summary>
    public AgentLearning Learning { get; }

    /// <summary>The Core agent.</summary>
    public Agent Agent { get; }

    /// <summary>Events applied (= events stored once the last one is acknowledged).</summary>
    public long EventCount { get; private set; }

    /// <summary>Steps taken over the agent's life (resets do not clear it).</summary>
    public long TotalSteps { get; private set; }

    /// <summary>Pulse entropy: mean over factors of H(q(s_f)) / ln(N_f), in [0, 1].</summary>
    public float UncertaintyLevel { get; private set; }

    /// <summary>Pulse coherence: exp(-surprise / M) of the last observation, in [0, 1]; 1 before any observation.</summary>
    public float Coherence { get; private set; }

    /// <summary>Surprise of the last observation, <c>-Σ_m ln p(o_m)</c> under the prior predictive (nats); 0 before any.</summary>
    public double Surprise { get; private set; }

    /// <summary>Whether a policy posterior exists (a step has run since creation or the last reset).</summary>
    public bool HasPolicyPosterior => _stepsSinceReset > 0;

    /// <summary>The last observation (null before any step since the last reset).</summary>
    public int[]? LastObservation { get; private set; }

    /// <summary>Builds a new agent (no events) from a validated document.</summary>
    /// <param name="id">The new id.</param>
    /// <param name="document">The document.</param>
    /// <param name="seed">Seed of stochastic selection.</param>
    /// <param name="learning">Learning switches (checked against the model by the caller).</param>
    /// <returns>The agent.</returns>
    /// <exception cref="ArgumentException">The Core agent rejects the model or options.</exception>
    public static HeldAgent Create(Guid id, ModelDocument document, int seed, AgentLearning learning)
    {
        var held = new HeldAgent(id, document, seed, learning);
        held.UncertaintyLevel = held.ComputeUncertainty();
        return held;
    }

    /// <summary>Rebuilds a stored agent by replaying its events.</summary>
    /// <param name="record">The stored agent.</param>
    /// <returns>The agent as the last acknowledged event left it.</returns>
    /// <exception cref="InvalidDataException">The stored document or an event does not fit (a damaged store).</exception>
    public static HeldAgent Rebuild(AgentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ModelDocument document;
        try
        {
            document = ModelJson.Read(record.Document, $"stored agent {record.AgentId}");
        }
        catch (ModelValidationException e)
        {
            throw new InvalidDataException(e.Message, e);
        }

        HeldAgent held = Create(record.AgentId, document, record.Seed, record.Learning);
        foreach (AgentEvent e in record.Events)
        {
            try
            {
                if (e.Kind == AgentEventKind.Reset)
                {
                    held.Reset();
                }
                else
                {
                    held.Step(e.Observation!, e.Action);
                }
            }
            catch (ArgumentException error)
            {
                throw new InvalidDataException($"Stored agent {record.AgentId}: event {held.EventCount} cannot be replayed: {error.Message}", error);
            }
        }

        return held;
    }

    /// <summary>
    /// One perception-action step: state inference on <paramref name="observation"/>, the switched-on learning
    /// updates (pA, then pB once an action exists), policy inference, and action selection.
    /// </summary>
    /// <param name="observation">One outcome index per modality (checked by the caller).</param>
    /// <param name="imposed">Replay: the recorded action to take; null chooses one.</param>
    /// <returns>The event to store (the observation and the action taken).</returns>
    public AgentEvent Step(int[] observation, int[]? imposed = null)
    {
        ArgumentNullException.ThrowIfNull(observation);
        double logEvidence = LogPriorPredictive(observation);
        Agent.InferStates(observation);
        if ((Learning & AgentLearning.Likelihood) != 0)
        {
            Agent.UpdateLikelihood(observation);
        }

        if ((Learning & AgentLearning.Transitions) != 0 && Agent.HasAction)
        {
            Agent.UpdateTransitions();
        }

        Agent.InferPolicies();
        int[] action;
        if (imposed is null)
        {
            action = Agent.SampleAction().ToArray();
        }
        else
        {
            Agent.ImposeAction(imposed);
            action = imposed;
        }

        _stepsSinceReset++;
        TotalSteps++;
        EventCount++;
        LastObservation = observation;
        Surprise = -logEvidence;
        Coherence = (float)Math.Clamp(Math.Exp(logEvidence / observation.Length), 0, 1);
        UncertaintyLevel = ComputeUncertainty();
        return AgentEvent.Step(observation, action);
    }

    /// <summary>
    /// Ends an episode: with <see cref="AgentLearning.InitialState"/> (and a step since the last reset), pD learns
    /// from the episode's first posterior (pymdp update_D); then beliefs and time are reset, learning kept.
    /// </summary>
    /// <returns>The reset event.</returns>
    public AgentEvent Reset()
    {
        if ((Learning & AgentLearning.InitialState) != 0 && _stepsSinceReset > 0)
        {
            Agent.UpdateInitialStatePrior();
        }

        Agent.Reset();
        _stepsSinceReset = 0;
        EventCount++;
        LastObservation = null;
        Surprise = 0;
        Coherence = 1f;
        UncertaintyLevel = ComputeUncertainty();
        return AgentEvent.Reset;
    }

    /// <summary>
    /// <c>Σ_m ln p(o_m)</c> with <c>p(o_m) = Σ_s A[m][o_m, s] Π_f prior_f(s_f)</c>, the prior being D before the
    /// first action and <c>B_f[:, :, a_f] · q(s_f)</c> after it (FPI's prior; for MMP the same formula on the
    /// policy-averaged belief). Each term is floored at ln(1e-16), pymdp's log epsilon.
    /// </summary>
    private double LogPriorPredictive(int[] observation)
    {
        GenerativeModel model = Document.Model;
        int factors = model.NumFactors;
        for (int f = 0; f < factors; f++)
        {
            double[] prior = _prior[f];
            if (!Agent.HasAction)
            {
                Agent.InitialStatePrior(f).CopyTo(prior);
                continue;
            }

            int ns = prior.Length;
            int nc = model.NumControls[f];
            int u = Agent.Action[f];
            double[] b = Agent.Transitions(f);
            ReadOnlySpan<double> q = Agent.Posterior(f);
            for (int next = 0; next < ns; next++)
            {
                double sum = 0;
                for (int s = 0; s < ns; s++)
                {
                    sum += b[(((next * ns) + s) * nc) + u] * q[s];
                }

                prior[next] = sum;
            }
        }

        int joint = model.NumJointStates;
        double logEvidence = 0;
        for (int m = 0; m < observation.Length; m++)
        {
            ReadOnlySpan<double> row = Agent.Likelihood(m).Slice(observation[m] * joint, joint);
            double p = 0;
            for (int s = 0; s < joint; s++)
            {
                // Joint index s is row-major over factors (factor 0 most significant), as A's trailing axes.
                double weight = 1;
                int rest = s;
                for (int f = factors - 1; f >= 0; f--)
                {
                    int n = _prior[f].Length;
                    weight *= _prior[f][rest % n];
                    rest /= n;
                }

                p += row[s] * weight;
            }

            logEvidence += Math.Log(p + 1e-16);
        }

        return logEvidence;
    }

    private float ComputeUncertainty()
    {
        int factors = Document.Model.NumFactors;
        double total = 0;
        for (int f = 0; f < factors; f++)
        {
            ReadOnlySpan<double> q = Agent.Posterior(f);
            double h = 0;
            foreach (double p in q)
            {
                if (p > 0)
                {
                    h -= p * Math.Log(p);
                }
            }

            total += h / Math.Log(q.Length);
        }

        return (float)Math.Clamp(total / factors, 0, 1);
    }
}
