using System.Buffers;
using Actinf.Epistemic.Contracts;
using Actinf.Epistemic.Errors;
using Actinf.Epistemic.Sessions;

namespace Actinf.Epistemic;

/// <summary>Sessions stored in parts (<see cref="SessionStateParts"/>): what changed, export of one part, import of three.</summary>
public sealed partial class ActiveInferenceEngine
{
    /// <summary>
    /// The parts of a session that changed since the last call, and forgets them: a store that saves these parts
    /// after every operation holds the session exactly (see <see cref="ImportSessionParts"/>).
    /// </summary>
    /// <param name="sessionId">The session.</param>
    /// <returns>
    /// The changed parts: <see cref="SessionStateParts.All"/> for a session created or imported since;
    /// <see cref="SessionStateParts.Beliefs"/> after an observation, <see cref="SessionStateParts.Goals"/> after
    /// setting goals, <see cref="SessionStateParts.Actions"/> after an action selection or recorded feedback;
    /// <see cref="SessionStateParts.None"/> when nothing changed.
    /// </returns>
    /// <exception cref="ActiveInferenceException">SessionNotFound.</exception>
    public SessionStateParts TakeChangedParts(Guid sessionId)
    {
        Session s = Find(sessionId);
        lock (s.Gate)
        {
            SessionStateParts changed = s.Changed;
            s.Changed = SessionStateParts.None;
            return changed;
        }
    }

    /// <summary>Exports one part of a session as versioned UTF-8 JSON (a whole-session document without the other parts' members, marked with its part).</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="part">
    /// <see cref="SessionStateParts.Beliefs"/>, <see cref="SessionStateParts.Goals"/> or <see cref="SessionStateParts.Actions"/>
    /// (<see cref="SessionStateParts.All"/> writes the same document as <see cref="ExportSession(Guid, IBufferWriter{byte})"/>).
    /// </param>
    /// <param name="destination">Receives the bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="part"/> is none or a combination of two parts.</exception>
    /// <exception cref="ActiveInferenceException">SessionNotFound.</exception>
    public void ExportSessionPart(Guid sessionId, SessionStateParts part, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (part is not (SessionStateParts.Beliefs or SessionStateParts.Goals or SessionStateParts.Actions or SessionStateParts.All))
        {
            throw new ArgumentOutOfRangeException(nameof(part), part, "Export one part (Beliefs, Goals or Actions) or All.");
        }

        Session s = Find(sessionId);
        lock (s.Gate)
        {
            SessionStateJson.Serialize(SessionStateMapper.Export(s, part), destination);
        }
    }

    /// <summary>Imports a session from its three part documents (as written by <see cref="ExportSessionPart"/>).</summary>
    /// <param name="beliefs">UTF-8 JSON of the beliefs part.</param>
    /// <param name="goals">UTF-8 JSON of the goals part.</param>
    /// <param name="actions">UTF-8 JSON of the actions part.</param>
    /// <param name="replace">Replace an existing session with the same id.</param>
    /// <returns>The imported session's id.</returns>
    /// <exception cref="ActiveInferenceException">
    /// InvalidModel (JSON, version, a document that is not the part it is given as, parts of different sessions,
    /// shapes); NumericalInstability (non-finite values); Internal (id in use and not replacing). Nothing changes then.
    /// </exception>
    public SessionInfo ImportSessionParts(ReadOnlySpan<byte> beliefs, ReadOnlySpan<byte> goals, ReadOnlySpan<byte> actions, bool replace = false)
    {
        SessionState whole = SessionStateAssembly.Merge(
            SessionStateJson.Deserialize(beliefs),
            SessionStateJson.Deserialize(goals),
            SessionStateJson.Deserialize(actions));
        return Add(SessionStateMapper.Import(whole, Options), replace);
    }
}
