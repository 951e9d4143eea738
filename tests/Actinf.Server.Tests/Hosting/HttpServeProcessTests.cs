using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Actinf.Server.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Actinf.Server.Tests.Hosting;

/// <summary>
/// The real <c>actinf serve --http</c> process on a loopback port: the C# SDK's HTTP client, /healthz and /metrics
/// over the network, and a kill -9 after a reply that loses nothing (issue #6).
/// </summary>
public sealed class HttpServeProcessTests
{
    [Theory]
    [InlineData("full")]
    [InlineData("process")]
    public async Task ServeHttp_KilledAfterAReplyAndRestarted_SessionIsExactlyAsTheReplyLeftIt(string durability)
    {
        using var folder = new TempFolder();
        string store = folder.File("sessions.db");
        using var http = new HttpClient();
        Guid id;
        string exported;

        (Process first, Uri mcp) = await CliProcess.StartHttpServerAsync("--store", store, "--durability", durability);
        using (first)
        {
            try
            {
                using HttpResponseMessage health = await http.GetAsync(new Uri(mcp, "/healthz"));
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);

                await using McpClient client = await ConnectAsync(mcp, http);
                id = (await CallAsync(client, "session_create", new() { ["domain"] = "travel" })).GetProperty("session_id").GetGuid();
                await CallAsync(client, "observe", new() { ["session_id"] = id, ["text"] = "my flight was cancelled and the rebooking failed", ["domain"] = "travel" });
                await CallAsync(client, "epistemic_action", new() { ["session_id"] = id, ["force"] = true });
                exported = (await CallAsync(client, "session_export", new() { ["session_id"] = id })).GetProperty("state").GetRawText();

                string metrics = await http.GetStringAsync(new Uri(mcp, "/metrics"));
                Assert.Contains("actinf_tool_calls_total{", metrics, StringComparison.Ordinal);

                first.Kill(entireProcessTree: true);
                await first.WaitForExitAsync();
            }
            finally
            {
                if (!first.HasExited)
                {
                    first.Kill(entireProcessTree: true);
                }
            }
        }

        (Process second, Uri again) = await CliProcess.StartHttpServerAsync("--store", store, "--durability", durability);
        using (second)
        {
            try
            {
                await using McpClient client = await ConnectAsync(again, http);
                JsonElement got = await CallAsync(client, "session_get", new() { ["session_id"] = id });
                Assert.Equal(3, got.GetProperty("version").GetInt64());
                Assert.Equal(exported, (await CallAsync(client, "session_export", new() { ["session_id"] = id })).GetProperty("state").GetRawText());
            }
            finally
            {
                second.Kill(entireProcessTree: true);
                await second.WaitForExitAsync();
            }
        }
    }

    [Fact]
    public async Task ServeHttp_WithABadEndpoint_ExitsWithAMessage()
    {
        using Process server = CliProcess.Start("serve", "--http", "nowhere:80x");
        string error = await server.StandardError.ReadToEndAsync();
        await server.WaitForExitAsync();
        Assert.Equal(2, server.ExitCode);
        Assert.Contains("is not HOST:PORT", error, StringComparison.Ordinal);
    }

    private static async Task<McpClient> ConnectAsync(Uri mcp, HttpClient http) =>
        await McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions { Endpoint = mcp, TransportMode = HttpTransportMode.StreamableHttp }, http, null, ownsHttpClient: false),
            new McpClientOptions { ProtocolVersion = McpPair.ProtocolVersion });

    private static async Task<JsonElement> CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        CallToolResult result = await client.CallToolAsync(tool, arguments);
        Assert.True(result.IsError is not true, tool);
        return result.StructuredContent!.Value;
    }
}
