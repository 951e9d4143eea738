using Actinf.Epistemic.Sessions;

namespace Actinf.Server.Sessions;

/// <summary>The result of an operation on a session, with the session's summary and stored version after it.</summary>
/// <typeparam name="T">The operation's own result.</typeparam>
/// <param name="Value">The operation's result.</param>
/// <param name="Snapshot">The session's summary after the operation (source of the cognitive pulse).</param>
/// <param name="Version">The session's stored version after the operation.</param>
public sealed record SessionOutcome<T>(T Value, SessionSnapshot Snapshot, long Version);
