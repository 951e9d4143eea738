using Microsoft.AspNetCore.Builder;

namespace Actinf.Server.Hosting;

/// <summary>An Actinf MCP server listening on HTTP, started by <see cref="HttpServerHost.StartAsync"/>; dispose to stop it.</summary>
public sealed class RunningHttpServer : IAsyncDisposable
{
    internal RunningHttpServer(WebApplication application, Uri mcpEndpoint)
    {
        Application = application;
        McpEndpoint = mcpEndpoint;
    }

    /// <summary>The MCP endpoint, e.g. <c>http://127.0.0.1:41234/mcp</c> (the real port when 0 was asked).</summary>
    public Uri McpEndpoint { get; }

    /// <summary>The health endpoint (<c>/healthz</c>) next to <see cref="McpEndpoint"/>.</summary>
    public Uri HealthEndpoint => new(McpEndpoint, HttpServerHost.HealthPath);

    /// <summary>The Prometheus endpoint (<c>/metrics</c>) next to <see cref="McpEndpoint"/>.</summary>
    public Uri MetricsEndpoint => new(McpEndpoint, HttpServerHost.MetricsPath);

    internal WebApplication Application { get; }

    /// <summary>Stops the server (open requests are given the host's shutdown timeout) and releases it.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await Application.StopAsync().ConfigureAwait(false);
        await Application.DisposeAsync().ConfigureAwait(false);
    }
}
