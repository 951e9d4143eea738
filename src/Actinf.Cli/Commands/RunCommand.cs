using System.CommandLine;
using System.Text.Json;
using Actinf.Cli.Rendering;
using Actinf.Cli.Running;
using Actinf.Core.Environments;
using Actinf.Core.Io;
using Actinf.Core.Models;
using Spectre.Console;

namespace Actinf.Cli.Commands;

/// <summary>
/// <c>actinf run MODEL.json [--env auto|tmaze|grid] [--steps N] [--seed S] [--json]</c>: an agent built from
/// a model file, in closed loop with an environment; a summary table, or one JSON object per step.
/// </summary>
internal static class RunCommand
{
    /// <summary>Default number of steps.</summary>
    public const int DefaultSteps = 20;

    /// <summary>Largest number of steps accepted.</summary>
    public const int MaxSteps = 10_000_000;

    private const string Description = """
        Run an agent from an actinf-model/1 file in closed loop with an environment (T-maze or grid world). Each step
        the environment emits an observation, the agent infers states and policies and acts, and the environment
        moves. The model must fit the environment (same modalities, factors and outcome/state/control
        counts); for grid the size n comes from the model's n*n states, and the start cell from D.
        Prints a summary table (a progress bar on a terminal), or with --json one JSON object per line per
        step: {"t", "observation", "state", "action", "posterior" (per factor), "q_pi", "G"}.

        Examples:
          actinf run tests/data/bench-models/tmaze_plen2.json --env tmaze --steps 10
          actinf run tests/data/bench-models/grid7x7_plen3.json --env grid --steps 30 --seed 1
          actinf run tests/data/bench-models/tmaze.json --json | head -3
        """;

    /// <summary>Builds <c>actinf run</c>.</summary>
    public static Command Create()
    {
        var model = new Argument<string>("MODEL.json")
        {
            Description = "An actinf-model/1 file (e.g. tests/data/bench-models/tmaze.json).",
        };
        var environment = new Option<string>("--env")
        {
            Description = "Environment: tmaze (pymdp's T-maze), grid (n x n grid world), or auto (the first the model fits).",
            HelpName = "auto|tmaze|grid",
            DefaultValueFactory = _ => "auto",
        };
        environment.AcceptOnlyFromAmong("auto", "tmaze", "grid");
        var steps = new Option<int>("--steps")
        {
            Description = $"Number of closed-loop steps (1..{MaxSteps:N0}).",
            HelpName = "N",
            DefaultValueFactory = _ => DefaultSteps,
        };
        OptionRanges.Require(steps, 1, MaxSteps);
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the environment and of stochastic action selection; the same seed gives the same run.",
            HelpName = "S",
            DefaultValueFactory = _ => 0,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object per step (JSON Lines) and nothing else on stdout. Default: a summary table.",
        };

        var command = new Command("run", Description) { model, environment, steps, seed, json };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(model),
            parse.GetValue(environment) ?? "auto",
            parse.GetValue(steps),
            parse.GetValue(seed),
            parse.GetValue(json),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs the command; returns the exit code (0 success, 1 bad model file or incompatible model).</summary>
    internal static int Run(string path, string environmentName, int steps, int seed, bool json, TextWriter output, TextWriter error)
    {
        ModelDocument document;
        IGenerativeProcess environment;
        ClosedLoop loop;
        try
        {
            document = ModelJson.ReadFile(path);
            environment = ClosedLoop.CreateEnvironment(environmentName, document, seed);
            loop = new ClosedLoop(document.Model, ClosedLoop.WithSeed(document.Options, seed), environment);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            error.WriteLine($"error: {path}: file not found.");
            return 1;
        }
        catch (Exception e) when (IsInputError(e))
        {
            string message = e.Message.Contains(path, StringComparison.Ordinal) ? e.Message : $"{path}: {e.Message}";
            error.WriteLine($"error: {message}");
            return 1;
        }

        var tally = new RunTally(document.Model.NumControls, document.Model.NumObservations);
        if (json)
        {
            using var writer = new StepJsonWriter(output);
            for (int t = 0; t < steps; t++)
            {
                LoopStep step = loop.Step();
                tally.Add(step);
                writer.Write(step);
            }

            output.Flush();
            return 0;
        }

        IAnsiConsole console = CliConsole.Create(output);
        if (console.Profile.Capabilities.Interactive)
        {
            console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    ProgressTask task = context.AddTask($"{environment.Name}: {Path.GetFileName(path)}", maxValue: steps);
                    for (int t = 0; t < steps; t++)
                    {
                        tally.Add(loop.Step());
                        task.Increment(1);
                    }
                });
        }
        else
        {
            for (int t = 0; t < steps; t++)
            {
                tally.Add(loop.Step());
            }
        }

        string name = document.Name.Length > 0 ? document.Name : Path.GetFileNameWithoutExtension(path);
        RunRenderer.WriteSummary(console, name, path, document.Model, environment, tally, seed);
        return 0;
    }

    private static bool IsInputError(Exception e) =>
        e is IOException or JsonException or ModelValidationException or IncompatibleModelException or FormatException
            or UnauthorizedAccessException or ArgumentException;
}
