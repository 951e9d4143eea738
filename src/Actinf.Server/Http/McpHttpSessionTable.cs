using System.Collections.Concurrent;
using System.Security.Cryptography;
using Actinf.Server.Telemetry;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace Actinf.Server.Http;

/// <summary>
/// The MCP sessions of the Streamable HTTP transport: one <see cref="StreamableHttpServerTransport"/> and one
/// <see cref="McpServer"/> per <c>Mcp-Session-Id</c>. These are protocol sessions (one per connected client), not
/// the epistemic sessions of the store: a client may use any stored session from any MCP session.
/// </summary>
/// <remarks>
/// An MCP session idle for longer than the idle timeout (no request in progress, no GET stream open) is closed;
/// its client then gets 404 and starts a new one, as the transport's specification prescribes.
/// </remarks>
internal sealed partial class McpHttpSessionTable : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, McpHttpSession> _sessions = new(StringComparer.Ordinal);
    private readonly ServerMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly TimeSpan _idleTimeout;
    private readonly int _maxSessions;
    private readonly ILogger _log;

    public McpHttpSessionTable(IServiceProvider rootServices, ServerMetrics metrics, TimeProvider time, TimeSpan idleTimeout, int maxSessions, ILogger log)
    {
        RootServices = rootServices;
        _metrics = metrics;
        _time = time;
        _idleTimeout = idleTimeout;
        _maxSessions = maxSessions;
        _log = log;
    }

    /// <summary>
    /// The application's root services: a session's server outlives the HTTP request that opened it, so it must not
    /// resolve its tools from that request's scope.
    /// </summary>
    public IServiceProvider RootServices { get; }

    /// <summary>Open sessions.</summary>
    public int Count => _sessions.Count;

    /// <summary>Whether another session may be opened.</summary>
    public bool IsFull => _sessions.Count >= _maxSessions;

    /// <summary>Starts a session: a new transport with a fresh unguessable id, and its server running until the session closes.</summary>
    public McpHttpSession Open(Func<StreamableHttpServerTransport, McpServer> createServer, CancellationToken serverStopping)
    {
        string id = NewSessionId();
        var transport = new StreamableHttpServerTransport(null) { SessionId = id };
        McpServer server = createServer(transport);
        var session = new McpHttpSession(id, transport, server, _time.GetTimestamp());
        session.Run = server.RunAsync(serverStopping);
        _sessions[id] = session;
        _metrics.AddHttpSessions(1);
        return session;
    }

    /// <summary>The session with that id, marked as in use until <see cref="McpHttpSession.Release"/>; null when unknown or closed.</summary>
    public McpHttpSession? Acquire(string id)
    {
        if (!_sessions.TryGetValue(id, out McpHttpSession? session))
        {
            return null;
        }

        Interlocked.Increment(ref session.Users);
        session.LastUse = _time.GetTimestamp();
        if (session.Closed)
        {
            session.Release(_time.GetTimestamp());
            return null;
        }

        return session;
    }

    /// <summary>Ends one use begun by <see cref="Acquire"/>.</summary>
    public void Release(McpHttpSession session) => session.Release(_time.GetTimestamp());

    /// <summary>Closes a session (DELETE, idle timeout or shutdown); false when it was not open.</summary>
    public async ValueTask<bool> CloseAsync(string id)
    {
        if (!_sessions.TryRemove(id, out McpHttpSession? session))
        {
            return false;
        }

        _metrics.AddHttpSessions(-1);
        await session.DisposeAsync().ConfigureAwait(false);
        return true;
    }

    /// <summary>Closes the sessions idle for longer than the idle timeout; returns how many.</summary>
    public async ValueTask<int> CloseIdleAsync()
    {
        long now = _time.GetTimestamp();
        int closed = 0;
        foreach (KeyValuePair<string, McpHttpSession> entry in _sessions)
        {
            McpHttpSession s = entry.Value;
            if (Volatile.Read(ref s.Users) == 0 && _time.GetElapsedTime(Volatile.Read(ref s.LastUse), now) > _idleTimeout && await CloseAsync(entry.Key).ConfigureAwait(false))
            {
                closed++;
            }
        }

        if (closed > 0)
        {
            LogIdleClosed(_log, closed);
        }

        return closed;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (string id in _sessions.Keys)
        {
            await CloseAsync(id).ConfigureAwait(false);
        }
    }

    private static string NewSessionId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Count} idle MCP HTTP session(s).")]
    private static partial void LogIdleClosed(ILogger logger, int count);
}

/// <summary>One MCP session of the HTTP transport.</summary>
internal sealed class McpHttpSession(string id, StreamableHttpServerTransport transport, McpServer server, long created) : IAsyncDisposable
{
    // Fields, not properties: updated with Interlocked / Volatile by concurrent requests.
#pragma warning disable CA1051, SA1401
    public int Users;
    public long LastUse = created;
#pragma warning restore CA1051, SA1401

    public string Id { get; } = id;

    public StreamableHttpServerTransport Transport { get; } = transport;

    public McpServer Server { get; } = server;

    public Task Run { get; set; } = Task.CompletedTask;

    public bool Closed { get; private set; }

    /// <summary>Ends one use begun by <see cref="McpHttpSessionTable.Acquire"/>.</summary>
    public void Release(long now)
    {
        Volatile.Write(ref LastUse, now);
        Interlocked.Decrement(ref Users);
    }

    public async ValueTask DisposeAsync()
    {
        Closed = true;
        await Transport.DisposeAsync().ConfigureAwait(false);
        await Server.DisposeAsync().ConfigureAwait(false);
        try
        {
            await Run.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The server loop ends by cancellation when its transport closes.
        }
    }
}
