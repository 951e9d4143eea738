using System.Buffers;
using System.Net;
using System.Text.Json;
using Actinf.Server.Buffers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Actinf.Server.Http;

/// <summary>
/// MCP's Streamable HTTP transport (revision 2025-11-25) on ASP.NET Core: <c>POST</c> carries client messages and
/// answers on an SSE stream, <c>GET</c> opens the stream of server-initiated messages, <c>DELETE</c> ends the session.
/// The SDK's <see cref="StreamableHttpServerTransport"/> does the protocol; this class does the HTTP around it.
/// </summary>
internal static class StreamableHttpEndpoints
{
    public const string SessionHeader = "Mcp-Session-Id";

    // Replies are a few kilobytes; pooled, a call allocates no reply buffer.
    private static readonly BufferPool ReplyBuffers = new(initialCapacity: 8 * 1024);

    /// <summary>Maps POST, GET and DELETE on <paramref name="path"/>.</summary>
    public static void MapStreamableHttp(this IEndpointRouteBuilder app, string path)
    {
        app.MapPost(path, PostAsync);
        app.MapGet(path, GetAsync);
        app.MapDelete(path, DeleteAsync);
    }

    private static async Task PostAsync(HttpContext context)
    {
        if (!AcceptsBoth(context.Request))
        {
            await RejectAsync(context, StatusCodes.Status406NotAcceptable, McpErrorCode.InvalidRequest, "Not Acceptable: the Accept header must list both application/json and text/event-stream.").ConfigureAwait(false);
            return;
        }

        if (!IsJson(context.Request.ContentType))
        {
            await RejectAsync(context, StatusCodes.Status415UnsupportedMediaType, McpErrorCode.InvalidRequest, "Unsupported Media Type: the body must be application/json.").ConfigureAwait(false);
            return;
        }

        JsonRpcMessage? message;
        try
        {
            message = (JsonRpcMessage?)await JsonSerializer.DeserializeAsync(
                context.Request.Body, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage)), context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, McpErrorCode.ParseError, $"Parse error: the body is not one JSON-RPC message ({e.Message}).").ConfigureAwait(false);
            return;
        }

        if (message is null)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, McpErrorCode.InvalidRequest, "Invalid Request: the body is empty.").ConfigureAwait(false);
            return;
        }

        McpHttpSessionTable table = context.RequestServices.GetRequiredService<McpHttpSessionTable>();
        McpHttpSession? session;
        string? id = context.Request.Headers[SessionHeader];
        if (string.IsNullOrEmpty(id))
        {
            if (message is not JsonRpcRequest { Method: RequestMethods.Initialize })
            {
                await RejectAsync(context, StatusCodes.Status400BadRequest, McpErrorCode.InvalidRequest, $"Bad Request: the {SessionHeader} header is required after initialize.").ConfigureAwait(false);
                return;
            }

            if (table.IsFull)
            {
                await RejectAsync(context, StatusCodes.Status503ServiceUnavailable, McpErrorCode.InternalError, "Too many open MCP sessions; close one (DELETE) or retry later.").ConfigureAwait(false);
                return;
            }

            session = table.Open(t => CreateServer(table.RootServices, t), context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
            session = table.Acquire(session.Id)!;
        }
        else
        {
            session = table.Acquire(id);
            if (session is null)
            {
                await SessionNotFoundAsync(context).ConfigureAwait(false);
                return;
            }
        }

        ArrayBufferWriter<byte>? reply = null;
        try
        {
            // The reply to a POST (its SSE events: just the response, since no tool of ours reports progress or asks
            // the client anything mid-call) is gathered and sent in one write with its length: one send and no
            // chunked framing per call, where sending took a tenth of the server's CPU under load. A tool that asks
            // the client mid-call (sampling, elicitation) would need the stream open instead. GET streams stay streams.
            BeginEventStream(context, session, streaming: false);
            reply = ReplyBuffers.Rent();
            var replyStream = new BufferWriterStream(reply);
            bool wrote = await session.Transport.HandlePostRequestAsync(message, replyStream, context.RequestAborted).ConfigureAwait(false);
            if (wrote)
            {
                context.Response.ContentLength = replyStream.Length;
                await context.Response.Body.WriteAsync(replyStream.Written, context.RequestAborted).ConfigureAwait(false);
            }
            else
            {
                // A notification or a response from the client: nothing to answer.
                context.Response.Headers.ContentType = default;
                context.Response.Headers.CacheControl = default;
                context.Response.StatusCode = StatusCodes.Status202Accepted;
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; the SDK has cancelled the request's handler.
        }
        finally
        {
            table.Release(session);
            if (reply is not null)
            {
                ReplyBuffers.Return(reply); // Kestrel has copied the bytes once WriteAsync completed, or failed
            }
        }
    }

    private static async Task GetAsync(HttpContext context)
    {
        if (!context.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            await RejectAsync(context, StatusCodes.Status406NotAcceptable, McpErrorCode.InvalidRequest, "Not Acceptable: the Accept header must list text/event-stream.").ConfigureAwait(false);
            return;
        }

        string? id = context.Request.Headers[SessionHeader];
        if (string.IsNullOrEmpty(id))
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, McpErrorCode.InvalidRequest, $"Bad Request: the {SessionHeader} header is required.").ConfigureAwait(false);
            return;
        }

        McpHttpSessionTable table = context.RequestServices.GetRequiredService<McpHttpSessionTable>();
        McpHttpSession? session = table.Acquire(id);
        if (session is null)
        {
            await SessionNotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        try
        {
            BeginEventStream(context, session);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            await session.Transport.HandleGetRequestAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client closed its stream.
        }
        finally
        {
            table.Release(session);
        }
    }

    private static async Task DeleteAsync(HttpContext context)
    {
        string? id = context.Request.Headers[SessionHeader];
        if (string.IsNullOrEmpty(id))
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, McpErrorCode.InvalidRequest, $"Bad Request: the {SessionHeader} header is required.").ConfigureAwait(false);
            return;
        }

        McpHttpSessionTable table = context.RequestServices.GetRequiredService<McpHttpSessionTable>();
        if (!await table.CloseAsync(id).ConfigureAwait(false))
        {
            await SessionNotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    // The transport writes SSE events as the server produces them: no buffering, no caching by proxies.
    private static void BeginEventStream(HttpContext context, McpHttpSession session, bool streaming = true)
    {
        context.Response.Headers[SessionHeader] = session.Id;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache,no-store";
        if (streaming)
        {
            context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
        }
    }

    private static McpServer CreateServer(IServiceProvider services, StreamableHttpServerTransport transport) =>
        McpServer.Create(transport, services.GetRequiredService<IOptions<McpServerOptions>>().Value, services.GetService<ILoggerFactory>(), services);

    private static bool AcceptsBoth(HttpRequest request)
    {
        string accept = request.Headers.Accept.ToString();
        return (accept.Contains("application/json", StringComparison.OrdinalIgnoreCase) || accept.Contains("*/*", StringComparison.Ordinal))
            && (accept.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) || accept.Contains("*/*", StringComparison.Ordinal));
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);

    // MCP's transport specification: an unknown or closed session gets 404, and the client starts a new one.
    private static Task SessionNotFoundAsync(HttpContext context) =>
        RejectAsync(context, StatusCodes.Status404NotFound, (McpErrorCode)(-32001), "Session not found: start a new MCP session with initialize.");

    private static async Task RejectAsync(HttpContext context, int status, McpErrorCode code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var error = new JsonRpcError { Id = default, Error = new JsonRpcErrorDetail { Code = (int)code, Message = message } };
        await JsonSerializer.SerializeAsync(context.Response.Body, error, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcError)), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// DNS-rebinding protection (MCP's transport security rule): on a loopback listener, only requests whose
    /// <c>Host</c> and <c>Origin</c> (when sent) name a loopback host are served; others get 403.
    /// </summary>
    public static IApplicationBuilder UseLoopbackHostCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsLoopbackName(context.Request.Host.Host) || (context.Request.Headers.Origin.ToString() is { Length: > 0 } origin && !IsLoopbackOrigin(origin)))
            {
                await RejectAsync(context, StatusCodes.Status403Forbidden, McpErrorCode.InvalidRequest, "Forbidden: this server is bound to a loopback address and serves only localhost hosts and origins.").ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });

    private static bool IsLoopbackOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out Uri? uri) && IsLoopbackName(uri.Host);

    private static bool IsLoopbackName(string host)
    {
        string h = host.Trim('[', ']');
        return h.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(h, out IPAddress? ip) && IPAddress.IsLoopback(ip));
    }
}
