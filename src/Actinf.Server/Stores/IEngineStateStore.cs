using Actinf.Epistemic.State;

namespace Actinf.Server.Stores;

/// <summary>
/// Durable storage of the engine-level learned state that all sessions share (issue #4): the generative model's
/// weights and the feedback statistics, one record per part, each overwritten by its latest save.
/// </summary>
/// <remarks>
/// Contract: a save that returns is durable (it survives a killed process and, with <see cref="SqliteEngineStateStore"/>,
/// an OS crash or power loss); a save that throws leaves the previous record. The parts are stored separately because
/// they are saved on different schedules (docs/server.md, "Engine-level learned state"). Implementations are thread-safe.
/// </remarks>
public interface IEngineStateStore
{
    /// <summary>Loads the last saved record of a part.</summary>
    /// <param name="part">Exactly one of <see cref="EngineStateParts.ModelWeights"/> and <see cref="EngineStateParts.FeedbackStatistics"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or null when the part was never saved.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="part"/> is not a single part.</exception>
    Task<EngineStateRecord?> LoadAsync(EngineStateParts part, CancellationToken cancellationToken = default);

    /// <summary>Saves a part, durably, replacing its previous record.</summary>
    /// <param name="record">The record (its <see cref="EngineStateRecord.Part"/> a single part).</param>
    /// <param name="cancellationToken">Cancels the write before it starts.</param>
    /// <exception cref="ArgumentOutOfRangeException">The record's part is not a single part.</exception>
    Task SaveAsync(EngineStateRecord record, CancellationToken cancellationToken = default);
}
