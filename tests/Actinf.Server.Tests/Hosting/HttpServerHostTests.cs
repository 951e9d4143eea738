using Actinf.Server.Hosting;
using Actinf.Server.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace Actinf.Server.Tests.Hosting;

public class HttpServerHostTests
{
    // ASP.NET Core starts an Activity and a log scope for every request whenever this category is enabled at any level
    // (it asks for Critical); off, a call allocates neither. Asked for at Debug, the request logs come back.
    [Theory]
    [InlineData(LogLevel.Warning, false)]
    [InlineData(LogLevel.Information, false)]
    [InlineData(LogLevel.Debug, true)]
    public async Task HostingDiagnosticsLog_IsOnOnlyWhenDebugLogsAreAsked(LogLevel level, bool expected)
    {
        using var folder = new TempFolder();
        await using WebApplication app = HttpServerHost.Build(
            new ServerOptions { StorePath = folder.File("sessions.db"), HttpEndpoint = "127.0.0.1:0", LogLevel = level },
            b => b.WebHost.UseTestServer());
        ILogger hosting = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");
        Assert.Equal(expected, hosting.IsEnabled(LogLevel.Critical));
    }

    [Fact]
    public async Task McpRequests_RunWithoutAServiceScopeOfTheirOwn()
    {
        using var folder = new TempFolder();
        await using WebApplication app = HttpServerHost.Build(
            new ServerOptions { StorePath = folder.File("sessions.db"), HttpEndpoint = "127.0.0.1:0" },
            b => b.WebHost.UseTestServer());
        Assert.False(app.Services.GetRequiredService<IOptions<McpServerOptions>>().Value.ScopeRequests);
    }
}
