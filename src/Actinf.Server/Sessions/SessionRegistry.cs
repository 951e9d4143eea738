using System.Buffers;
using System.Collections.Concurrent;
using Actinf.Epistemic;
using Actinf.Epistemic.Contracts;
using Actinf.Epistemic.Errors;
using Actinf.Epistemic.Sessions;
using Actinf.Server.Buffers;
using Actinf.Server.Hosting;
using Actinf.Server.Stores;
using Microsoft.Extensions.Logging;

namespace Actinf.Server.Sessions;

/// <summary>
/// Sessions between the MCP tools, the epistemic engine and the durable store: loads a session from the store
/// on first use, serialises the calls on one session, saves every update before it returns, and evicts idle
/// sessions from memory (issue #6).
/// </summary>
/// <remarks>
/// <para>
/// Per-session gates: each session has a <see cref="SemaphoreSlim"/> held for the whole call (load, engine
/// operation, save), so concurrent calls on one session run one after another and no update is lost; calls on
/// different sessions run in parallel. Gates are reference-counted and removed when nobody waits on them, so
/// their number is bounded by the calls in flight.
/// </para>
/// <para>
/// Failure: when the engine operation or the save throws, the session is dropped from memory, so the next call
/// reloads the last stored (acknowledged) version: a failed call changes nothing that anyone can observe.
/// </para>
/// <para>
/// Memory: at most <see cref="ServerOptions.MaxLoadedSessions"/> sessions stay loaded; after each call the least
/// recently used ones beyond that bound, and any idle for longer than <see cref="ServerOptions.IdleTimeout"/>,
/// are evicted when their gate is free. Eviction loses nothing because every update is already stored.
/// </para>
/// </remarks>
public sealed partial class SessionRegistry
{
    private readonly ActiveInferenceEngine _engine;
    private readonly ISessionStore _store;
    private readonly ServerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SessionRegistry> _log;
    private readonly KeyedLocks _locks = new();
    private readonly ConcurrentDictionary<Guid, Loaded> _loaded = new();
    private readonly BufferPool _exportBuffers = new();
    private long _lastSweep;
    private int _sweeping;

    /// <summary>Creates the registry.</summary>
    /// <param name="engine">The engine holding the loaded sessions.</param>
    /// <param name="store">The durable store.</param>
    /// <param name="options">Bounds (loaded sessions, idle timeout, list size).</param>
    /// <param name="time">Clock for idle times and update stamps.</param>
    /// <param name="log">Logger (stderr).</param>
    public SessionRegistry(ActiveInferenceEngine engine, ISessionStore store, ServerOptions options, TimeProvider time, ILogger<SessionRegistry> log)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        _engine = engine;
        _store = store;
        _options = options;
        _time = time;
        _log = log;
        _lastSweep = time.GetTimestamp();
    }

    /// <summary>The engine's embedding (observation) dimension d_0.</summary>
    public int EmbeddingDimension => _engine.Model.ObservationDimension;

    /// <summary>Sessions currently loaded in memory.</summary>
    public int LoadedCount => _loaded.Count;

    /// <summary>Creates a session, lets <paramref name="initialise"/> configure it, and stores it as version 1.</summary>
    /// <typeparam name="T">The initialiser's result.</typeparam>
    /// <param name="initialise">Runs on the new session (e.g. sets goals) before it is stored.</param>
    /// <param name="cancellationToken">Cancels before the session is stored.</param>
    /// <returns>The initialiser's result, the summary and version 1.</returns>
    /// <exception cref="ActiveInferenceException">From <paramref name="initialise"/>; nothing is stored then.</exception>
    public async Task<SessionOutcome<T>> CreateAsync<T>(Func<ActiveInferenceEngine, SessionInfo, T> initialise, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(initialise);
        SessionInfo created = _engine.CreateSession();
        Guid id = created.SessionId;
        KeyedLocks.Lease gate = await _locks.AcquireAsync(id, CancellationToken.None).ConfigureAwait(false);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            T value = initialise(_engine, created);
            SessionSnapshot snapshot = await PersistAsync(id, 0).ConfigureAwait(false);
            _loaded[id] = new Loaded(1, _time.GetTimestamp());
            return new SessionOutcome<T>(value, snapshot, 1);
        }
        catch
        {
            Forget(id);
            throw;
        }
        finally
        {
            gate.Release();
            SweepIfNeeded();
        }
    }

    /// <summary>Runs a read-only operation on a session (loading it from the store when needed); nothing is saved.</summary>
    /// <typeparam name="T">The operation's result.</typeparam>
    /// <param name="sessionId">The session.</param>
    /// <param name="read">The operation; it must not change the session.</param>
    /// <param name="cancellationToken">Cancels waiting and loading.</param>
    /// <returns>The result, the summary and the stored version.</returns>
    /// <exception cref="ActiveInferenceException"><see cref="ErrorKind.SessionNotFound"/> when neither memory nor the store has the session.</exception>
    public async Task<SessionOutcome<T>> ReadAsync<T>(Guid sessionId, Func<ActiveInferenceEngine, Guid, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        KeyedLocks.Lease gate = await _locks.AcquireAsync(sessionId, cancellationToken).ConfigureAwait(false);
        try
        {
            Loaded entry = await EnsureLoadedAsync(sessionId, cancellationToken).ConfigureAwait(false);
            T value = read(_engine, sessionId);
            return new SessionOutcome<T>(value, _engine.GetSession(sessionId), entry.Version);
        }
        finally
        {
            gate.Release();
            SweepIfNeeded();
        }
    }

    /// <summary>Runs an operation that changes a session and stores the new version before returning.</summary>
    /// <typeparam name="T">The operation's result.</typeparam>
    /// <param name="sessionId">The session.</param>
    /// <param name="update">The operation.</param>
    /// <param name="cancellationToken">Cancels waiting and loading (not the save once the operation ran).</param>
    /// <returns>The result, the summary and the new version.</returns>
    /// <exception cref="ActiveInferenceException">SessionNotFound, or the operation's own error; the stored session is unchanged then.</exception>
    /// <exception cref="SessionStoreConflictException">Another writer changed the stored session; the update is discarded.</exception>
    public async Task<SessionOutcome<T>> UpdateAsync<T>(Guid sessionId, Func<ActiveInferenceEngine, Guid, T> update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        KeyedLocks.Lease gate = await _locks.AcquireAsync(sessionId, cancellationToken).ConfigureAwait(false);
        try
        {
            Loaded entry = await EnsureLoadedAsync(sessionId, cancellationToken).ConfigureAwait(false);
            try
            {
                T value = update(_engine, sessionId);
                SessionSnapshot snapshot = await PersistAsync(sessionId, entry.Version).ConfigureAwait(false);
                entry.Version++;
                return new SessionOutcome<T>(value, snapshot, entry.Version);
            }
            catch
            {
                Forget(sessionId);
                throw;
            }
        }
        finally
        {
            gate.Release();
            SweepIfNeeded();
        }
    }

    /// <summary>Imports an exported session state and stores it.</summary>
    /// <param name="sessionId">The id inside <paramref name="state"/>.</param>
    /// <param name="state">The exported JSON.</param>
    /// <param name="replace">Overwrite a stored session with the same id.</param>
    /// <param name="cancellationToken">Cancels before the import.</param>
    /// <returns>Whether a stored session was replaced, the summary and the new version.</returns>
    /// <exception cref="ArgumentException">The session exists and <paramref name="replace"/> is false.</exception>
    /// <exception cref="ActiveInferenceException">InvalidModel / NumericalInstability for a bad state; nothing is stored then.</exception>
    public async Task<SessionOutcome<bool>> ImportAsync(Guid sessionId, string state, bool replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        KeyedLocks.Lease gate = await _locks.AcquireAsync(sessionId, cancellationToken).ConfigureAwait(false);
        try
        {
            SessionRecord? existing = await _store.LoadAsync(sessionId, cancellationToken).ConfigureAwait(false);
            if (existing is not null && !replace)
            {
                throw new ArgumentException($"Session {sessionId} already exists; pass replace: true to overwrite it, or delete it first.", nameof(replace));
            }

            long expected = existing?.Version ?? 0;
            try
            {
                _engine.ImportSession(state, replace: true);
                SessionSnapshot snapshot = await PersistAsync(sessionId, expected).ConfigureAwait(false);
                _loaded[sessionId] = new Loaded(expected + 1, _time.GetTimestamp());
                return new SessionOutcome<bool>(existing is not null, snapshot, expected + 1);
            }
            catch
            {
                Forget(sessionId);
                throw;
            }
        }
        finally
        {
            gate.Release();
            SweepIfNeeded();
        }
    }

    /// <summary>Deletes a session from the store and from memory.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="cancellationToken">Cancels before the delete.</param>
    /// <returns>The session's last stored summary.</returns>
    /// <exception cref="ActiveInferenceException"><see cref="ErrorKind.SessionNotFound"/>.</exception>
    public async Task<SessionSummary> DeleteAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        KeyedLocks.Lease gate = await _locks.AcquireAsync(sessionId, cancellationToken).ConfigureAwait(false);
        try
        {
            SessionRecord record = await _store.LoadAsync(sessionId, cancellationToken).ConfigureAwait(false) ?? throw NotFound(sessionId);
            await _store.DeleteAsync(sessionId, CancellationToken.None).ConfigureAwait(false);
            Forget(sessionId);
            return new SessionSummary(record.SessionId, record.Version, record.UpdatedAt, record.UncertaintyLevel, record.Coherence);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Lists the stored sessions, most recently updated first (at most <see cref="ServerOptions.MaxListedSessions"/>).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The summaries.</returns>
    public Task<IReadOnlyList<SessionSummary>> ListAsync(CancellationToken cancellationToken) =>
        _store.ListAsync(_options.MaxListedSessions, cancellationToken);

    /// <summary>Evicts every loaded session whose gate is free (they stay in the store).</summary>
    /// <returns>Sessions evicted.</returns>
    public int EvictAll()
    {
        int evicted = 0;
        foreach (Guid id in _loaded.Keys)
        {
            if (TryEvict(id))
            {
                evicted++;
            }
        }

        return evicted;
    }

    private static ActiveInferenceException NotFound(Guid id) =>
        new(ErrorKind.SessionNotFound, $"Session not found: {id}. Create one with session_create, import one with session_import, or list the stored ones with session_list.");

    private async Task<Loaded> EnsureLoadedAsync(Guid id, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(id, out Loaded? entry))
        {
            entry.LastAccess = _time.GetTimestamp();
            return entry;
        }

        SessionRecord record = await _store.LoadAsync(id, cancellationToken).ConfigureAwait(false) ?? throw NotFound(id);
        ReadOnlyMemory<byte> whole = record.StateOf(SessionStateParts.All);
        if (!whole.IsEmpty)
        {
            // Saved whole by an earlier version: the session stays marked as changed in every part, so its next save
            // writes all three parts and the store drops the whole document.
            _engine.ImportSession(whole.Span, replace: true);
        }
        else
        {
            _engine.ImportSessionParts(record.StateOf(SessionStateParts.Beliefs).Span, record.StateOf(SessionStateParts.Goals).Span, record.StateOf(SessionStateParts.Actions).Span, replace: true);
            _engine.TakeChangedParts(id); // the engine now holds what the store holds
        }

        entry = new Loaded(record.Version, _time.GetTimestamp());
        _loaded[id] = entry;
        LogLoaded(id, record.Version);
        return entry;
    }

    /// <summary>Stores the session's new version: the summary and the parts the operation changed (all three for a new or imported session).</summary>
    private async Task<SessionSnapshot> PersistAsync(Guid id, long expectedVersion)
    {
        SessionStateParts changed = _engine.TakeChangedParts(id);
        var parts = new List<SessionPartState>(3);
        var buffers = new List<ArrayBufferWriter<byte>>(3);
        try
        {
            foreach (SessionStateParts part in SessionStateAssembly.SingleParts)
            {
                if ((changed & part) == 0)
                {
                    continue;
                }

                ArrayBufferWriter<byte> buffer = _exportBuffers.Rent();
                buffers.Add(buffer);
                _engine.ExportSessionPart(id, part, buffer);
                parts.Add(new SessionPartState(part, buffer.WrittenMemory));
            }

            SessionSnapshot snapshot = _engine.GetSession(id);
            var record = new SessionRecord(id, expectedVersion + 1, _time.GetUtcNow(), snapshot.UncertaintyLevel, snapshot.Coherence, parts);

            // Not cancellable: once the engine changed the session, either the save completes or the session is dropped.
            await _store.SaveAsync(record, expectedVersion, CancellationToken.None).ConfigureAwait(false);
            return snapshot;
        }
        finally
        {
            foreach (ArrayBufferWriter<byte> buffer in buffers)
            {
                _exportBuffers.Return(buffer); // the store copied the bytes before SaveAsync completed (ISessionStore contract)
            }
        }
    }

    private void Forget(Guid id)
    {
        _loaded.TryRemove(id, out _);
        _engine.RemoveSession(id);
    }

    private void SweepIfNeeded()
    {
        long now = _time.GetTimestamp();
        bool over = _loaded.Count > _options.MaxLoadedSessions;
        bool due = _time.GetElapsedTime(Interlocked.Read(ref _lastSweep), now) > _options.IdleTimeout / 4;
        if ((!over && !due) || Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            Interlocked.Exchange(ref _lastSweep, now);
            int excess = _loaded.Count - _options.MaxLoadedSessions;
            foreach (KeyValuePair<Guid, Loaded> candidate in _loaded.ToArray().OrderBy(p => p.Value.LastAccess))
            {
                bool idle = _time.GetElapsedTime(candidate.Value.LastAccess, now) > _options.IdleTimeout;
                if (excess <= 0 && !idle)
                {
                    break;
                }

                if (TryEvict(candidate.Key))
                {
                    excess--;
                    LogEvicted(candidate.Key, idle);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private bool TryEvict(Guid id)
    {
        if (!_locks.TryAcquireUnused(id, out KeyedLocks.Lease gate))
        {
            return false; // in use
        }

        try
        {
            if (_loaded.TryRemove(id, out _))
            {
                _engine.RemoveSession(id);
                return true;
            }

            return false;
        }
        finally
        {
            gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Loaded session {SessionId} (version {Version}) from the store.")]
    private partial void LogLoaded(Guid sessionId, long version);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Evicted session {SessionId} from memory (idle: {Idle}).")]
    private partial void LogEvicted(Guid sessionId, bool idle);

    private sealed class Loaded(long version, long lastAccess)
    {
        public long Version { get; set; } = version;

        public long LastAccess { get; set; } = lastAccess;
    }
}
