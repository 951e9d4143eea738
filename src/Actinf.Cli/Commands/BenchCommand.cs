using System.CommandLine;
using Actinf.Cli.Bench;

namespace Actinf.Cli.Commands;

/// <summary>
/// <c>actinf bench</c>: measurements of the engine. Each subcommand lives in its own file under
/// <c>Bench/</c>; <c>step</c> replays benchmark models, and <c>run</c>, <c>compare</c>, <c>gate</c> and
/// <c>report</c> join it as siblings.
/// </summary>
internal static class BenchCommand
{
    /// <summary>Builds <c>actinf bench</c> and its subcommands.</summary>
    public static Command Create()
    {
        var bench = new Command("bench", "Measure the engine and watch it: time agent steps against pymdp, compare runs, gate regressions, write reports.");
        bench.Subcommands.Add(BenchRunCommand.Create());
        bench.Subcommands.Add(BenchStepCommand.Create());
        bench.Subcommands.Add(BenchCompareCommand.Create());
        bench.Subcommands.Add(BenchGateCommand.Create());
        bench.Subcommands.Add(BenchReportCommand.Create());
        return bench;
    }
}
