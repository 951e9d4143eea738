namespace Actinf.Server.Stores;

/// <summary>
/// Durable storage of discrete agents (<c>agent_create</c>, <c>agent_step</c>): the model document, the settings
/// not in the document, and an append-only log of events (issue #6).
/// </summary>
/// <remarks>
/// Every method that returns has made its change durable. Appends are compare-and-swap on the number of events,
/// so two writers can never both append event n.
/// </remarks>
public interface IAgentStore
{
    /// <summary>Stores a new agent (its <see cref="AgentRecord.Events"/> must be empty).</summary>
    /// <param name="record">The agent.</param>
    /// <param name="cancellationToken">Cancels before the write starts.</param>
    /// <exception cref="ArgumentException">The record has events.</exception>
    /// <exception cref="SessionStoreConflictException">An agent with that id exists.</exception>
    Task CreateAsync(AgentRecord record, CancellationToken cancellationToken = default);

    /// <summary>Loads an agent with all its events.</summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or null when no such agent is stored.</returns>
    Task<AgentRecord?> LoadAsync(Guid agentId, CancellationToken cancellationToken = default);

    /// <summary>Appends event number <paramref name="expectedCount"/> (0-based) and the pulse after it, in one transaction.</summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="expectedCount">Events stored before this one.</param>
    /// <param name="agentEvent">The event.</param>
    /// <param name="updatedAt">Time of the event (UTC).</param>
    /// <param name="uncertaintyLevel">Pulse entropy after the event.</param>
    /// <param name="coherence">Pulse coherence after the event.</param>
    /// <param name="cancellationToken">Cancels before the write starts.</param>
    /// <exception cref="SessionStoreConflictException">The agent is gone or has another number of events.</exception>
    Task AppendAsync(Guid agentId, long expectedCount, AgentEvent agentEvent, DateTimeOffset updatedAt, float uncertaintyLevel, float coherence, CancellationToken cancellationToken = default);

    /// <summary>Deletes an agent and its events.</summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="cancellationToken">Cancels before the delete starts.</param>
    /// <returns>Whether an agent was deleted.</returns>
    Task<bool> DeleteAsync(Guid agentId, CancellationToken cancellationToken = default);
}
