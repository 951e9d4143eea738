using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ModelContextProtocol.Client;

namespace Actinf.Bench.Suites.Server;

/// <summary>
/// Throughput over Streamable HTTP with <see cref="Clients"/> concurrent clients, each with its own MCP session and
/// its own epistemic session, each making <see cref="CallsPerClient"/> calls in a row: the time per call is the
/// wall time of the whole burst divided by the calls (actions/s = 10^9 / ns per call). Seed 004: over 1000
/// <c>epistemic_action</c>/s and over 500 belief updates/s; our target over 10,000 actions/s.
/// </summary>
[BenchmarkCategory("server")]
[Config(typeof(BurstConfig))]
public class ServerThroughputBenchmarks : IDisposable
{
    /// <summary>Calls each client makes per burst.</summary>
    public const int CallsPerClient = 10;

    private ServerEndpoint? _endpoint;
    private McpClient[] _clients = [];
    private Guid[] _sessions = [];
    private int _round;

    /// <summary>Concurrent clients (and sessions).</summary>
    [Params(100)]
    public int Clients { get; set; } = 100;

    /// <summary>The store's durability: full (one fsync per update; the default) or process (survives kill -9, not a power loss).</summary>
    [Params("full", "process")]
    public string Durability { get; set; } = "full";

    /// <summary>Starts the HTTP server and connects the clients, each with a conversation of three messages.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _endpoint = ServerEndpoint.StartAsync("http", Durability).GetAwaiter().GetResult();
        _clients = new McpClient[Clients];
        _sessions = new Guid[Clients];
        for (int i = 0; i < Clients; i++)
        {
            _clients[i] = _endpoint.ConnectAsync().GetAwaiter().GetResult();
            _sessions[i] = ServerEndpoint.CreateConversationAsync(_clients[i], 3).GetAwaiter().GetResult();
        }
    }

    /// <summary>Closes the clients and stops the server.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (McpClient c in _clients)
        {
            c.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        _clients = [];
        _endpoint?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _endpoint = null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Cleanup();
        GC.SuppressFinalize(this);
    }

    /// <summary><see cref="Clients"/> × <see cref="CallsPerClient"/> <c>epistemic_action</c> calls (force), all clients at once.</summary>
    /// <returns>A task that completes when every call has been answered.</returns>
    [Benchmark(OperationsPerInvoke = 100 * CallsPerClient)]
    public Task EpistemicActions() => BurstAsync(i => ("epistemic_action", new Dictionary<string, object?> { ["session_id"] = _sessions[i], ["force"] = true }));

    /// <summary><see cref="Clients"/> × <see cref="CallsPerClient"/> <c>observe</c> calls (belief updates), all clients at once.</summary>
    /// <returns>A task that completes when every call has been answered.</returns>
    [Benchmark(OperationsPerInvoke = 100 * CallsPerClient)]
    public Task Observes()
    {
        int round = _round++;
        return BurstAsync(i => ("observe", new Dictionary<string, object?> { ["session_id"] = _sessions[i], ["text"] = ServerEndpoint.Messages[(round + i) % ServerEndpoint.Messages.Length] }));
    }

    /// <summary>Each session's observation count, read through its own client (for tests of the suite).</summary>
    internal async Task<long[]> ObservationCountsAsync()
    {
        long[] counts = new long[_sessions.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            counts[i] = (await ServerEndpoint.CallAsync(_clients[i], "session_get", new Dictionary<string, object?> { ["session_id"] = _sessions[i] }).ConfigureAwait(false))
                .GetProperty("observation_count").GetInt64();
        }

        return counts;
    }

    private Task BurstAsync(Func<int, (string Tool, Dictionary<string, object?> Arguments)> call)
    {
        var clients = new Task[_clients.Length];
        for (int i = 0; i < clients.Length; i++)
        {
            int client = i;
            clients[i] = Task.Run(async () =>
            {
                for (int k = 0; k < CallsPerClient; k++)
                {
                    (string tool, Dictionary<string, object?> arguments) = call(client);
                    await ServerEndpoint.CallAsync(_clients[client], tool, arguments).ConfigureAwait(false);
                }
            });
        }

        return Task.WhenAll(clients);
    }

    /// <summary>One burst per iteration, 3 warm-up and 15 measured bursts, in process (the server is in this process too).</summary>
    private sealed class BurstConfig : ManualConfig
    {
        public BurstConfig()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(15)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId("Burst"));
        }
    }
}
