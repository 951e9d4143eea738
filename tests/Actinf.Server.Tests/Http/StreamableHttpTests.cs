using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Actinf.Server.Http;
using Actinf.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace Actinf.Server.Tests.Http;

/// <summary>
/// <c>actinf serve --http</c> in process: the SDK's HTTP client over our Streamable HTTP endpoints, the HTTP rules
/// of MCP's transport (Accept, session header, 404 for unknown sessions, DELETE, DNS-rebinding protection), /healthz
/// and /metrics.
/// </summary>
public sealed class StreamableHttpTests
{
    private const string InitializeBody = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"0"}}}""";

    [Fact]
    public async Task HttpClient_NegotiatesTheCurrentRevision_AndGetsTheSameToolsAsOverStdio()
    {
        await using HttpPair http = await HttpPair.StartAsync();
        await using McpClient client = await http.ConnectAsync();
        await using McpPair stdio = await McpPair.StartAsync();

        Assert.Equal("2025-11-25", client.NegotiatedProtocolVersion);
        string[] overHttp = [.. (await client.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal)];
        string[] overStreams = [.. (await stdio.Client.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal)];
        Assert.Equal(overStreams, overHttp);
        Assert.Contains("epistemic_action", overHttp);
    }

    [Fact]
    public async Task Conversation_OverHttp_GivesEpistemicActions_AndSeedErrorCodes()
    {
        await using HttpPair http = await HttpPair.StartAsync();
        await using McpClient client = await http.ConnectAsync();

        Guid id = (await HttpPair.CallAsync(client, "session_create", new() { ["domain"] = "billing" })).GetProperty("session_id").GetGuid();
        JsonElement observed = await HttpPair.CallAsync(client, "observe", new() { ["session_id"] = id, ["text"] = "I was charged twice for one order", ["domain"] = "billing" });
        Assert.Equal(1, observed.GetProperty("observation_count").GetInt64());
        JsonElement actions = await HttpPair.CallAsync(client, "epistemic_action", new() { ["session_id"] = id, ["force"] = true, ["min_relevance"] = 0.0 });
        Assert.InRange(actions.GetProperty("actions").GetArrayLength(), 1, 3);
        Assert.True(actions.TryGetProperty("pulse", out _));

        McpProtocolException notFound = await Assert.ThrowsAsync<McpProtocolException>(async () => await client.CallToolAsync("session_get", new Dictionary<string, object?> { ["session_id"] = Guid.NewGuid() }));
        Assert.Equal(-32000, (int)notFound.ErrorCode);
        McpProtocolException invalid = await Assert.ThrowsAsync<McpProtocolException>(async () => await client.CallToolAsync("session_get", new Dictionary<string, object?> { ["session_id"] = id, ["sessionid"] = id }));
        Assert.Equal(-32602, (int)invalid.ErrorCode);
    }

    [Fact]
    public async Task TwoClients_HaveTwoMcpSessions_AndShareTheStoredSessions()
    {
        await using HttpPair http = await HttpPair.StartAsync();
        await using McpClient first = await http.ConnectAsync();
        await using McpClient second = await http.ConnectAsync();
        Assert.NotEqual(first.SessionId, second.SessionId);

        Guid id = (await HttpPair.CallAsync(first, "session_create")).GetProperty("session_id").GetGuid();
        await HttpPair.CallAsync(first, "observe", new() { ["session_id"] = id, ["text"] = "the export fails on large files" });
        JsonElement seen = await HttpPair.CallAsync(second, "session_get", new() { ["session_id"] = id });
        Assert.Equal(1, seen.GetProperty("observation_count").GetInt64());
        Assert.Equal(2, http.App.Services.GetRequiredService<McpHttpSessionTable>().Count);
    }

    [Fact]
    public async Task Post_WithoutBothAcceptTypes_Is406_AndWithoutSessionAfterInitialize_Is400()
    {
        await using HttpPair http = await HttpPair.StartAsync();

        using HttpResponseMessage noAccept = await http.Http.SendAsync(Post(InitializeBody, accept: "application/json"));
        Assert.Equal(HttpStatusCode.NotAcceptable, noAccept.StatusCode);

        using HttpResponseMessage noSession = await http.Http.SendAsync(Post("""{"jsonrpc":"2.0","id":2,"method":"tools/list"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, noSession.StatusCode);
        Assert.Equal(-32600, await ErrorCodeAsync(noSession));

        using HttpResponseMessage notJson = await http.Http.SendAsync(Post("{ not json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(-32700, await ErrorCodeAsync(notJson));
    }

    [Fact]
    public async Task UnknownOrDeletedSession_Is404_WithMinus32001()
    {
        await using HttpPair http = await HttpPair.StartAsync();
        string id = await InitializeAsync(http);

        using HttpResponseMessage unknown = await http.Http.SendAsync(Post("""{"jsonrpc":"2.0","id":2,"method":"ping"}""", session: "not-a-session"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(-32001, await ErrorCodeAsync(unknown));

        using HttpResponseMessage ping = await http.Http.SendAsync(Post("""{"jsonrpc":"2.0","id":2,"method":"ping"}""", session: id));
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Contains("\"result\":{}", await ping.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/mcp");
        delete.Headers.Add(StreamableHttpEndpoints.SessionHeader, id);
        using HttpResponseMessage deleted = await http.Http.SendAsync(delete);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);

        using HttpResponseMessage after = await http.Http.SendAsync(Post("""{"jsonrpc":"2.0","id":3,"method":"ping"}""", session: id));
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(0, http.App.Services.GetRequiredService<McpHttpSessionTable>().Count);
    }

    [Fact]
    public async Task Notification_IsAccepted_With202()
    {
        await using HttpPair http = await HttpPair.StartAsync();
        string id = await InitializeAsync(http);
        using HttpResponseMessage accepted = await http.Http.SendAsync(Post("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", session: id));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Theory]
    [InlineData("evil.example", null)]
    [InlineData("localhost", "http://evil.example")]
    public async Task ForeignHostOrOrigin_OnALoopbackListener_Is403(string host, string? origin)
    {
        await using HttpPair http = await HttpPair.StartAsync();
        using HttpRequestMessage request = Post(InitializeBody);
        request.Headers.Host = host;
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using HttpResponseMessage response = await http.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        using HttpRequestMessage local = Post(InitializeBody);
        local.Headers.Host = "127.0.0.1:8765";
        local.Headers.Add("Origin", "http://localhost:3000");
        using HttpResponseMessage ok = await http.Http.SendAsync(local);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task IdleMcpSessions_AreClosed_AndThenAnswer404()
    {
        await using HttpPair http = await HttpPair.StartAsync(o => o with { HttpSessionIdleTimeout = TimeSpan.FromMilliseconds(200) });
        string id = await InitializeAsync(http);
        McpHttpSessionTable table = http.App.Services.GetRequiredService<McpHttpSessionTable>();
        Assert.Equal(1, table.Count);

        for (int i = 0; i < 100 && table.Count > 0; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, table.Count);
        using HttpResponseMessage after = await http.Http.SendAsync(Post("""{"jsonrpc":"2.0","id":2,"method":"ping"}""", session: id));
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Healthz_ReportsTheStoreAndTheOpenSessions()
    {
        await using HttpPair http = await HttpPair.StartAsync();
        await using McpClient client = await http.ConnectAsync();
        await HttpPair.CallAsync(client, "session_create");

        using HttpResponseMessage response = await http.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        Assert.Equal("ok", health.RootElement.GetProperty("store").GetString());
        Assert.Equal(1, health.RootElement.GetProperty("mcp_sessions").GetInt32());
        Assert.Equal(1, health.RootElement.GetProperty("sessions_loaded").GetInt32());
    }


    [Fact]
    public async Task PostReply_IsOneSseEventWithItsLength_NotAChunkedStream()
    {
        await using HttpPair http = await HttpPair.StartAsync();
        string id = await InitializeAsync(http);

        // Headers first, so that the length is the one the server sent, not one the client computed after reading.
        using HttpResponseMessage listed = await http.Http.SendAsync(Post("""{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", session: id), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal("text/event-stream", listed.Content.Headers.ContentType!.MediaType);
        long? sentLength = listed.Content.Headers.ContentLength;
        byte[] body = await listed.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, sentLength);

        // One SSE event ("event: message", "data: <the JSON-RPC response>", blank line) holding the whole reply.
        string text = Encoding.UTF8.GetString(body);
        string data = text.Split('\n').Single(line => line.StartsWith("data: ", StringComparison.Ordinal))["data: ".Length..];
        using JsonDocument reply = JsonDocument.Parse(data);
        Assert.Equal(2, reply.RootElement.GetProperty("id").GetInt32());
        Assert.True(reply.RootElement.GetProperty("result").GetProperty("tools").GetArrayLength() > 10);
    }

    private static async Task<string> InitializeAsync(HttpPair http)
    {
        using HttpResponseMessage response = await http.Http.SendAsync(Post(InitializeBody));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"protocolVersion\":\"2025-11-25\"", body, StringComparison.Ordinal);
        return response.Headers.GetValues(StreamableHttpEndpoints.SessionHeader).Single();
    }

    private static HttpRequestMessage Post(string json, string accept = "application/json, text/event-stream", string? session = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd(accept);
        if (session is not null)
        {
            request.Headers.Add(StreamableHttpEndpoints.SessionHeader, session);
        }

        return request;
    }

    private static async Task<int> ErrorCodeAsync(HttpResponseMessage response)
    {
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetProperty("code").GetInt32();
    }
}
