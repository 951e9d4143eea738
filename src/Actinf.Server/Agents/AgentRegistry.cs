using System.Collections.Concurrent;
using Actinf.Core.Io;
using Actinf.Epistemic.Errors;
using Actinf.Server.Hosting;
using Actinf.Server.Sessions;
using Actinf.Server.Stores;
using Microsoft.Extensions.Logging;

namespace Actinf.Server.Agents;

/// <summary>
/// The discrete agents between the MCP tools and the durable <see cref="IAgentStore"/>: rebuilds an agent from
/// the store on first use, serialises the calls on one agent, stores every event before its reply, and evicts
/// idle agents from memory (issue #6).
/// </summary>
/// <remarks>
/// <para>
/// Concurrency: one gate per agent (<see cref="SemaphoreSlim"/>, reference-counted, removed when unused) is held
/// for the whole call (load, step, append), so calls on one agent run one after another; calls on different
/// agents run in parallel.
/// </para>
/// <para>
/// Failure: when a step or the append throws, the agent is dropped from memory, so the next call rebuilds it from
/// the last acknowledged event: a failed call changes nothing.
/// </para>
/// <para>
/// Memory: the bounds of the sessions apply to the agents too (<see cref="ServerOptions.MaxLoadedSessions"/>
/// loaded agents, <see cref="ServerOptions.IdleTimeout"/>); evicted agents are rebuilt by replay on their next call.
/// </para>
/// </remarks>
public sealed partial class AgentRegistry
{
    private readonly IAgentStore _store;
    private readonly ServerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AgentRegistry> _log;
    private readonly KeyedLocks _locks = new();
    private readonly ConcurrentDictionary<Guid, Entry> _loaded = new();
    private long _lastSweep;
    private int _sweeping;

    /// <summary>Creates the registry.</summary>
    /// <param name="store">The durable store.</param>
    /// <param name="options">Memory bounds (shared with the sessions).</param>
    /// <param name="time">Clock for idle times and update stamps.</param>
    /// <param name="log">Logger (stderr).</param>
    public AgentRegistry(IAgentStore store, ServerOptions options, TimeProvider time, ILogger<AgentRegistry> log)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        _store = store;
        _options = options;
        _time = time;
        _log = log;
        _lastSweep = time.GetTimestamp();
    }

    /// <summary>Agents currently held in memory.</summary>
    public int LoadedCount => _loaded.Count;

    /// <summary>Stores a new agent (no events) and holds it.</summary>
    internal async Task<T> CreateAsync<T>(HeldAgent agent, Func<HeldAgent, T> describe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(describe);
        KeyedLocks.Lease gate = await _locks.AcquireAsync(agent.Id, cancellationToken).ConfigureAwait(false);
        try
        {
            DateTimeOffset now = _time.GetUtcNow();
            await _store.CreateAsync(
                new AgentRecord(agent.Id, ModelJson.Write(agent.Document), agent.Seed, agent.Learning, now, now, agent.UncertaintyLevel, agent.Coherence, []),
                cancellationToken).ConfigureAwait(false);
            _loaded[agent.Id] = new Entry(agent, _time.GetTimestamp());
            return describe(agent);
        }
        finally
        {
            gate.Release();
            SweepIfNeeded();
        }
    }

    /// <summary>Runs a read-only operation on an agent (rebuilding it when needed); nothing is stored.</summary>
    internal async Task<T> ReadAsync<T>(Guid agentId, Func<HeldAgent, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        KeyedLocks.Lease gate = await _locks.AcquireAsync(agentId, cancellationToken).ConfigureAwait(false);
        try
        {
            Entry entry = await EnsureLoadedAsync(agentId, cancellationToken).ConfigureAwait(false);
            return read(entry.Agent);
        }
        finally
        {
            gate.Release();
            SweepIfNeeded();
        }
    }

    /// <summary>
    /// Runs an operation that changes an agent; the event it returns is stored (durably) before this returns.
    /// <paramref name="check"/> runs first and must throw, without changing anything, on bad input.
    /// </summary>
    internal async Task<T> UpdateAsync<T>(Guid agentId, Action<HeldAgent> check, Func<HeldAgent, AgentEvent> update, Func<HeldAgent, T> describe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(describe);
        KeyedLocks.Lease gate = await _locks.AcquireAsync(agentId, cancellationToken).ConfigureAwait(false);
        try
        {
            Entry entry = await EnsureLoadedAsync(agentId, cancellationToken).ConfigureAwait(false);
            check(entry.Agent);
            try
            {
                long before = entry.Agent.EventCount;
                AgentEvent change = update(entry.Agent);

                // Not cancellable: once the agent changed, either the append completes or the agent is dropped.
                await _store.AppendAsync(agentId, before, change, _time.GetUtcNow(), entry.Agent.UncertaintyLevel, entry.Agent.Coherence, CancellationToken.None).ConfigureAwait(false);
                return describe(entry.Agent);
            }
            catch
            {
                _loaded.TryRemove(agentId, out _);
                throw;
            }
        }
        finally
        {
            gate.Release();
            SweepIfNeeded();
        }
    }

    /// <summary>Deletes an agent from the store and from memory.</summary>
    /// <returns>The pulse values stored with its last event (uncertainty, coherence).</returns>
    internal async Task<(float UncertaintyLevel, float Coherence)> DeleteAsync(Guid agentId, CancellationToken cancellationToken)
    {
        KeyedLocks.Lease gate = await _locks.AcquireAsync(agentId, cancellationToken).ConfigureAwait(false);
        try
        {
            (float, float) last;
            if (_loaded.TryGetValue(agentId, out Entry? entry))
            {
                last = (entry.Agent.UncertaintyLevel, entry.Agent.Coherence);
            }
            else
            {
                AgentRecord record = await _store.LoadAsync(agentId, cancellationToken).ConfigureAwait(false) ?? throw NotFound(agentId);
                last = (record.UncertaintyLevel, record.Coherence);
            }

            if (!await _store.DeleteAsync(agentId, CancellationToken.None).ConfigureAwait(false))
            {
                _loaded.TryRemove(agentId, out _);
                throw NotFound(agentId);
            }

            _loaded.TryRemove(agentId, out _);
            return last;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Evicts every held agent whose gate is free (they stay in the store).</summary>
    /// <returns>Agents evicted.</returns>
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
        new(ErrorKind.SessionNotFound, $"Agent not found: {id}. Create one with agent_create (agent ids are not session ids).");

    private async Task<Entry> EnsureLoadedAsync(Guid id, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(id, out Entry? entry))
        {
            entry.LastAccess = _time.GetTimestamp();
            return entry;
        }

        AgentRecord record = await _store.LoadAsync(id, cancellationToken).ConfigureAwait(false) ?? throw NotFound(id);
        HeldAgent agent = HeldAgent.Rebuild(record);
        entry = new Entry(agent, _time.GetTimestamp());
        _loaded[id] = entry;
        LogRebuilt(id, record.Events.Count);
        return entry;
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
            foreach (KeyValuePair<Guid, Entry> candidate in _loaded.ToArray().OrderBy(p => p.Value.LastAccess))
            {
                bool idle = _time.GetElapsedTime(candidate.Value.LastAccess, now) > _options.IdleTimeout;
                if (excess <= 0 && !idle)
                {
                    break;
                }

                if (TryEvict(candidate.Key))
                {
                    excess--;
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
            return _loaded.TryRemove(id, out _);
        }
        finally
        {
            gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rebuilt agent {AgentId} from the store by replaying {Events} events.")]
    private partial void LogRebuilt(Guid agentId, int events);

    private sealed class Entry(HeldAgent agent, long lastAccess)
    {
        public HeldAgent Agent { get; } = agent;

        public long LastAccess { get; set; } = lastAccess;
    }
}
