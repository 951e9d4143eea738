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

    /// <summary>
    /// Where the server runs: "in-process" (in the benchmark's process, sharing its garbage collector with the
    /// clients), "process" (<c>actinf serve --http</c> as a process of its own, workstation garbage collector, the
    /// .NET default for a console program) or "process-servergc" (the same with the server garbage collector).
    /// </summary>
    [Params("in-process", "process", "process-servergc")]
    public string Server { get; set; } = "in-process";

    /// <summary>
    /// How long <see cref="Setup"/> keeps running bursts of each tool before measurement (<see cref="JitWarmup"/>);
    /// tests shorten it. Without it a fresh server process spends a large share of its CPU time during the 18 bursts
    /// in the tiered JIT's background compilation (seen with <c>perf record</c>), which a long-running server does not.
    /// </summary>
    internal TimeSpan WarmupTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Starts the HTTP server, connects the clients, each with a conversation of three messages, and runs bursts of each tool for <see cref="WarmupTime"/>.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string transport = Server switch
        {
            "in-process" => "http",
            "process" => "http-process",
            "process-servergc" => "http-process-servergc",
            _ => throw new InvalidOperationException($"Unknown server host '{Server}'; use in-process, process or process-servergc."),
        };
        _endpoint = ServerEndpoint.StartAsync(transport, Durability).GetAwaiter().GetResult();
        _clients = new McpClient[Clients];
        _sessions = new Guid[Clients];
        for (int i = 0; i < Clients; i++)
        {
            _clients[i] = _endpoint.ConnectAsync().GetAwaiter().GetResult();
            _sessions[i] = ServerEndpoint.CreateConversationAsync(_clients[i], 3).GetAwaiter().GetResult();
        }

        JitWarmup.Run(() => Observes().GetAwaiter().GetResult(), WarmupTime);
        JitWarmup.Run(() => EpistemicActions().GetAwaiter().GetResult(), WarmupTime);
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

    /// <summary>One burst per iteration, 3 warm-up and 15 measured bursts, in process (the clients, and the "in-process" server, run in the benchmark's process).</summary>
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
