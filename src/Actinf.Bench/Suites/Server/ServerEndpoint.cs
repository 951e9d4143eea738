using System.Diagnostics;
using System.Text.Json;
using Actinf.Server.Hosting;
using Actinf.Server.Stores;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Actinf.Bench.Suites.Server;

/// <summary>
/// An Actinf MCP server for the benchmarks and the clients that talk to it: over stdio, the real <c>actinf serve</c>
/// process started by the C# SDK's stdio client; over HTTP, the server on Kestrel at a free loopback port with the
/// SDK's Streamable HTTP client (real TCP), either in this process ("http") or as an <c>actinf serve --http</c>
/// process of its own ("http-process", with the workstation garbage collector, or "http-process-servergc" with the
/// server one). Each has its own temporary store, deleted on dispose.
/// </summary>
public sealed class ServerEndpoint : IAsyncDisposable
{
    /// <summary>The protocol revision current clients negotiate.</summary>
    public const string ProtocolVersion = "2025-11-25";

    private readonly string _folder;
    private readonly string _durability;
    private readonly RunningHttpServer? _http;
    private readonly Process? _httpProcess;
    private readonly Uri? _mcpEndpoint;
    private readonly HttpClient? _httpClient;

    private ServerEndpoint(string folder, string durability, string transport, RunningHttpServer? http = null, Process? httpProcess = null, Uri? mcpEndpoint = null)
    {
        _folder = folder;
        _durability = durability;
        Transport = transport;
        _http = http;
        _httpProcess = httpProcess;
        _mcpEndpoint = mcpEndpoint;
        if (mcpEndpoint is not null)
        {
            var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            _httpClient = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
        }
    }

    /// <summary>"stdio", "http", "http-process" or "http-process-servergc".</summary>
    public string Transport { get; }

    private string StorePath => Path.Combine(_folder, "sessions.db");

    /// <summary>Starts a server on <paramref name="transport"/> ("stdio": nothing starts until the first client).</summary>
    /// <param name="transport">"stdio" or "http".</param>
    /// <param name="durability">The store's durability: "full" (fsync per update, the default) or "process".</param>
    /// <returns>The endpoint.</returns>
    public static async Task<ServerEndpoint> StartAsync(string transport, string durability = "full")
    {
        StoreDurability storeDurability = Enum.Parse<StoreDurability>(durability, ignoreCase: true);
        string folder = Path.Combine(Path.GetTempPath(), "actinf-bench-server-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        switch (transport)
        {
            case "stdio":
                return new ServerEndpoint(folder, durability, transport);
            case "http":
                RunningHttpServer http = await HttpServerHost.StartAsync(new ServerOptions { StorePath = Path.Combine(folder, "sessions.db"), HttpEndpoint = "127.0.0.1:0", Durability = storeDurability }).ConfigureAwait(false);
                return new ServerEndpoint(folder, durability, transport, http: http, mcpEndpoint: http.McpEndpoint);
            case "http-process" or "http-process-servergc":
                (Process process, Uri mcp) = await StartHttpProcessAsync(Path.Combine(folder, "sessions.db"), durability, serverGc: transport == "http-process-servergc").ConfigureAwait(false);
                return new ServerEndpoint(folder, durability, transport, httpProcess: process, mcpEndpoint: mcp);
            default:
                throw new ArgumentException($"Unknown transport '{transport}'; use stdio, http, http-process or http-process-servergc.", nameof(transport));
        }
    }

    /// <summary>A new client: over stdio this starts an <c>actinf serve</c> process on the endpoint's store.</summary>
    /// <returns>The connected client.</returns>
    public async Task<McpClient> ConnectAsync()
    {
        IClientTransport transport = _mcpEndpoint is null
            ? new StdioClientTransport(new StdioClientTransportOptions { Name = "actinf", Command = "dotnet", Arguments = [ActinfCli.Path(), "serve", "--store", StorePath, "--durability", _durability] })
            : new HttpClientTransport(new HttpClientTransportOptions { Endpoint = _mcpEndpoint, TransportMode = HttpTransportMode.StreamableHttp }, _httpClient!, null, ownsHttpClient: false);
        return await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = ProtocolVersion }).ConfigureAwait(false);
    }

    /// <summary>Calls a tool and returns its structured content; throws on an isError result.</summary>
    /// <param name="client">The client.</param>
    /// <param name="tool">The tool.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <returns>The structured content.</returns>
    public static async Task<JsonElement> CallAsync(McpClient client, string tool, IReadOnlyDictionary<string, object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(client);
        CallToolResult result = await client.CallToolAsync(tool, arguments).ConfigureAwait(false);
        if (result.IsError is true || result.StructuredContent is null)
        {
            throw new InvalidOperationException($"{tool} failed: {JsonSerializer.Serialize(result.Content)}");
        }

        return result.StructuredContent.Value;
    }

    /// <summary>A new session that has seen <paramref name="observations"/> messages and is uncertain enough to act on.</summary>
    /// <param name="client">The client.</param>
    /// <param name="observations">Messages to observe first.</param>
    /// <returns>The session id.</returns>
    public static async Task<Guid> CreateConversationAsync(McpClient client, int observations)
    {
        Guid id = (await CallAsync(client, "session_create", new Dictionary<string, object?> { ["domain"] = "billing" }).ConfigureAwait(false)).GetProperty("session_id").GetGuid();
        for (int i = 0; i < observations; i++)
        {
            await CallAsync(client, "observe", new Dictionary<string, object?> { ["session_id"] = id, ["text"] = Messages[i % Messages.Length], ["domain"] = "billing" }).ConfigureAwait(false);
        }

        return id;
    }

    /// <summary>
    /// Starts <c>actinf serve --http 127.0.0.1:0</c> and reads the MCP address from the line it writes on stderr once
    /// it listens. <paramref name="serverGc"/> sets <c>DOTNET_gcServer=1</c> for it (one heap and one collector thread
    /// per core, collections in parallel: the mode ASP.NET Core applications use by default).
    /// </summary>
    private static async Task<(Process Process, Uri Mcp)> StartHttpProcessAsync(string storePath, string durability, bool serverGc)
    {
        var start = new ProcessStartInfo("dotnet", [ActinfCli.Path(), "serve", "--http", "127.0.0.1:0", "--store", storePath, "--durability", durability])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";
        Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await process.StandardError.ReadLineAsync(timeout.Token).ConfigureAwait(false) is { } line)
            {
                if (HttpServerHost.McpEndpointIn(line) is { } mcp)
                {
                    // Keep draining both pipes so that the server never blocks on a full one.
                    _ = process.StandardError.ReadToEndAsync();
                    _ = process.StandardOutput.ReadToEndAsync();
                    return (process, mcp);
                }
            }

            await process.WaitForExitAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"actinf serve --http exited ({process.ExitCode}) before listening.");
        }
        catch
        {
            // Not listening within the minute, or exited: leave no server behind.
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            throw;
        }
    }

    /// <summary>Messages of a support conversation, cycled by the benchmarks.</summary>
    public static readonly string[] Messages =
    [
        "I was charged twice for the same order last week",
        "both charges show the same amount on my card",
        "the second charge appeared after I updated my address",
        "can you refund one of them or tell me why it happened",
        "I also see a pending authorisation from yesterday",
        "my bank says the merchant must cancel it",
        "the invoice number on the email is different from the statement",
        "is there a way to get one receipt for both",
    ];

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_http is not null)
        {
            await _http.DisposeAsync().ConfigureAwait(false);
        }

        if (_httpProcess is not null)
        {
            // Every reply was durable before it was sent, so killing the server loses nothing the benchmark needs.
            _httpProcess.Kill(entireProcessTree: true);
            await _httpProcess.WaitForExitAsync().ConfigureAwait(false);
            _httpProcess.Dispose();
        }

        _httpClient?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A stdio server that has not exited yet may still hold the file; the temp folder is cleaned by the OS.
        }
    }
}
