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
            new StdioClientTransport(new StdioClientTransportOptions { Name = "actinf", Command = "dotnet", Arguments = [CliProcess.CliPath(), "serve", "--store", store] }),
            new McpClientOptions { ProtocolVersion = McpPair.ProtocolVersion });
        JsonElement got = await CallAsync(restarted, "session_get", new() { ["session_id"] = id });
        Assert.Equal(observations, got.GetProperty("observation_count").GetInt64());
        Assert.Equal(4, got.GetProperty("version").GetInt64());
        string after = (await CallAsync(restarted, "session_export", new() { ["session_id"] = id })).GetProperty("state").GetRawText();
        Assert.Equal(exported, after);
        McpProtocolException e = await Assert.ThrowsAsync<McpProtocolException>(async () => await restarted.CallToolAsync("session_get", new Dictionary<string, object?> { ["session_id"] = Guid.NewGuid() }));
        Assert.Equal(-32000, (int)e.ErrorCode);
    }

    [Fact]
    public async Task Serve_KilledAfterAnAgentStep_RestartedAgentTakesTheSameNextStep()
    {
        using var folder = new TempFolder();
        string store = folder.File("sessions.db");
        Core.Io.ModelDocument document = Core.Io.ModelJson.ReadFile(Tools.AgentToolsTests.ModelPath("learn_AB"));
        int[][] observations = [.. document.Bench!.Observations.Take(4).Select(o => o.ToArray())];

        // Reference: the same agent, never interrupted (learning pA and pB, stochastic selection with seed 9).
        var reference = new Core.Agents.Agent(document.Model, document.Options with { Seed = 9, ActionSelection = Core.Agents.ActionSelection.Stochastic });
        const Core.Agents.StepOperations Operations = Core.Agents.StepOperations.PerceiveAndAct | Core.Agents.StepOperations.UpdateLikelihood | Core.Agents.StepOperations.UpdateTransitions;
        Guid id;
        using (Process server = StartServer(store))
        {
            try
            {
                await using McpClient client = await McpClient.CreateAsync(
                    new StreamClientTransport(server.StandardInput.BaseStream, server.StandardOutput.BaseStream),
                    new McpClientOptions { ProtocolVersion = McpPair.ProtocolVersion });
                id = (await CallAsync(client, "agent_create", new()
                {
                    ["model"] = Tools.AgentToolsTests.ModelElement("learn_AB"), ["learn_a"] = true, ["learn_b"] = true, ["action_selection"] = "stochastic", ["seed"] = 9,
                })).GetProperty("agent_id").GetGuid();
                for (int t = 0; t < 3; t++)
                {
                    JsonElement step = await CallAsync(client, "agent_step", new() { ["agent_id"] = id, ["observation"] = observations[t] });
                    Assert.Equal(reference.Step(observations[t], Operations).ToArray(), step.GetProperty("action").EnumerateArray().Select(e => e.GetInt32()));
                }

                // kill -9 right after the reply of the third step.
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

        await using McpClient restarted = await McpClient.CreateAsync(
            new StdioClientTransport(new StdioClientTransportOptions { Name = "actinf", Command = "dotnet", Arguments = [CliProcess.CliPath(), "serve", "--store", store] }),
            new McpClientOptions { ProtocolVersion = McpPair.ProtocolVersion });
        JsonElement next = await CallAsync(restarted, "agent_step", new() { ["agent_id"] = id, ["observation"] = observations[3] });
        int[] action = reference.Step(observations[3], Operations).ToArray();
        Assert.Equal(3, next.GetProperty("time_step").GetInt32());
        Assert.Equal(reference.PolicyPosterior.ToArray(), next.GetProperty("q_pi").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(reference.Posterior(0).ToArray(), next.GetProperty("posterior")[0].EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(action, next.GetProperty("action").EnumerateArray().Select(e => e.GetInt32()));
    }

    private static Process StartServer(string store)
    {
        Process server = CliProcess.Start("serve", "--store", store);
        server.ErrorDataReceived += (_, _) => { };
        server.BeginErrorReadLine();
        return server;
    }

    private static async Task<JsonElement> CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        CallToolResult result = await client.CallToolAsync(tool, arguments);
        Assert.True(result.IsError is not true, tool);
        return result.StructuredContent!.Value;
    }
}
