using System.CommandLine;
using System.Text.Json;
using Actinf.Bench.Baselines;
using Actinf.Bench.Replay;
using Actinf.Bench.Workloads;
using Actinf.Core.Agents;
using Actinf.Core.Io;
using Actinf.Core.Models;

namespace Actinf.Cli.Bench;

/// <summary>
/// <c>actinf bench step MODEL.json... [--json] [--steps K | --recorded] [--shortcuts all|caches-only|none] [--baseline FILE]</c>: replays each model's
/// <c>bench</c> workload with <see cref="StepReplay"/> and reports time per full step, allocation per step
/// and, where pymdp's baseline has the model, pymdp's median and the speed-up.
/// </summary>
internal static class BenchStepCommand
{
    private const string Description = """
        Replay each model's "bench" workload (warm-up steps untimed, then K timed full steps) and report the
        median and p95 microseconds per step, bytes allocated per step, and pymdp's median with the speed-up
        when tests/data/pymdp-baseline.json has the model.

        Examples:
          actinf bench step tests/data/bench-models/tmaze.json
          actinf bench step tests/data/bench-models/*.json --steps 2000
          actinf bench step tests/data/bench-models/grid7x7_plen3.json --json
          actinf bench step tests/data/bench-models/grid*.json --shortcuts caches-only
          actinf bench step tests/data/bench-models/*.json --recorded
        """;

    /// <summary>Builds <c>actinf bench step</c>.</summary>
    public static Command Create()
    {
        var models = new Argument<string[]>("MODEL.json")
        {
            Description = "actinf-model/1 files with a \"bench\" object (e.g. tests/data/bench-models/*.json).",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print {\"models\":[{\"name\",\"median_us\",\"p95_us\",\"alloc_bytes_per_step\",...}]} on stdout instead of a table.",
        };
        var steps = new Option<int?>("--steps")
        {
            Description = "Timed steps K per model. Default: the file's iterations, at least 200 and about 1 s of work.",
            HelpName = "K",
        };
        steps.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is <= 0)
            {
                result.AddError("--steps must be a positive number of steps.");
            }
        });
        var recorded = new Option<bool>("--recorded")
        {
            Description = "Time exactly the recorded steps pymdp timed (K = the file's iterations, no cycling). Not with --steps.",
        };
        var shortcuts = new Option<string>("--shortcuts")
        {
            Description = "Engine shortcuts (AgentOptions.Shortcuts): 'all' (default: caches, and skips of work whose inputs did not change), "
                + "'caches-only' (every step computed in full from per-model caches: the like-for-like comparison with pymdp), "
                + "'none' (the plain arithmetic, no caches or sparse products).",
            HelpName = "all|caches-only|none",
            DefaultValueFactory = _ => "all",
        };
        shortcuts.AcceptOnlyFromAmong("all", "caches-only", "none");
        var baseline = new Option<string?>("--baseline")
        {
            Description = $"pymdp timings to compare with. Default: ${PymdpBaseline.PathVariable}, else tests/data/{PymdpBaseline.FileName} in the repository.",
            HelpName = "FILE",
        };

        var command = new Command("step", Description) { models, json, steps, recorded, shortcuts, baseline };
        command.Validators.Add(result =>
        {
            if (result.GetValue(recorded) && result.GetValue(steps) is not null)
            {
                result.AddError("--recorded and --steps both fix the number of timed steps; give one of them.");
            }
        });
        command.SetAction(parse => Run(
            parse.GetRequiredValue(models),
            parse.GetValue(json),
            new StepReplayOptions
            {
                Steps = parse.GetValue(steps),
                RecordedStepsOnly = parse.GetValue(recorded),
                Shortcuts = parse.GetValue(shortcuts) switch
                {
                    "caches-only" => ComputeShortcuts.CachesOnly,
                    "none" => ComputeShortcuts.None,
                    _ => null,
                },
            },
            parse.GetValue(baseline),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs the command; returns the exit code (0 success, 1 bad input).</summary>
    internal static int Run(string[] paths, bool json, StepReplayOptions options, string? baselinePath, TextWriter output, TextWriter error)
    {
        // Read every file first, so that a bad one fails before minutes of timing.
        var documents = new List<(ModelDocument Document, string Path)>(paths.Length);
        foreach (string path in paths)
        {
            try
            {
                ModelDocument document = ModelJson.ReadFile(path);
                _ = BenchModels.RequireWorkload(document, path);
                documents.Add((document, path));
            }
            catch (Exception e) when (IsInputError(e))
            {
                error.WriteLine(e is FileNotFoundException or DirectoryNotFoundException
                    ? $"error: {path}: file not found."
                    : $"error: {(e.Message.Contains(path, StringComparison.Ordinal) ? e.Message : $"{path}: {e.Message}")}");
                return 1;
            }
        }

        PymdpBaseline? baseline;
        string? resolved = baselinePath ?? PymdpBaseline.FindDefaultPath();
        try
        {
            baseline = resolved is null ? null : PymdpBaseline.Load(resolved);
        }
        catch (Exception e) when (IsInputError(e))
        {
            error.WriteLine($"error: baseline {resolved}: {e.Message}");
            return 1;
        }

        var results = new List<StepReplayResult>(documents.Count);
        foreach ((ModelDocument document, string path) in documents)
        {
            if (!json)
            {
                error.WriteLine($"replaying {path} ...");
            }

            try
            {
                results.Add(StepReplay.Run(document, path, options));
            }
            catch (InvalidOperationException e)
            {
                // E.g. the workload asks for update_A but the model has no pA.
                error.WriteLine($"error: {path}: the workload cannot run on this model: {e.Message}");
                return 1;
            }
        }

        IReadOnlyList<PymdpComparison> rows = PymdpComparison.Pair(results, baseline);
        if (json)
        {
            StepReportWriter.WriteJson(rows, output);
        }
        else
        {
            StepReportWriter.WriteTable(rows, output);
        }

        return 0;
    }

    private static bool IsInputError(Exception e) =>
        e is IOException or InvalidDataException or JsonException or ModelValidationException or FormatException or UnauthorizedAccessException
            or ArgumentException;
}
