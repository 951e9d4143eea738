using Actinf.Epistemic.Sessions;

namespace Actinf.Server.Stores;

/// <summary>One stored session: its id, version, last update time, a small summary and the engine's exported state, in parts.</summary>
/// <param name="SessionId">The session id (primary key).</param>
/// <param name="Version">Monotonic version, 1 for a new session, +1 per acknowledged update (optimistic concurrency).</param>
/// <param name="UpdatedAt">When this version was written.</param>
/// <param name="UncertaintyLevel">The session's uncertainty level U in [0, 1] at this version (for listings and the pulse).</param>
/// <param name="Coherence">The session's coherence in [0, 1] at this version.</param>
/// <param name="Parts">
/// The state in parts (<see cref="SessionPartState"/>). On a save: the parts this version changed, each a single
/// part (<see cref="SessionStateParts.Beliefs"/>, <see cref="SessionStateParts.Goals"/> or
/// <see cref="SessionStateParts.Actions"/>), at most once; the parts not given keep their stored bytes. A new
/// session (expected version 0) gives all three. On a load: the three parts, or, for a session last saved whole by
/// an earlier version of the server, one part <see cref="SessionStateParts.All"/> holding the whole document
/// (whose next save must then give all three parts).
/// </param>
public sealed record SessionRecord(Guid SessionId, long Version, DateTimeOffset UpdatedAt, float UncertaintyLevel, float Coherence, IReadOnlyList<SessionPartState> Parts)
{
    /// <summary>Whether the three single parts are all given (what a new session, or the first save after a whole-document load, needs).</summary>
    public bool HasEveryPart
    {
        get
        {
            SessionStateParts given = SessionStateParts.None;
            foreach (SessionPartState p in Parts)
            {
                given |= p.Part;
            }

            return given == SessionStateParts.All;
        }
    }

    /// <summary>The bytes of one part (<see cref="ReadOnlyMemory{T}.Empty"/> when the record does not hold it).</summary>
    /// <param name="part">The part.</param>
    /// <returns>Its UTF-8 JSON.</returns>
    public ReadOnlyMemory<byte> StateOf(SessionStateParts part)
    {
        foreach (SessionPartState p in Parts)
        {
            if (p.Part == part)
            {
                return p.State;
            }
        }

        return ReadOnlyMemory<byte>.Empty;
    }
}

/// <summary>One part of a stored session's state.</summary>
/// <param name="Part">Which part (one of Beliefs, Goals, Actions; All for a whole document written by an earlier version).</param>
/// <param name="State">
/// The UTF-8 bytes of the part's versioned JSON (<c>ActiveInferenceEngine.ExportSessionPart</c>). A store copies them
/// before <see cref="ISessionStore.SaveAsync"/> completes, so the caller may reuse the buffer afterwards (the server
/// saves from pooled buffers: the beliefs part is about 120 KB, and a fresh array per save would be a
/// large-object-heap allocation).
/// </param>
public readonly record struct SessionPartState(SessionStateParts Part, ReadOnlyMemory<byte> State);

/// <summary>A stored session without its state (what <see cref="ISessionStore.ListAsync"/> returns).</summary>
/// <param name="SessionId">The session id.</param>
/// <param name="Version">Its version.</param>
/// <param name="UpdatedAt">When that version was written.</param>
/// <param name="UncertaintyLevel">U in [0, 1].</param>
/// <param name="Coherence">Coherence in [0, 1].</param>
public sealed record SessionSummary(Guid SessionId, long Version, DateTimeOffset UpdatedAt, float UncertaintyLevel, float Coherence);
