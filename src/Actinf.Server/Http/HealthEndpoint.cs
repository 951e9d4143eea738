using System.Diagnostics;
using Actinf.Server.Hosting;
using Actinf.Server.Sessions;
using Actinf.Server.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Actinf.Server.Http;

/// <summary>
/// <c>GET /healthz</c>: 200 with <c>status: "ok"</c> when the session store answers a read, else 503 with
/// <c>status: "unhealthy"</c> and the store's error. For load balancers and supervisors.
/// </summary>
internal static class HealthEndpoint
{
    private static readonly DateTime ProcessStart = StartTime();

    public static async Task HandleAsync(HttpContext context)
    {
        IServiceProvider services = context.RequestServices;
        string? storeError = null;
        try
        {
            // A primary-key read that finds nothing: proves the file is open and readable without touching a session.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            _ = await services.GetRequiredService<ISessionStore>().LoadAsync(Guid.Empty, timeout.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure of the store is the answer: unhealthy, with its message.
        catch (Exception e)
#pragma warning restore CA1031
        {
            storeError = $"{e.GetType().Name}: {e.Message}";
        }

        var report = new HealthReport(
            storeError is null ? "ok" : "unhealthy",
            typeof(HealthEndpoint).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            Math.Round((DateTime.Now - ProcessStart).TotalSeconds, 3),
            storeError ?? "ok",
            services.GetRequiredService<SessionRegistry>().LoadedCount,
            services.GetRequiredService<McpHttpSessionTable>().Count);
        context.Response.StatusCode = storeError is null ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(report, ServerJson.Options, context.RequestAborted).ConfigureAwait(false);
    }

    private static DateTime StartTime()
    {
        using Process self = Process.GetCurrentProcess();
        return self.StartTime;
    }

    /// <summary>The health report.</summary>
    /// <param name="Status">"ok" or "unhealthy".</param>
    /// <param name="Version">Server version.</param>
    /// <param name="UptimeSeconds">Seconds since the server started.</param>
    /// <param name="Store">"ok", or the store's error.</param>
    /// <param name="SessionsLoaded">Epistemic sessions in memory.</param>
    /// <param name="McpSessions">Open MCP-over-HTTP sessions.</param>
    internal sealed record HealthReport(
        string Status,
        string Version,
        double UptimeSeconds,
        string Store,
        int SessionsLoaded,
        int McpSessions);
}
