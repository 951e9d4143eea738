using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Actinf.Epistemic.Errors;
using Actinf.Server.Stores;
using Actinf.Server.Telemetry;
using Actinf.Server.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Actinf.Server.Hosting;

/// <summary>
/// The call-tool filter that turns every failure into a JSON-RPC error with a code: unknown or ill-typed
/// arguments → -32602, engine errors → their seed 004 code (-32000, -32010 … -32016), anything else → -32603.
/// </summary>
/// <remarks>
/// Without it the SDK reports binding failures and exceptions as generic <c>isError</c> results without a code
/// (../shared/notes/mcp-csharp-sdk.md, section 4); the SDK converts exceptions outside the user filters, so this
/// filter sees them first.
/// </remarks>
internal static partial class ToolErrorFilter
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        (context, cancellationToken) => InvokeAsync(next, context, cancellationToken);

    // One async method for the mapping and the metrics: each layer of async would allocate a state machine per call.
    private static async ValueTask<CallToolResult> InvokeAsync(
        McpRequestHandler<CallToolRequestParams, CallToolResult> next,
        RequestContext<CallToolRequestParams> context,
        CancellationToken cancellationToken)
    {
        string tool = context.Params?.Name ?? "?";
        ServerMetrics? metrics = context.Services?.GetService<ServerMetrics>();
        long start = Stopwatch.GetTimestamp();
        string outcome = "ok";
        try
        {
            RejectUnknownArguments(context, tool);
            try
            {
                return await next(context, cancellationToken).ConfigureAwait(false);
            }
            catch (McpProtocolException)
            {
                throw;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (ActiveInferenceException e)
            {
                throw McpErrors.From(e);
            }
            catch (Exception e) when (e is ArgumentException or JsonException or FormatException or InvalidCastException)
            {
                throw McpErrors.InvalidParams($"Invalid arguments for '{tool}': {e.Message}");
            }
            catch (SessionStoreConflictException e)
            {
                throw McpErrors.Internal($"'{tool}' was not applied: {e.Message} Retry the call.", e);
            }
#pragma warning disable CA1031 // Every other failure is reported as -32603 with its message; the details go to the stderr log.
            catch (Exception e)
#pragma warning restore CA1031
            {
                ILogger? log = context.Services?.GetService<ILoggerFactory>()?.CreateLogger(typeof(ToolErrorFilter));
                if (log is not null)
                {
                    LogFailure(log, tool, e);
                }

                throw McpErrors.Internal($"Internal error in '{tool}': {e.GetType().Name}: {e.Message}", e);
            }
        }
        catch (McpProtocolException e)
        {
            outcome = ((int)e.ErrorCode).ToString(CultureInfo.InvariantCulture);
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            metrics?.RecordToolCall(tool, outcome, Stopwatch.GetElapsedTime(start));
        }
    }

    private static void RejectUnknownArguments(RequestContext<CallToolRequestParams> context, string tool)
    {
        if (context.Params?.Arguments is not { Count: > 0 } arguments || context.MatchedPrimitive is not McpServerTool matched)
        {
            return;
        }

        JsonElement schema = matched.ProtocolTool.InputSchema;
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out JsonElement properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (string name in arguments.Keys)
        {
            if (!properties.TryGetProperty(name, out _))
            {
                string known = string.Join(", ", properties.EnumerateObject().Select(p => p.Name));
                throw McpErrors.InvalidParams($"Unknown argument '{name}' for '{tool}'; its arguments are: {known}.");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Tool {Tool} failed.")]
    private static partial void LogFailure(ILogger logger, string tool, Exception exception);
}
