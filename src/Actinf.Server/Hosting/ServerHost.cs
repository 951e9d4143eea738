using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actinf.Server.Hosting;

/// <summary>Runs the Actinf MCP server.</summary>
public static class ServerHost
{
    /// <summary>
    /// Serves MCP over stdin/stdout until stdin closes or <paramref name="cancellationToken"/> fires. Logs go to
    /// stderr only: stdout belongs to the protocol.
    /// </summary>
    /// <param name="options">The server settings.</param>
    /// <param name="cancellationToken">Stops the server.</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public static async Task RunStdioAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        // The default builder (console lifetime: Ctrl+C and SIGTERM stop it) rooted at the program folder, so that no
        // appsettings.json of the caller's working directory is read.
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        ConfigureLogging(builder.Logging, options.LogLevel);
        builder.Services.AddActinfServer(options).WithStdioServerTransport();
        using IHost host = builder.Build();

        // Open the store and build the engine now: a bad store path fails at start, and the first call is not slowed.
        host.Services.GetRequiredService<Sessions.SessionRegistry>();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every log to stderr (stdout may carry the protocol), at <paramref name="level"/> and above.</summary>
    internal static void ConfigureLogging(ILoggingBuilder logging, LogLevel level)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(level);
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (level >= LogLevel.Information)
        {
            // The SDK logs every tool error (even an expected -32000) as an error with a stack trace; the client gets
            // the error anyway and ToolErrorFilter logs the unexpected ones itself.
            logging.AddFilter("ModelContextProtocol.Server.McpServer", LogLevel.Critical);
        }
    }
}
