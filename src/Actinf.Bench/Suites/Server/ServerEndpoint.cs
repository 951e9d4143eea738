using System.Text.Json;
using Actinf.Server.Hosting;
using Actinf.Server.Stores;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Actinf.Bench.Suites.Server;

/// <summary>
/// An Actinf MCP server for the benchmarks and the clients that talk to it: over stdio, the real <c>actinf serve</c>
/// process started by the C# SDK's stdio client; over HTTP, the server on Kestrel at a free loopback port with the
/// SDK's Streamable HTTP client (real TCP). Each has its own temporary store, deleted on dispose.
/// </summary>
public sealed class ServerEndpoint : IAsyncDisposable
{
    /// <summary>The protocol revision current clients negotiate.</summary>
    public const string ProtocolVersion = "2025-11-25";

    private readonly string _folder;
    private readonly string _durability;
    private readonly RunningHttpServer? _http;
    private readonly HttpClient? _httpClient;

    private ServerEndpoint(string folder, string durability, RunningHttpServer? http, HttpClient? httpClient)
    {
        _folder = folder;
        _durability = durability;
        _http = http;
        _httpClient = httpClient;
    }

    /// <summary>"stdio" or "http".</summary>
    public string Transport => _http is null ? "stdio" : "http";

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
        if (transport == "stdio")
        {
            return new ServerEndpoint(folder, durability, null, null);
        }

        if (transport != "http")
        {
            throw new ArgumentException($"Unknown transport '{transport}'; use stdio or http.", nameof(transport));
        }

        RunningHttpServer http = await HttpServerHost.StartAsync(new ServerOptions { StorePath = Path.Combine(folder, "sessions.db"), HttpEndpoint = "127.0.0.1:0", Durability = storeDurability }).ConfigureAwait(false);
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        return new ServerEndpoint(folder, durability, http, new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) });
    }

    /// <summary>A new client: over stdio this starts an <c>actinf serve</c> process on the endpoint's store.</summary>
    /// <returns>The connected client.</returns>
    public async Task<McpClient> ConnectAsync()
    {
        IClientTransport transport = _http is null
            ? new StdioClientTransport(new StdioClientTransportOptions { Name = "actinf", Command = "dotnet", Arguments = [ActinfCli.Path(), "serve", "--store", StorePath, "--durability", _durability] })
            : new HttpClientTransport(new HttpClientTransportOptions { Endpoint = _http.McpEndpoint, TransportMode = HttpTransportMode.StreamableHttp }, _httpClient!, null, ownsHttpClient: false);
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
