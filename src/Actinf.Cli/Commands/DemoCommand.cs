using System.CommandLine;
using Actinf.Cli.Demo;
using Actinf.Cli.Rendering;
using Spectre.Console;

namespace Actinf.Cli.Commands;

/// <summary>
/// <c>actinf demo [--trials N] [--seed S] [--no-color]</c>: a T-maze agent, step by step — what it observes,
/// believes and plans (G split into utility and information gain), what it does and why — and a summary.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Default number of trials.</summary>
    public const int DefaultTrials = 8;

    /// <summary>Largest number of trials accepted.</summary>
    public const int MaxTrials = 1000;

    private const string Description = """
        Watch an active inference agent solve the T-maze (pymdp's TMazeEnv). In each trial one arm holds a
        reward and the other a loss; a cue at the bottom arm tells which. For every step the demo shows what
        the agent observed, its beliefs (location and reward side), its best plans with G split into expected
        utility and information gain, and the move it makes and why. A summary table ends the run: how often
        it checked the cue first, and its reward and loss rates. Colours only on a terminal; NO_COLOR is honoured.

        Examples:
          actinf demo
          actinf demo --trials 3 --seed 42
          actinf demo --no-color > demo.txt
        """;

    /// <summary>Builds <c>actinf demo</c>.</summary>
    public static Command Create()
    {
        var trials = new Option<int>("--trials")
        {
            Description = $"Number of trials (1..{MaxTrials}); each resets the maze and the agent.",
            HelpName = "N",
            DefaultValueFactory = _ => DefaultTrials,
        };
        OptionRanges.Require(trials, 1, MaxTrials);
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the maze (reward sides, outcomes) and the agent; the same seed gives the same run.",
            HelpName = "S",
            DefaultValueFactory = _ => 0,
        };
        var noColor = new Option<bool>("--no-color")
        {
            Description = "Plain output without colours (also when NO_COLOR is set). Default: colours on a terminal.",
        };

        var command = new Command("demo", Description) { trials, seed, noColor };
        command.SetAction(parse => Run(
            parse.GetValue(trials),
            parse.GetValue(seed),
            parse.GetValue(noColor),
            parse.InvocationConfiguration.Output));
        return command;
    }

    /// <summary>Runs the demo; returns the exit code.</summary>
    internal static int Run(int trials, int seed, bool noColor, TextWriter output)
    {
        IAnsiConsole console = CliConsole.Create(output, noColor);
        var demo = new TMazeDemo(seed, console.Profile.Capabilities.Unicode);
        DemoRenderer.WriteIntroduction(console, demo, trials, seed);
        var done = new List<DemoTrial>(trials);
        for (int i = 1; i <= trials; i++)
        {
            DemoTrial trial = demo.RunTrial(i);
            done.Add(trial);
            DemoRenderer.WriteTrial(console, trial, trials, demo.Environment);
        }

        DemoRenderer.WriteSummary(console, done, demo.Environment);
        return 0;
    }
}
