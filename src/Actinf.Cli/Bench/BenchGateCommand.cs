using System.CommandLine;
using Actinf.Bench.Analysis;
using Actinf.Bench.Results;

namespace Actinf.Cli.Bench;

/// <summary>
/// <c>actinf bench gate [--baseline FILE] [--results FILE] [--history DIR] [--warn 10] [--fail 25] [--alpha 0.01]
/// [--min-hit-rate 0.2] [--max-alloc BYTES]</c>: the CI quality gate (exit 0 pass, 1 fail, one line per failing
/// check); and <c>actinf bench gate --promote FILE [--baseline-out PATH]</c>: makes a validated result file the baseline.
/// </summary>
internal static class BenchGateCommand
{
    private const string Description = """
        Gate a result file against a baseline. Fails (exit 1), printing one line per failing check, when a
        benchmark is significantly slower (Mann-Whitney U, p < alpha) by more than --fail %, when a benchmark's
        hit_rate metric is below --min-hit-rate, or when a benchmark allocates more than --max-alloc bytes per
        operation. A significant slow-down from --warn % is a warning; faster benchmarks never fail.
        Exit code 0 when nothing fails; 1 when something does, or when the files cannot be read.

        With --promote FILE, validate FILE and copy it to the baseline path instead (--baseline-out, default
        DIR/baseline.json with DIR from --history).

        Examples:
          actinf bench gate --baseline bench-results/baseline.json
          actinf bench gate --baseline base.json --results new.json --fail 20 --max-alloc 0
          actinf bench gate --promote bench-results/run-20250110.json
        """;

    /// <summary>Builds <c>actinf bench gate</c>.</summary>
    public static Command Create()
    {
        var baseline = new Option<string?>("--baseline")
        {
            Description = "The baseline result file. Default: DIR/baseline.json (DIR from --history).",
            HelpName = "FILE",
        };
        var results = new Option<string?>("--results")
        {
            Description = "The result file to gate. Default: the newest run in the results folder (by its utc_time).",
            HelpName = "FILE",
        };
        var history = new Option<string>("--history")
        {
            Description = "The results folder.",
            HelpName = "DIR",
            DefaultValueFactory = _ => ResultHistory.DefaultDirectory,
        };
        var promote = new Option<string?>("--promote")
        {
            Description = "Validate this result file and copy it to the baseline path, instead of gating.",
            HelpName = "FILE",
        };
        var baselineOut = new Option<string?>("--baseline-out")
        {
            Description = "Where --promote writes the baseline. Default: DIR/baseline.json.",
            HelpName = "PATH",
        };
        BenchThresholds thresholds = BenchThresholds.ForGate();

        var command = new Command("gate", Description) { baseline, results, history, promote, baselineOut };
        thresholds.AddTo(command);
        command.Validators.Add(result =>
        {
            bool promoting = result.GetResult(promote) is not null;
            if (promoting && (result.GetResult(baseline) is not null || result.GetResult(results) is not null))
            {
                result.AddError("--promote copies a file to the baseline; it does not gate, so it takes neither --baseline nor --results.");
            }

            if (!promoting && result.GetResult(baselineOut) is not null)
            {
                result.AddError("--baseline-out only applies with --promote FILE.");
            }
        });
        command.SetAction(parse =>
        {
            string dir = parse.GetValue(history) ?? ResultHistory.DefaultDirectory;
            return parse.GetValue(promote) is string file
                ? Promote(file, parse.GetValue(baselineOut) ?? ResultHistory.DefaultBaselinePath(dir), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error)
                : Run(
                    parse.GetValue(baseline) ?? ResultHistory.DefaultBaselinePath(dir),
                    parse.GetValue(results),
                    dir,
                    thresholds.Gate(parse),
                    parse.InvocationConfiguration.Output,
                    parse.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>Runs the gate; returns 0 when nothing fails, 1 when a check fails or the input is bad.</summary>
    /// <param name="baselinePath">The baseline file.</param>
    /// <param name="resultsPath">The results to gate; null for the newest run in <paramref name="historyDirectory"/>.</param>
    /// <param name="historyDirectory">The results folder searched when <paramref name="resultsPath"/> is null.</param>
    /// <param name="options">Thresholds.</param>
    /// <param name="output">Where the verdict and the checks go.</param>
    /// <param name="error">Where input errors go.</param>
    internal static int Run(string baselinePath, string? resultsPath, string historyDirectory, GateOptions options, TextWriter output, TextWriter error)
    {
        if (resultsPath is null)
        {
            try
            {
                ResultHistory history = ResultHistory.Load(historyDirectory);
                foreach (string skipped in history.Skipped)
                {
                    error.WriteLine($"warning: skipped {skipped}");
                }

                if (history.Latest is null)
                {
                    error.WriteLine($"error: {historyDirectory} has no result files (besides {ResultHistory.BaselineFileName}); run 'actinf bench run' or pass --results FILE.");
                    return 1;
                }

                resultsPath = history.Latest.Path;
            }
            catch (DirectoryNotFoundException e)
            {
                error.WriteLine($"error: {e.Message}");
                return 1;
            }
        }

        BenchmarkRun? baseline = BenchFiles.TryRead(baselinePath, "baseline", error);
        BenchmarkRun? current = baseline is null ? null : BenchFiles.TryRead(resultsPath, "results", error);
        if (baseline is null || current is null)
        {
            if (baseline is null && !File.Exists(baselinePath))
            {
                error.WriteLine("hint: make a baseline with 'actinf bench gate --promote RESULT.json', or pass --baseline FILE.");
            }

            return 1;
        }

        GateResult gate;
        try
        {
            gate = QualityGate.Evaluate(baseline, current, options);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }

        output.WriteLine($"gate: {resultsPath} (run {current.RunId}) against baseline {baselinePath} (run {baseline.RunId})");
        foreach (GateCheck check in gate.Checks)
        {
            string prefix = check.Outcome switch
            {
                GateOutcome.Failure => "FAIL",
                GateOutcome.Warning => "WARN",
                _ => "note",
            };
            output.WriteLine($"{prefix} {check.Message}");
        }

        int failures = gate.Failures.Count;
        int warnings = gate.Warnings.Count;
        string counts = $"{failures} failing {(failures == 1 ? "check" : "checks")}, {warnings} {(warnings == 1 ? "warning" : "warnings")}; "
            + $"{BenchCompareCommand.Summary(gate.Comparison)}";
        output.WriteLine(gate.Passed ? $"gate: passed ({counts})" : $"gate: FAILED ({counts})");
        output.Flush();
        return gate.Passed ? 0 : 1;
    }

    /// <summary>Validates <paramref name="source"/> and copies it to <paramref name="destination"/>; returns 0, or 1 when it is not a usable result file.</summary>
    internal static int Promote(string source, string destination, TextWriter output, TextWriter error)
    {
        BenchmarkRun run;
        try
        {
            run = BaselinePromotion.Promote(source, destination);
        }
        catch (Exception e) when (BenchFiles.IsInputError(e))
        {
            error.WriteLine($"error: {BenchFiles.Describe(source, e)}");
            return 1;
        }

        if (run.Quick)
        {
            error.WriteLine($"warning: {source} is a quick run (fewer, noisier samples); a full run makes a steadier baseline.");
        }

        output.WriteLine($"promoted {source} (run {run.RunId}, commit {run.GitCommit}, {run.Benchmarks.Count} benchmarks) to {destination}");
        return 0;
    }
}
