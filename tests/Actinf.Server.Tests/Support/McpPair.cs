using System.IO.Pipelines;
using System.Text.Json;
using Actinf.Server.Hosting;
using Actinf.Server.Sessions;
using Actinf.Server.Stores;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Actinf.Server.Tests.Support;

/// <summary>An in-memory MCP client and Actinf server joined by two pipes, on a temporary store file.</summary>
internal sealed class McpPair : IAsyncDisposable
{
    /// <summary>The protocol revision current clients (Node SDK, Inspector) negotiate.</summary>
    public const string ProtocolVersion = "2025-11-25";

    private readonly Pipe _clientToServer = new();
    private readonly Pipe _serverToClient = new();
    private readonly CancellationTokenSource _cts = new();
    private ServiceProvider _services = null!;
    private Task _run = null!;

    private McpPair(TempFolder folder, bool ownsFolder)
    {
        Folder = folder;
        OwnsFolder = ownsFolder;
    }

    public McpClient Client { get; private set; } = null!;

    public TempFolder Folder { get; }

    public SessionRegistry Registry => _services.GetRequiredService<SessionRegistry>();

    public ISessionStore Store => _services.GetRequiredService<ISessionStore>();

    public T Service<T>()
        where T : notnull => _services.GetRequiredService<T>();

    private bool OwnsFolder { get; }

    public static async Task<McpPair> StartAsync(Func<ServerOptions, ServerOptions>? configure = null, TempFolder? folder = null)
    {
        var pair = new McpPair(folder ?? new TempFolder(), folder is null);
        var options = new ServerOptions { StorePath = pair.Folder.File("sessions.db") };
        options = configure?.Invoke(options) ?? options;
        var services = new ServiceCollection().AddLogging();
        services.AddActinfServer(options)
            .WithStreamServerTransport(pair._clientToServer.Reader.AsStream(), pair._serverToClient.Writer.AsStream());
        pair._services = services.BuildServiceProvider(validateScopes: true);
        pair._run = pair._services.GetRequiredService<McpServer>().RunAsync(pair._cts.Token);
        pair.Client = await McpClient.CreateAsync(
            new StreamClientTransport(serverInput: pair._clientToServer.Writer.AsStream(), serverOutput: pair._serverToClient.Reader.AsStream()),
            new McpClientOptions { ProtocolVersion = ProtocolVersion });
        return pair;
    }

    /// <summary>Calls a tool and returns its structured content; fails the test on an isError result.</summary>
    public async Task<JsonElement> CallAsync(string tool, Dictionary<string, object?>? arguments = null)
    {
        CallToolResult result = await Client.CallToolAsync(tool, arguments);
        Assert.True(result.IsError is not true, $"{tool} returned isError: {JsonSerializer.Serialize(result.Content)}");
        Assert.NotNull(result.StructuredContent);
        return result.StructuredContent!.Value;
    }

    /// <summary>Calls a tool that must fail with a JSON-RPC error; returns it.</summary>
    public async Task<McpProtocolException> FailAsync(string tool, Dictionary<string, object?>? arguments = null) =>
        await Assert.ThrowsAsync<McpProtocolException>(async () => await Client.CallToolAsync(tool, arguments));

    public async Task<Guid> CreateSessionAsync(Dictionary<string, object?>? arguments = null) =>
        (await CallAsync("session_create", arguments)).GetProperty("session_id").GetGuid();

    public async Task<string> ExportAsync(Guid sessionId) =>
        (await CallAsync("session_export", new() { ["session_id"] = sessionId })).GetProperty("state").GetRawText();

    /// <summary>The JSON text with one escaping convention (the SDK escapes '+' as \u002B, the engine does not).</summary>
    public static string Canonical(string json) =>
        System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _cts.CancelAsync();
        _clientToServer.Writer.Complete();
        _serverToClient.Writer.Complete();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
        }

        await _services.DisposeAsync();
        _cts.Dispose();
        if (OwnsFolder)
        {
            Folder.Dispose();
        }
    }
}
