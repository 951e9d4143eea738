using System.CommandLine;
using Actinf.Server.Hosting;

namespace Actinf.Cli.Commands;

/// <summary>
/// <c>actinf serve [--http HOST:PORT] [--store PATH] [--networks DIR] [--config FILE]</c>: the MCP server over stdio or
/// Streamable HTTP (issue #6), with sessions stored durably in a SQLite file.
/// </summary>
internal static class ServeCommand
{
    private const string Description = """
        Serve Actinf as an MCP server: over stdio (the default; the way desktop assistants launch tool servers) or
        over Streamable HTTP with --http (several clients at once, plus /healthz and /metrics for operations).
        Tools: session_create, session_get, session_list, session_delete, session_export, session_import, observe,
        epistemic_action, set_goals, feedback, causal_query, causal_suggest_experiment, agent_create, agent_step
        and the other agent_* tools (see docs/server.md). Sessions are kept in a SQLite file; every update is
        written durably before its reply is sent, so sessions survive a crash or restart. On stdio, stdout
        carries only the protocol and the server stops when stdin closes; logs always go to stderr.

        Settings, in rising precedence: a JSON file (--config, else $ACTINF_CONFIG), ACTINF_* environment
        variables (ACTINF_STORE, ACTINF_NETWORKS, ACTINF_HTTP, ACTINF_LOGLEVEL, ACTINF_ENGINE__<SETTING>), and
        the flags below. The file's keys: Store, Networks, Http, Durability, LogLevel, MaxLoadedSessions,
        IdleTimeout, MaxListedSessions, HttpSessionIdleTimeout, MaxHttpSessions and Engine { ... }
        (docs/server.md).

        Store file: default actinf/sessions.db in the user's local data folder (~/.local/share on Linux,
        %LOCALAPPDATA% on Windows).

        Causal networks: the causal tools load the .bif/.xml/.xmlbif files of the networks folder by name
        (without a folder they answer -32602).

        Examples:
          actinf serve
          actinf serve --store ./sessions.db --networks tests/data/causal/networks
          actinf serve --http 127.0.0.1:8765        # MCP at http://127.0.0.1:8765/mcp
          actinf serve --http 127.0.0.1:0           # a free port, printed on stderr
          actinf serve --config /etc/actinf/server.json
          ACTINF_STORE=/var/lib/actinf/sessions.db actinf serve --log-level information
        """;

    /// <summary>Builds <c>actinf serve</c>.</summary>
    public static Command Create()
    {
        var http = new Option<string?>("--http")
        {
            Description = "Serve MCP over Streamable HTTP at HOST:PORT (127.0.0.1:8765, [::1]:8765, localhost:8765; port 0 picks a free one) instead of stdio. Endpoints: /mcp, /healthz, /metrics.",
            HelpName = "HOST:PORT",
        };
        var store = new Option<string?>("--store")
        {
            Description = "SQLite file holding the sessions (created when missing). Default: actinf/sessions.db in the user's local data folder.",
            HelpName = "PATH",
        };
        var networks = new Option<string?>("--networks")
        {
            Description = "Folder of Bayesian networks (.bif, .xml, .xmlbif) for causal_query and causal_suggest_experiment. Default: none.",
            HelpName = "DIR",
        };
        var config = new Option<string?>("--config")
        {
            Description = "JSON settings file (keys as in docs/server.md); flags and ACTINF_* variables override it. Default: $ACTINF_CONFIG, else none.",
            HelpName = "FILE",
        };
        var durability = new Option<Server.Stores.StoreDurability?>("--durability")
        {
            Description = "What an acknowledged update survives: full (default; a killed process, an OS crash and a power loss: one fsync per update) or process (a killed or crashed server, kill -9 included; the last updates may be lost on an OS crash or power loss; much lower latency).",
            HelpName = "full|process",
        };
        var logLevel = new Option<Microsoft.Extensions.Logging.LogLevel?>("--log-level")
        {
            Description = "Minimum level of the logs written to stderr: trace, debug, information, warning (default), error, critical or none.",
            HelpName = "LEVEL",
        };

        var command = new Command("serve", Description) { http, store, networks, durability, config, logLevel };
        command.SetAction(parse => Run(
            parse.GetValue(config),
            new Dictionary<string, string?>
            {
                ["Http"] = parse.GetValue(http),
                ["Store"] = parse.GetValue(store),
                ["Networks"] = parse.GetValue(networks),
                ["LogLevel"] = parse.GetValue(logLevel)?.ToString(),
                ["Durability"] = parse.GetValue(durability)?.ToString(),
            }));
        return command;
    }

    /// <summary>Runs the server until stdin closes (stdio) or the process is stopped (HTTP); returns the exit code.</summary>
    internal static int Run(string? configFile, IReadOnlyDictionary<string, string?> flags)
    {
        ServerOptions options;
        try
        {
            options = ServerConfiguration.Load(configFile, flags);
        }
        catch (Exception e) when (e is ArgumentException or Epistemic.Errors.ActiveInferenceException)
        {
            Console.Error.WriteLine($"actinf serve: {e.Message}");
            return 2;
        }

        if (options.HttpEndpoint is null)
        {
            ServerHost.RunStdioAsync(options).GetAwaiter().GetResult();
        }
        else
        {
            try
            {
                HttpServerHost.RunAsync(options).GetAwaiter().GetResult();
            }
            catch (IOException e)
            {
                // Kestrel's "address already in use" and the like.
                Console.Error.WriteLine($"actinf serve: cannot listen on {options.HttpEndpoint}: {e.Message}");
                return 1;
            }
        }

        return 0;
    }
}
