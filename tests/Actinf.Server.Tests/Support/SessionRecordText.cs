using System.Text;
using Actinf.Epistemic.Sessions;
using Actinf.Server.Stores;

namespace Actinf.Server.Tests.Support;

/// <summary>Reads a stored record's state as text in tests.</summary>
internal static class SessionRecordText
{
    /// <summary>The whole session document the record holds (its parts put together, or the whole document of an earlier version).</summary>
    public static string StateText(this SessionRecord record)
    {
        ReadOnlyMemory<byte> whole = record.StateOf(SessionStateParts.All);
        if (!whole.IsEmpty)
        {
            return Encoding.UTF8.GetString(whole.Span);
        }

        return SessionStateJson.Serialize(SessionStateAssembly.Merge(
            SessionStateJson.Deserialize(record.StateOf(SessionStateParts.Beliefs).Span),
            SessionStateJson.Deserialize(record.StateOf(SessionStateParts.Goals).Span),
            SessionStateJson.Deserialize(record.StateOf(SessionStateParts.Actions).Span)));
    }

    /// <summary>One part's bytes as text ("" when the record does not hold it).</summary>
    public static string PartText(this SessionRecord record, SessionStateParts part) => Encoding.UTF8.GetString(record.StateOf(part).Span);
}
