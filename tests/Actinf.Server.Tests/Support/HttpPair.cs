using System.Text.Json;
using Actinf.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Actinf.Server.Tests.Support;

/// <summary>The HTTP application of <c>actinf serve --http</c> on an in-process test server, with an MCP client over Streamable HTTP.</summary>
internal sealed class HttpPair : IAsyncDisposable
{
    private HttpPair(TempFolder folder, WebApplication app, HttpClient http)
    {
        Folder = folder;
        App = app;
        Http = http;
    }

    public TempFolder Folder { get; }

    public WebApplication App { get; }

    /// <summary>A raw HTTP client of the test server (base address http://localhost/).</summary>
    public HttpClient Http { get; }

    public static async Task<HttpPair> StartAsync(Func<ServerOptions, ServerOptions>? configure = null)
    {
        var folder = new TempFolder();
        var options = new ServerOptions { StorePath = folder.File("sessions.db"), HttpEndpoint = "127.0.0.1:0" };
        options = configure?.Invoke(options) ?? options;
        WebApplication app = HttpServerHost.Build(options, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        return new HttpPair(folder, app, app.GetTestClient());
    }

    /// <summary>A new MCP client (its own MCP session) over Streamable HTTP.</summary>
    public async Task<McpClient> ConnectAsync() =>
        await McpClient.CreateAsync(
            new HttpClientTransport(
                new HttpClientTransportOptions { Endpoint = new Uri(Http.BaseAddress!, HttpServerHost.McpPath), TransportMode = HttpTransportMode.StreamableHttp },
                Http,
                null,
                ownsHttpClient: false),
            new McpClientOptions { ProtocolVersion = McpPair.ProtocolVersion });

    public static async Task<JsonElement> CallAsync(McpClient client, string tool, Dictionary<string, object?>? arguments = null)
    {
        CallToolResult result = await client.CallToolAsync(tool, arguments);
        Assert.True(result.IsError is not true, $"{tool} returned isError: {JsonSerializer.Serialize(result.Content)}");
        return result.StructuredContent!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Http.Dispose();
        Folder.Dispose();
    }
}
