namespace Actinf.Server.Stores;

/// <summary>What an <see cref="AgentEvent"/> did to a discrete agent.</summary>
public enum AgentEventKind
{
    /// <summary>One observation was processed and an action taken (<c>agent_step</c>).</summary>
    Step,

    /// <summary>The agent's beliefs and time were reset (<c>agent_reset</c>); learned parameters were kept.</summary>
    Reset,
}

/// <summary>One acknowledged change of a discrete agent, as the agent store keeps it (issue #6).</summary>
/// <param name="Kind">Step or reset.</param>
/// <param name="Observation">Step: one outcome index per modality; reset: null.</param>
/// <param name="Action">Step: the action taken, one control state per factor (as returned to the client); reset: null.</param>
public sealed record AgentEvent(AgentEventKind Kind, int[]? Observation, int[]? Action)
{
    /// <summary>The reset event.</summary>
    public static AgentEvent Reset { get; } = new(AgentEventKind.Reset, null, null);

    /// <summary>A step event.</summary>
    /// <param name="observation">One outcome index per modality.</param>
    /// <param name="action">The action taken, one control state per factor.</param>
    /// <returns>The event.</returns>
    public static AgentEvent Step(int[] observation, int[] action) => new(AgentEventKind.Step, observation, action);
}

/// <summary>Learning switches of a stored agent (which Dirichlet concentrations its steps update).</summary>
[Flags]
public enum AgentLearning
{
    /// <summary>No learning.</summary>
    None = 0,

    /// <summary>pA: every step updates the likelihood concentrations (pymdp update_A).</summary>
    Likelihood = 1,

    /// <summary>pB: every step after the first updates the transition concentrations (pymdp update_B).</summary>
    Transitions = 2,

    /// <summary>pD: each <c>agent_reset</c> (end of an episode) updates the initial-state concentrations (pymdp update_D).</summary>
    InitialState = 4,
}

/// <summary>
/// A stored discrete agent: how to build it (model document, seed, learning switches) and every acknowledged
/// event since its creation, in order. Replaying the events on a freshly built agent gives the agent exactly as
/// the last reply left it (issue #6; docs/server.md says why replay rather than a state snapshot).
/// </summary>
/// <param name="AgentId">The agent's id.</param>
/// <param name="Document">The actinf-model/1 document with the effective settings (as written by <c>ModelJson.Write</c>).</param>
/// <param name="Seed">Seed of stochastic action selection (not part of the document format).</param>
/// <param name="Learning">Learning switches.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="UpdatedAt">Time of the last event (UTC).</param>
/// <param name="UncertaintyLevel">Pulse entropy after the last event, in [0, 1].</param>
/// <param name="Coherence">Pulse coherence after the last event, in [0, 1].</param>
/// <param name="Events">The events in order (empty for a new agent).</param>
public sealed record AgentRecord(
    Guid AgentId,
    string Document,
    int Seed,
    AgentLearning Learning,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    float UncertaintyLevel,
    float Coherence,
    IReadOnlyList<AgentEvent> Events);
