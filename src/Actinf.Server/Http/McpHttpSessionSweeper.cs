using Microsoft.Extensions.Hosting;

namespace Actinf.Server.Http;

/// <summary>Closes idle MCP-over-HTTP sessions every minute (or every half idle timeout, if shorter).</summary>
internal sealed class McpHttpSessionSweeper(McpHttpSessionTable table, Hosting.ServerOptions options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        TimeSpan period = options.HttpSessionIdleTimeout / 2 < TimeSpan.FromMinutes(1) ? options.HttpSessionIdleTimeout / 2 : TimeSpan.FromMinutes(1);
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await table.CloseIdleAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }
}
