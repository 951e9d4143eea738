using System.Text;
using Actinf.Server.Stores;

namespace Actinf.Server.Tests.Support;

/// <summary>The stored state of a record as text (the store keeps UTF-8 bytes).</summary>
internal static class SessionRecordText
{
    public static string StateText(this SessionRecord record) => Encoding.UTF8.GetString(record.State.Span);
}
