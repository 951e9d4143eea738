using System.Net;
using Actinf.Server.Http;
using Actinf.Server.Sessions;
using Actinf.Server.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Actinf.Server.Hosting;

/// <summary>
/// The Actinf MCP server over Streamable HTTP on Kestrel: <c>/mcp</c> (the MCP endpoint), <c>/healthz</c>
/// (liveness and store check, JSON) and <c>/metrics</c> (Prometheus text of the <see cref="ServerMetrics"/> instruments).
/// </summary>
public static class HttpServerHost
{
    /// <summary>The MCP endpoint's path.</summary>
    public const string McpPath = "/mcp";

    /// <summary>The health endpoint's path.</summary>
    public const string HealthPath = "/healthz";

    /// <summary>The Prometheus endpoint's path.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>What <see cref="RunAsync"/> writes on stderr once listening, followed by the MCP address and a space.</summary>
    public const string ListeningMessage = "actinf: MCP over Streamable HTTP at ";

    /// <summary>
    /// The .NET runtime's meter (garbage collections and their pause time, bytes allocated, thread pool, JIT), exported
    /// on <see cref="MetricsPath"/> beside the server's own.
    /// </summary>
    public const string RuntimeMeterName = "System.Runtime";

    /// <summary>The MCP address in a line of the server's stderr (for programs that start <c>actinf serve --http</c>).</summary>
    /// <param name="line">One line of stderr.</param>
    /// <returns>The address, or null when the line is not the <see cref="ListeningMessage"/> line.</returns>
    public static Uri? McpEndpointIn(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        int at = line.IndexOf(ListeningMessage, StringComparison.Ordinal);
        return at < 0 ? null : new Uri(line[(at + ListeningMessage.Length)..].Split(' ')[0]);
    }

    /// <summary>
    /// Serves until <paramref name="cancellationToken"/> fires or the process is asked to stop (Ctrl+C, SIGTERM).
    /// Writes one line to stderr once listening: the MCP address (with the real port when 0 was asked).
    /// </summary>
    /// <param name="options">The settings; <see cref="ServerOptions.HttpEndpoint"/> must be set.</param>
    /// <param name="cancellationToken">Stops the server.</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    /// <exception cref="ArgumentException">A setting is invalid, or no endpoint is set.</exception>
    /// <exception cref="IOException">The address cannot be bound (for example, the port is in use).</exception>
    public static async Task RunAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        await using RunningHttpServer server = await StartAsync(options, cancellationToken).ConfigureAwait(false);
        await Console.Error.WriteLineAsync($"{ListeningMessage}{server.McpEndpoint} (health {HealthPath}, metrics {MetricsPath})").ConfigureAwait(false);
        await server.Application.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts the server on Kestrel and returns once it listens, for hosting it inside another program (tests,
    /// benchmarks, an application of your own). Dispose the result to stop it.
    /// </summary>
    /// <param name="options">The settings; <see cref="ServerOptions.HttpEndpoint"/> must be set (port 0 picks a free port).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server and its MCP address.</returns>
    /// <exception cref="ArgumentException">A setting is invalid, or no endpoint is set.</exception>
    /// <exception cref="IOException">The address cannot be bound.</exception>
    public static async Task<RunningHttpServer> StartAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.HttpEndpoint is null)
        {
            throw new ArgumentException("HttpEndpoint is not set.", nameof(options));
        }

        (IPAddress? address, int port) = ServerOptions.ParseHttpEndpoint(options.HttpEndpoint);
        WebApplication app = Build(options, builder => builder.WebHost.UseKestrel(k =>
        {
            if (address is null)
            {
                k.ListenLocalhost(port);
            }
            else
            {
                k.Listen(address, port);
            }
        }));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        string bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new RunningHttpServer(app, new Uri(new Uri(bound), McpPath));
    }

    /// <summary>
    /// Builds the application without starting it; <paramref name="configure"/> chooses the server (Kestrel, or a
    /// test server).
    /// </summary>
    internal static WebApplication Build(ServerOptions options, Action<WebApplicationBuilder> configure)
    {
        options.Validate();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        ServerHost.ConfigureLogging(builder.Logging, options.LogLevel);
        builder.Logging.AddFilter("Microsoft.AspNetCore", options.LogLevel <= LogLevel.Debug ? options.LogLevel : LogLevel.Warning);
        // The hosting layer's category logs only request start and finish (Information, Debug), yet while it is
        // enabled at any level ASP.NET Core starts an Activity and a log scope for every request: off unless asked.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", options.LogLevel <= LogLevel.Debug ? options.LogLevel : LogLevel.None);
        builder.Services.AddActinfServer(options);
        builder.Services.AddSingleton(sp => new McpHttpSessionTable(
            sp,
            sp.GetRequiredService<ServerMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            options.HttpSessionIdleTimeout,
            options.MaxHttpSessions,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<McpHttpSessionTable>()));
        builder.Services.AddHostedService<McpHttpSessionSweeper>();
        builder.Services.AddOpenTelemetry().WithMetrics(m => m.ConfigureResource(r => r.AddService(ActinfServerServiceCollectionExtensions.ServerName)).AddMeter(ServerMetrics.MeterName, RuntimeMeterName).AddPrometheusExporter(p => p.ScrapeResponseCacheDurationMilliseconds = 0));
        configure(builder);

        WebApplication app = builder.Build();
        bool loopbackOnly = options.HttpEndpoint is null || ServerOptions.ParseHttpEndpoint(options.HttpEndpoint) is var (a, _) && (a is null || IPAddress.IsLoopback(a));
        if (loopbackOnly)
        {
            app.UseLoopbackHostCheck();
        }

        app.MapStreamableHttp(McpPath);
        app.MapGet(HealthPath, HealthEndpoint.HandleAsync);
        app.MapPrometheusScrapingEndpoint(MetricsPath);

        // Open the store and build the engine now: a bad store path fails at start, and the first call is not slowed.
        app.Services.GetRequiredService<SessionRegistry>();
        return app;
    }
}
