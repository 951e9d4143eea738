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
        var bench = new Command("bench", "Measure the engine: time agent steps on benchmark models and compare them with pymdp.");
        bench.Subcommands.Add(BenchStepCommand.Create());
        return bench;
    }
}
