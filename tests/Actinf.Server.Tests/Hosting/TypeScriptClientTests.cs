using System.Diagnostics;
using System.Text.Json;
using Actinf.Server.Tests.Support;

namespace Actinf.Server.Tests.Hosting;

/// <summary>
/// The official MCP TypeScript SDK client (tools/mcp-client/smoke.mjs) against the real <c>actinf serve</c>, over
/// stdio and over Streamable HTTP: tools/list, every tool once, every error code a client can provoke, the pulse in
/// every result (issue #6). Needs Node and <c>npm ci</c> in tools/mcp-client (./test.sh does both).
/// </summary>
public sealed class TypeScriptClientTests
{
    [Fact]
    public async Task SmokeTest_OverStdio_PassesEveryCheck()
    {
        using var folder = new TempFolder();
        string command = $"dotnet {CliProcess.CliPath()} serve --store {folder.File("sessions.db")} --networks {RepositoryFolders.TestDataPath("causal", "networks")}";
        await AssertSmokePassesAsync("--cmd", command);
    }

    [Fact]
    public async Task SmokeTest_OverHttp_PassesEveryCheck()
    {
        using var folder = new TempFolder();
        (Process server, Uri mcp) = await CliProcess.StartHttpServerAsync("--store", folder.File("sessions.db"), "--networks", RepositoryFolders.TestDataPath("causal", "networks"));
        using (server)
        {
            try
            {
                await AssertSmokePassesAsync("--url", mcp.ToString());
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
    }

    private static async Task AssertSmokePassesAsync(string mode, string target)
    {
        string root = RepositoryFolders.Root;
        string client = Path.Combine(root, "tools", "mcp-client");
        Assert.True(Directory.Exists(Path.Combine(client, "node_modules", "@modelcontextprotocol", "sdk")), $"run `npm ci` in {client} first (./test.sh does).");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = client,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { "smoke.mjs", mode, target, "--model", Path.Combine(RepositoryFolders.TestDataPath("bench-models"), "tmaze.json") })
        {
            start.ArgumentList.Add(a);
        }

        using Process node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        Task<string> stderr = node.StandardError.ReadToEndAsync();
        string stdout = await node.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await node.WaitForExitAsync(timeout.Token);

        string[] failures = [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("\"ok\":false", StringComparison.Ordinal))];
        Assert.True(node.ExitCode == 0, $"smoke.mjs exited {node.ExitCode}; failed checks:\n{string.Join('\n', failures)}\nstderr:\n{await stderr}");
        string summaryLine = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        using JsonDocument summary = JsonDocument.Parse(summaryLine);
        JsonElement s = summary.RootElement.GetProperty("summary");
        Assert.Equal(0, s.GetProperty("failed").GetInt32());
        Assert.True(s.GetProperty("passed").GetInt32() >= 50, summaryLine);
        Assert.Equal("2025-11-25", s.GetProperty("protocolVersion").GetString());
    }
}
