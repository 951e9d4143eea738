using System.Diagnostics;
using Actinf.Server.Hosting;

namespace Actinf.Server.Tests.Support;

/// <summary>Starts the real <c>actinf</c> program (the CLI build next to this test's build).</summary>
internal static class CliProcess
{
    /// <summary>artifacts/bin/Actinf.Cli/&lt;config&gt;/actinf.dll next to this test's own artifacts/bin/Actinf.Server.Tests/&lt;config&gt;/.</summary>
    public static string CliPath()
    {
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string configuration = own.Name;
        string bin = own.Parent!.Parent!.FullName;
        string path = Path.Combine(bin, "Actinf.Cli", configuration, "actinf.dll");
        Assert.True(File.Exists(path), $"{path} is missing; build src/Actinf.Cli with the same configuration first.");
        return path;
    }

    /// <summary>Starts <c>dotnet actinf.dll ARGS</c> with redirected standard streams.</summary>
    public static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliPath());
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    /// <summary>
    /// Starts <c>actinf serve --http 127.0.0.1:0</c> with the given extra arguments and waits for the line on stderr
    /// that gives the MCP address; returns the process and that address.
    /// </summary>
    public static async Task<(Process Server, Uri Mcp)> StartHttpServerAsync(params string[] arguments)
    {
        Process server = Start(["serve", "--http", "127.0.0.1:0", .. arguments]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            string? line = await server.StandardError.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                throw new InvalidOperationException($"actinf serve --http exited ({server.ExitCode}) before listening.");
            }

            if (HttpServerHost.McpEndpointIn(line) is { } mcp)
            {
                // Keep draining stderr so that the server never blocks on a full pipe.
                _ = Task.Run(async () =>
                {
                    while (await server.StandardError.ReadLineAsync() is not null)
                    {
                    }
                });
                return (server, mcp);
            }
        }
    }
}
