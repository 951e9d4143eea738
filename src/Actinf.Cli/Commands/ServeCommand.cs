using System.CommandLine;
using Actinf.Server.Hosting;

namespace Actinf.Cli.Commands;

/// <summary>
/// <c>actinf serve [--store PATH] [--networks DIR]</c>: the MCP server over stdio (issue #6), with sessions stored durably in a
/// SQLite file.
/// </summary>
internal static class ServeCommand
{
    private const string Description = """
        Serve Actinf as an MCP server over stdio, the way desktop assistants and agent frameworks launch tool
        servers. Tools: session_create, session_get, session_list, session_delete, session_export,
        session_import, observe, epistemic_action, set_goals, feedback, causal_query and
        causal_suggest_experiment (see docs/server.md). Sessions are
        kept in a SQLite file; every update is written durably before its reply is sent, so sessions survive a
        crash or restart. stdout carries only the protocol; logs go to stderr. The server stops when stdin closes.

        Store file: --store, else the ACTINF_STORE environment variable, else actinf/sessions.db in the user's
        local data folder (~/.local/share on Linux, %LOCALAPPDATA% on Windows).

        Causal networks: --networks DIR, else the ACTINF_NETWORKS environment variable; the causal tools load
        the .bif/.xml/.xmlbif files of that folder by name (without a folder they answer -32602).

        Examples:
          actinf serve
          actinf serve --store ./sessions.db
          actinf serve --networks tests/data/causal/networks
          ACTINF_STORE=/var/lib/actinf/sessions.db actinf serve --log-level information
        """;

    /// <summary>Builds <c>actinf serve</c>.</summary>
    public static Command Create()
    {
        var store = new Option<string?>("--store")
        {
            Description = "SQLite file holding the sessions (created when missing). Default: $ACTINF_STORE, else actinf/sessions.db in the user's local data folder.",
            HelpName = "PATH",
        };
        var networks = new Option<string?>("--networks")
        {
            Description = "Folder of Bayesian networks (.bif, .xml, .xmlbif) for causal_query and causal_suggest_experiment. Default: $ACTINF_NETWORKS, else none.",
            HelpName = "DIR",
        };
        var logLevel = new Option<Microsoft.Extensions.Logging.LogLevel>("--log-level")
        {
            Description = "Minimum level of the logs written to stderr: trace, debug, information, warning (default), error, critical or none.",
            HelpName = "LEVEL",
            DefaultValueFactory = _ => Microsoft.Extensions.Logging.LogLevel.Warning,
        };

        var command = new Command("serve", Description) { store, networks, logLevel };
        command.SetAction(parse => Run(parse.GetValue(store), parse.GetValue(logLevel), parse.GetValue(networks)));
        return command;
    }

    /// <summary>Runs the server until stdin closes; returns the exit code.</summary>
    internal static int Run(string? storePath, Microsoft.Extensions.Logging.LogLevel logLevel, string? networksDirectory = null)
    {
        if (string.IsNullOrWhiteSpace(networksDirectory))
        {
            networksDirectory = Environment.GetEnvironmentVariable(ServerOptions.NetworksEnvironmentVariable);
        }

        var options = new ServerOptions
        {
            StorePath = string.IsNullOrWhiteSpace(storePath) ? ServerOptions.DefaultStorePath() : storePath,
            LogLevel = logLevel,
            NetworksDirectory = string.IsNullOrWhiteSpace(networksDirectory) ? null : networksDirectory,
        };
        ServerHost.RunStdioAsync(options).GetAwaiter().GetResult();
        return 0;
    }
}
