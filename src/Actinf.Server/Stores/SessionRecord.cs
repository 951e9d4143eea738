namespace Actinf.Server.Stores;

/// <summary>One stored session: its id, version, last update time, a small summary and the engine's exported state.</summary>
/// <param name="SessionId">The session id (primary key).</param>
/// <param name="Version">Monotonic version, 1 for a new session, +1 per acknowledged update (optimistic concurrency).</param>
/// <param name="UpdatedAt">When this version was written.</param>
/// <param name="UncertaintyLevel">The session's uncertainty level U in [0, 1] at this version (for listings and the pulse).</param>
/// <param name="Coherence">The session's coherence in [0, 1] at this version.</param>
/// <param name="State">
/// The UTF-8 bytes of the versioned JSON of <c>ActiveInferenceEngine.ExportSession</c>. A store copies them before
/// <see cref="ISessionStore.SaveAsync"/> completes, so the caller may reuse the buffer afterwards (the server saves
/// from pooled buffers: a session's JSON is about 130 KB, and a fresh string or array per save would be a
/// large-object-heap allocation).
/// </param>
public sealed record SessionRecord(Guid SessionId, long Version, DateTimeOffset UpdatedAt, float UncertaintyLevel, float Coherence, ReadOnlyMemory<byte> State);

/// <summary>A stored session without its state (what <see cref="ISessionStore.ListAsync"/> returns).</summary>
/// <param name="SessionId">The session id.</param>
/// <param name="Version">Its version.</param>
/// <param name="UpdatedAt">When that version was written.</param>
/// <param name="UncertaintyLevel">U in [0, 1].</param>
/// <param name="Coherence">Coherence in [0, 1].</param>
public sealed record SessionSummary(Guid SessionId, long Version, DateTimeOffset UpdatedAt, float UncertaintyLevel, float Coherence);
