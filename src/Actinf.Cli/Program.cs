using System.CommandLine;
using Actinf.Cli.Commands;
using Actinf.Cli.Help;

namespace Actinf.Cli;

/// <summary>Entry point of the <c>actinf</c> command.</summary>
public static class Program
{
    /// <summary>Builds the command tree (one file per command under Commands/).</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("actinf — active inference for .NET: discrete agents, conformance with pymdp, benchmarks, causal Bayesian networks.");
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ConformanceCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(CausalCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        DetailedHelpAction.Install(root);
        return root;
    }

    /// <summary>Runs the command line.</summary>
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();
}
