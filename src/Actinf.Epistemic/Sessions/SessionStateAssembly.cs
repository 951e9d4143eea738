using Actinf.Epistemic.Errors;

namespace Actinf.Epistemic.Sessions;

/// <summary>
/// Splits a whole <see cref="SessionState"/> into its part documents (<see cref="SessionStateParts"/>) and puts
/// three part documents together again.
/// </summary>
/// <remarks>
/// The last update of a merged session is the latest of its parts': the engine only moves a session's last update
/// forward, so the part written last carries the session's value.
/// </remarks>
public static class SessionStateAssembly
{
    /// <summary>The three single parts, in the order <see cref="Merge"/> takes them.</summary>
    public static IReadOnlyList<SessionStateParts> SingleParts { get; } = [SessionStateParts.Beliefs, SessionStateParts.Goals, SessionStateParts.Actions];

    /// <summary>One part of a whole state: the header and that part's members, the others empty.</summary>
    /// <param name="whole">A whole state (<see cref="SessionState.Part"/> null).</param>
    /// <param name="part">One of <see cref="SingleParts"/>.</param>
    /// <returns>The part document.</returns>
    /// <exception cref="ArgumentException"><paramref name="whole"/> is itself a part, or <paramref name="part"/> is not a single part.</exception>
    public static SessionState Only(SessionState whole, SessionStateParts part)
    {
        ArgumentNullException.ThrowIfNull(whole);
        if (whole.Part is not null)
        {
            throw new ArgumentException($"The state is already a part ({whole.Part}).", nameof(whole));
        }

        return part switch
        {
            SessionStateParts.Beliefs => whole with { Part = part, Goals = [], ActionCounter = 0, IssuedActions = [], RateLimiter = [] },
            SessionStateParts.Goals => Header(whole, part) with { Goals = whole.Goals },
            SessionStateParts.Actions => Header(whole, part) with { ActionCounter = whole.ActionCounter, IssuedActions = whole.IssuedActions, RateLimiter = whole.RateLimiter },
            _ => throw new ArgumentException($"{part} is not a single part; use one of {string.Join(", ", SingleParts)}.", nameof(part)),
        };
    }

    /// <summary>Puts the three part documents of one session together.</summary>
    /// <param name="beliefs">The <see cref="SessionStateParts.Beliefs"/> document.</param>
    /// <param name="goals">The <see cref="SessionStateParts.Goals"/> document.</param>
    /// <param name="actions">The <see cref="SessionStateParts.Actions"/> document.</param>
    /// <returns>The whole state (not yet checked against an engine: importing it does that).</returns>
    /// <exception cref="ActiveInferenceException"><see cref="ErrorKind.InvalidModel"/> when a document is not the part it is given as, or the parts belong to different sessions or models.</exception>
    public static SessionState Merge(SessionState beliefs, SessionState goals, SessionState actions)
    {
        ArgumentNullException.ThrowIfNull(beliefs);
        ArgumentNullException.ThrowIfNull(goals);
        ArgumentNullException.ThrowIfNull(actions);
        RequirePart(beliefs, SessionStateParts.Beliefs);
        RequirePart(goals, SessionStateParts.Goals);
        RequirePart(actions, SessionStateParts.Actions);
        RequireSameSession(beliefs, goals);
        RequireSameSession(beliefs, actions);
        DateTimeOffset last = beliefs.LastUpdate;
        if (goals.LastUpdate > last)
        {
            last = goals.LastUpdate;
        }

        if (actions.LastUpdate > last)
        {
            last = actions.LastUpdate;
        }

        return beliefs with
        {
            Part = null,
            LastUpdate = last,
            Goals = goals.Goals,
            ActionCounter = actions.ActionCounter,
            IssuedActions = actions.IssuedActions,
            RateLimiter = actions.RateLimiter,
        };
    }

    private static SessionState Header(SessionState whole, SessionStateParts part) => new()
    {
        Version = whole.Version,
        Part = part,
        SessionId = whole.SessionId,
        CreatedAt = whole.CreatedAt,
        LastUpdate = whole.LastUpdate,
        LayerDimensions = whole.LayerDimensions,
    };

    private static void RequirePart(SessionState state, SessionStateParts expected)
    {
        if (state.Part != expected)
        {
            string actual = state.Part is { } p ? $"the {p} part" : "a whole session";
            throw new ActiveInferenceException(ErrorKind.InvalidModel, $"The session's {expected} part document is {actual}.");
        }
    }

    private static void RequireSameSession(SessionState beliefs, SessionState other)
    {
        if (other.SessionId != beliefs.SessionId)
        {
            throw new ActiveInferenceException(ErrorKind.InvalidModel, $"The session's {other.Part} part belongs to session {other.SessionId}, its beliefs to {beliefs.SessionId}.");
        }

        if (other.CreatedAt != beliefs.CreatedAt || !(other.LayerDimensions ?? []).AsSpan().SequenceEqual(beliefs.LayerDimensions ?? []))
        {
            throw new ActiveInferenceException(ErrorKind.InvalidModel, $"The session's {other.Part} part disagrees with its beliefs on the creation time or the layer dimensions (parts of different sessions or models).");
        }
    }
}
