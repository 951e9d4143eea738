using System.Diagnostics;
using System.Text.Json;
using Actinf.Server.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Actinf.Server.Tests.Hosting;

/// <summary>The real <c>actinf serve</c> process over stdio: a kill -9 after a reply loses nothing (issue #6).</summary>
public sealed class ServerHostTests
{
    [Fact]
    public async Task Serve_KilledAfterAReplyAndRestarted_SessionIsExactlyAsTheReplyLeftIt()
    {
        using var folder = new TempFolder();
        string store = folder.File("sessions.db");
        Guid id;
        string exported;
        long observations;

        // 1. Our own process, so that it can be killed (StdioClientTransport does not expose its process).
        using (Process server = StartServer(store))
        {
            try
            {
                await using McpClient client = await McpClient.CreateAsync(
                    new StreamClientTransport(server.StandardInput.BaseStream, server.StandardOutput.BaseStream),
                    new McpClientOptions { ProtocolVersion = McpPair.ProtocolVersion });
                id = (await CallAsync(client, "session_create", new() { ["domain"] = "billing" })).GetProperty("session_id").GetGuid();
                await CallAsync(client, "observe", new() { ["session_id"] = id, ["text"] = "I was charged twice this month", ["domain"] = "billing" });
                await CallAsync(client, "epistemic_action", new() { ["session_id"] = id, ["force"] = true });
                JsonElement last = await CallAsync(client, "observe", new() { ["session_id"] = id, ["text"] = "both charges are on the same card" });
                observations = last.GetProperty("observation_count").GetInt64();
                exported = (await CallAsync(client, "session_export", new() { ["session_id"] = id })).GetProperty("state").GetRawText();

                // kill -9 right after the replies: nothing may be lost.
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
            finally
            {
                if (!server.HasExited)
                {
                    server.Kill(entireProcessTree: true);
                }
            }
        }

        // 2. Restart on the same store through the SDK's stdio transport.
        await using McpClient restarted = await McpClient.CreateAsync(
            new StdioClientTransport(new StdioClientTransportOptions { Name = "actinf", Command = "dotnet", Arguments = [CliPath(), "serve", "--store", store] }),
            new McpClientOptions { ProtocolVersion = McpPair.ProtocolVersion });
        JsonElement got = await CallAsync(restarted, "session_get", new() { ["session_id"] = id });
        Assert.Equal(observations, got.GetProperty("observation_count").GetInt64());
        Assert.Equal(4, got.GetProperty("version").GetInt64());
        string after = (await CallAsync(restarted, "session_export", new() { ["session_id"] = id })).GetProperty("state").GetRawText();
        Assert.Equal(exported, after);
        McpProtocolException e = await Assert.ThrowsAsync<McpProtocolException>(async () => await restarted.CallToolAsync("session_get", new Dictionary<string, object?> { ["session_id"] = Guid.NewGuid() }));
        Assert.Equal(-32000, (int)e.ErrorCode);
    }

    private static Process StartServer(string store)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliPath());
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--store");
        start.ArgumentList.Add(store);
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private static async Task<JsonElement> CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        CallToolResult result = await client.CallToolAsync(tool, arguments);
        Assert.True(result.IsError is not true, tool);
        return result.StructuredContent!.Value;
    }

    /// <summary>artifacts/bin/Actinf.Cli/&lt;config&gt;/actinf.dll next to this test's own artifacts/bin/Actinf.Server.Tests/&lt;config&gt;/.</summary>
    private static string CliPath()
    {
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string configuration = own.Name;
        string bin = own.Parent!.Parent!.FullName;
        string path = Path.Combine(bin, "Actinf.Cli", configuration, "actinf.dll");
        Assert.True(File.Exists(path), $"{path} is missing; build src/Actinf.Cli with the same configuration first.");
        return path;
    }
}
