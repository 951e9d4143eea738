using System.ComponentModel;

namespace Actinf.Server.Contracts;

/// <summary>A hidden-state factor of a discrete agent's model.</summary>
/// <param name="Index">Factor index f (0-based; the position in posterior, action and policies).</param>
/// <param name="States">Number of states N_f.</param>
/// <param name="Controls">Number of control states (actions) of the factor; 1 = not controlled.</param>
public sealed record AgentFactor(
    [property: Description("Factor index f: the position of this factor in posterior, action and policies.")] int Index,
    [property: Description("Number of hidden states of the factor.")] int States,
    [property: Description("Number of actions (control states) of the factor; 1 means the agent cannot act on it.")] int Controls);

/// <summary>An observation modality of a discrete agent's model.</summary>
/// <param name="Index">Modality index m (0-based; the position in an observation).</param>
/// <param name="Outcomes">Number of outcomes; an observation of this modality is an index in [0, outcomes - 1].</param>
public sealed record AgentModality(
    [property: Description("Modality index m: the position of this modality in an observation.")] int Index,
    [property: Description("Number of outcomes; observation[m] must be in [0, outcomes - 1].")] int Outcomes);

/// <summary>The effective settings of a discrete agent (the model's settings with the overrides of <c>agent_create</c>).</summary>
/// <param name="InferenceAlgo">VANILLA (fixed-point iteration) or MMP (marginal message passing).</param>
/// <param name="PolicyLen">Steps per policy T.</param>
/// <param name="InferenceHorizon">MMP window H (observations).</param>
/// <param name="NumIter">Inference iterations.</param>
/// <param name="Gamma">Policy precision.</param>
/// <param name="Alpha">Action precision (stochastic selection).</param>
/// <param name="ActionSelection">deterministic or stochastic.</param>
/// <param name="SamplingMode">marginal or full.</param>
/// <param name="UseUtility">Expected utility in G.</param>
/// <param name="UseStatesInfoGain">State information gain in G.</param>
/// <param name="UseParamInfoGain">Parameter information gain in G.</param>
/// <param name="Seed">Seed of stochastic selection.</param>
/// <param name="LearnA">pA learned every step.</param>
/// <param name="LearnB">pB learned every step after the first.</param>
/// <param name="LearnD">pD learned at each agent_reset.</param>
public sealed record AgentSettings(
    [property: Description("State inference: VANILLA (fixed-point iteration on the current observation) or MMP (marginal message passing over a window).")] string InferenceAlgo,
    [property: Description("Steps per policy (planning horizon).")] int PolicyLen,
    [property: Description("MMP: observations in the inference window.")] int InferenceHorizon,
    [property: Description("Iterations of state inference.")] int NumIter,
    [property: Description("Policy precision: q_pi = softmax(gamma * g + ln E).")] double Gamma,
    [property: Description("Action precision of stochastic selection.")] double Alpha,
    [property: Description("deterministic (most probable action) or stochastic (sampled).")] string ActionSelection,
    [property: Description("marginal (per-factor marginal of first actions) or full (a whole policy is picked).")] string SamplingMode,
    bool UseUtility,
    bool UseStatesInfoGain,
    bool UseParamInfoGain,
    [property: Description("Seed of stochastic action selection.")] int Seed,
    [property: Description("Likelihood concentrations pA are learned every step.")] bool LearnA,
    [property: Description("Transition concentrations pB are learned every step after the first.")] bool LearnB,
    [property: Description("Initial-state concentrations pD are learned at each agent_reset.")] bool LearnD);

/// <summary>Response of <c>agent_create</c>.</summary>
/// <param name="AgentId">The new agent's id.</param>
/// <param name="Name">The model's name.</param>
/// <param name="Factors">Hidden-state factors.</param>
/// <param name="Modalities">Observation modalities.</param>
/// <param name="PolicyCount">Number of policies P (length of q_pi and g).</param>
/// <param name="PolicyLength">Steps per policy T.</param>
/// <param name="Policies">policies[p][t][f] = action of factor f at step t of policy p; null when P·T·F exceeds 10,000.</param>
/// <param name="Settings">Effective settings.</param>
/// <param name="Pulse">The cognitive pulse.</param>
/// <param name="LatencyMs">Server time for the call, durable save included (ms).</param>
public sealed record AgentCreated(
    [property: Description("Id of the new agent; pass it as agent_id to agent_step, agent_get, agent_reset and agent_delete.")] Guid AgentId,
    string Name,
    [property: Description("Hidden-state factors, in index order.")] IReadOnlyList<AgentFactor> Factors,
    [property: Description("Observation modalities, in index order; an observation gives one outcome index per modality.")] IReadOnlyList<AgentModality> Modalities,
    [property: Description("Number of policies P: the length of q_pi and g in agent_step.")] int PolicyCount,
    [property: Description("Steps per policy T.")] int PolicyLength,
    [property: Description("policies[p][t][f] = action of factor f at step t of policy p (null when P*T*F > 10000).")] int[][][]? Policies,
    AgentSettings Settings,
    Pulse Pulse,
    [property: Description("Server time for the call in milliseconds, the durable save included.")] double LatencyMs);

/// <summary>Response of <c>agent_step</c>.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="TimeStep">Index of this step within the episode (0 for the first observation after create or reset).</param>
/// <param name="Observation">The observation processed.</param>
/// <param name="Posterior">Posterior over states per factor, <c>posterior[f][s]</c> (each sums to 1).</param>
/// <param name="QPi">Policy posterior q(pi) (length P, sums to 1).</param>
/// <param name="G">Negative expected free energy per policy (nats; larger is better).</param>
/// <param name="Action">The action taken, one control state per factor.</param>
/// <param name="ActionMarginals">Probability of each action per factor under q(pi).</param>
/// <param name="Surprise">−Σ_m ln p(o_m) under the prior predictive (nats).</param>
/// <param name="TotalSteps">Steps over the agent's life.</param>
/// <param name="Pulse">The cognitive pulse.</param>
/// <param name="LatencyMs">Server time for the call, durable save included (ms).</param>
public sealed record AgentStepped(
    Guid AgentId,
    [property: Description("Index of this step in the episode: 0 for the first observation after agent_create or agent_reset.")] int TimeStep,
    [property: Description("The observation processed (one outcome index per modality).")] int[] Observation,
    [property: Description("Posterior over hidden states per factor after the observation: posterior[f][s], each row sums to 1.")] double[][] Posterior,
    [property: Description("Policy posterior q(pi) over the P policies (sums to 1): q_pi = softmax(gamma * g + ln E), minus MMP's free energy F.")] double[] QPi,
    [property: Description("g[p]: NEGATIVE expected free energy of policy p in nats (pymdp's G; larger is better): expected utility + expected information gain.")] double[] G,
    [property: Description("The action the agent takes now: one control-state index per factor (0 for factors it cannot control). Apply it to the environment and pass the next observation to agent_step.")] int[] Action,
    [property: Description("action_marginals[f][u]: probability of action u of factor f under q_pi (the distribution the action was chosen from).")] double[][] ActionMarginals,
    [property: Description("Surprise of the observation, -sum over modalities of ln p(o_m) under the agent's prediction before it (nats; 0 = fully expected).")] double Surprise,
    [property: Description("Steps taken over the agent's whole life (agent_reset does not clear it).")] long TotalSteps,
    Pulse Pulse,
    [property: Description("Server time for the call in milliseconds, the durable save included.")] double LatencyMs);

/// <summary>Response of <c>agent_get</c>.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Name">The model's name.</param>
/// <param name="TimeStep">Steps taken in the current episode (the time_step the next agent_step will have).</param>
/// <param name="TotalSteps">Steps over the agent's life.</param>
/// <param name="Factors">Hidden-state factors.</param>
/// <param name="Modalities">Observation modalities.</param>
/// <param name="PolicyCount">Number of policies P.</param>
/// <param name="Settings">Effective settings.</param>
/// <param name="Posterior">Current posterior per factor (uniform before the first step).</param>
/// <param name="QPi">Last policy posterior, or null before the first step of the episode.</param>
/// <param name="G">Last negative expected free energy per policy, or null.</param>
/// <param name="LastObservation">Last observation of the episode, or null.</param>
/// <param name="LastAction">Last action taken, or null.</param>
/// <param name="Pulse">The cognitive pulse.</param>
public sealed record AgentDetails(
    Guid AgentId,
    string Name,
    [property: Description("Steps taken in the current episode: the time_step the next agent_step will report.")] int TimeStep,
    [property: Description("Steps taken over the agent's whole life.")] long TotalSteps,
    IReadOnlyList<AgentFactor> Factors,
    IReadOnlyList<AgentModality> Modalities,
    int PolicyCount,
    AgentSettings Settings,
    [property: Description("Current posterior over hidden states per factor, posterior[f][s] (uniform before the first step).")] double[][] Posterior,
    [property: Description("Policy posterior of the last step; null before the first step of the episode.")] double[]? QPi,
    [property: Description("Negative expected free energy per policy of the last step (nats; larger is better); null before the first step.")] double[]? G,
    int[]? LastObservation,
    int[]? LastAction,
    Pulse Pulse);

/// <summary>Response of <c>agent_reset</c>.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="TimeStep">0.</param>
/// <param name="TotalSteps">Steps over the agent's life.</param>
/// <param name="Posterior">The posterior after the reset (uniform).</param>
/// <param name="Pulse">The cognitive pulse.</param>
public sealed record AgentReset(
    Guid AgentId,
    [property: Description("0: the next agent_step starts a new episode (its prior is the initial-state prior D).")] int TimeStep,
    long TotalSteps,
    double[][] Posterior,
    Pulse Pulse);

/// <summary>Response of <c>agent_delete</c>.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Deleted">True.</param>
/// <param name="Pulse">The pulse the agent had after its last event.</param>
public sealed record AgentDeleted(Guid AgentId, bool Deleted, Pulse Pulse);
