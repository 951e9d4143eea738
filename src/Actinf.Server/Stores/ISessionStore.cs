namespace Actinf.Server.Stores;

/// <summary>
/// Durable storage of session states, one record per session, its state in parts (beliefs, goals, actions) so that
/// an update rewrites only the part it changed. <see cref="SqliteSessionStore"/> is the embedded
/// default; a PostgreSQL store for several server nodes implements the same contract (issue #6).
/// </summary>
/// <remarks>
/// Contract: a call that returns has made its change durable (a crash or power loss afterwards does not undo
/// it); a call that throws has changed nothing. <see cref="SaveAsync"/> is a compare-and-swap on the version, so
/// two nodes cannot silently overwrite each other's updates. Implementations are thread-safe.
/// </remarks>
public interface ISessionStore
{
    /// <summary>Loads a session.</summary>
    /// <param name="sessionId">The id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or null when no session has that id.</returns>
    Task<SessionRecord?> LoadAsync(Guid sessionId, CancellationToken cancellationToken = default);

    /// <summary>Writes a new version of a session, durably, if the stored version is still <paramref name="expectedVersion"/>: the summary and the parts the record gives; the other parts keep their stored bytes.</summary>
    /// <param name="record">The new record; its <see cref="SessionRecord.Version"/> must be greater than <paramref name="expectedVersion"/>, its parts single and distinct, and all three for a new session.</param>
    /// <param name="expectedVersion">The version the caller read (0: the session must not exist yet).</param>
    /// <param name="cancellationToken">Cancels the write before it starts.</param>
    /// <exception cref="SessionStoreConflictException">The stored version is not <paramref name="expectedVersion"/>.</exception>
    /// <exception cref="ArgumentException">The record's version is not greater than <paramref name="expectedVersion"/>; a part is not a single part or is given twice; a new session lacks a part.</exception>
    /// <exception cref="InvalidOperationException">The stored session is a whole document from an earlier version of the server and the record does not give every part.</exception>
    Task SaveAsync(SessionRecord record, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Deletes a session, durably.</summary>
    /// <param name="sessionId">The id.</param>
    /// <param name="cancellationToken">Cancels the write before it starts.</param>
    /// <returns>Whether the session existed.</returns>
    Task<bool> DeleteAsync(Guid sessionId, CancellationToken cancellationToken = default);

    /// <summary>Lists the stored sessions, most recently updated first.</summary>
    /// <param name="limit">At most this many (≥ 1).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The summaries.</returns>
    Task<IReadOnlyList<SessionSummary>> ListAsync(int limit, CancellationToken cancellationToken = default);
}
