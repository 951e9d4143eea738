using System.CommandLine;
using Actinf.Bench.Analysis;
using Actinf.Bench.Runner;
using Actinf.Cli.Rendering;
using Spectre.Console;

namespace Actinf.Cli.Bench;

/// <summary>
/// <c>actinf bench run [--suite NAME...] [--quick] [--out DIR] [--list]</c>: runs the benchmark suites with
/// BenchmarkDotNet (<see cref="BenchmarkSuiteRunner"/>) and writes one result file per run,
/// <c>DIR/run-RUNID.json</c> (schema actinf-bench-run/1).
/// </summary>
internal static class BenchRunCommand
{
    private const string Description = """
        Run the benchmark suites (BenchmarkDotNet) and write one result file per run, OUT/run-RUNID.json
        (schema actinf-bench-run/1: samples, mean, median, p95, p99, stddev in ns per operation, allocated
        bytes per operation, and each suite's metrics such as hit_rate, speedup, ops_skipped, max_deviation).
        BenchmarkDotNet's own output goes to OUT/run-RUNID.log. Build in Release first.

        A suite is every benchmark class marked [BenchmarkCategory("NAME")]: --list shows them.
        --quick measures in-process with few iterations on a subset of models (under 3 minutes on 2 cores);
        without it each case runs BenchmarkDotNet's default job in its own process (much longer).
        Exit code 0 when every case was measured; 1 on bad input or when a case failed.

        Examples:
          actinf bench run --quick
          actinf bench run --suite caching selective --quick --out /tmp/bench
          actinf bench run --list
          actinf bench run
        """;

    /// <summary>Builds <c>actinf bench run</c>.</summary>
    public static Command Create()
    {
        var suites = new Option<string[]>("--suite")
        {
            Description = "Suites to run (repeat or list several); default: all. --list shows the names.",
            HelpName = "NAME",
            AllowMultipleArgumentsPerToken = true,
        };
        var quick = new Option<bool>("--quick")
        {
            Description = "In-process, 10 short iterations per case, a subset of models: minutes instead of an hour, noisier.",
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder of the result file and the BenchmarkDotNet log.",
            HelpName = "DIR",
            DefaultValueFactory = _ => ResultHistory.DefaultDirectory,
        };
        var list = new Option<bool>("--list")
        {
            Description = "Print the suites and the ids of their benchmarks (with --quick: the quick subset) without running them.",
        };

        var command = new Command("run", Description) { suites, quick, output, list };
        command.SetAction(parse => Run(
            new BenchmarkRunOptions
            {
                Suites = parse.GetValue(suites) ?? [],
                Quick = parse.GetValue(quick),
                OutputDirectory = parse.GetValue(output) ?? ResultHistory.DefaultDirectory,
            },
            parse.GetValue(list),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs the command; returns 0 on success, 1 on bad input or when a case failed.</summary>
    /// <param name="options">Suites, quick, output folder.</param>
    /// <param name="listOnly">Print the plan instead of running it.</param>
    /// <param name="output">Progress, the summary table and the paths.</param>
    /// <param name="error">Errors.</param>
    /// <param name="runner">The runner; null for one over every suite of Actinf.Bench.</param>
    internal static int Run(BenchmarkRunOptions options, bool listOnly, TextWriter output, TextWriter error, BenchmarkSuiteRunner? runner = null)
    {
        runner ??= new BenchmarkSuiteRunner();
        IReadOnlyList<PlannedBenchmark> plan;
        try
        {
            plan = runner.Plan(options);
        }
        catch (Exception e) when (e is ArgumentException or DirectoryNotFoundException or FileNotFoundException)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }

        if (listOnly)
        {
            RunReportWriter.WritePlan(plan, runner.Catalog.Resolve(options.Suites), options.Quick, output);
            return 0;
        }

        IAnsiConsole console = CliConsole.Create(output);
        BenchmarkRunOutcome outcome;
        try
        {
            outcome = RunWithProgress(console, runner, options);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }

        RunReportWriter.WriteSummary(output, outcome);
        foreach (string failure in outcome.Failures)
        {
            error.WriteLine($"error: {failure}");
        }

        return outcome.Failures.Count == 0 ? 0 : 1;
    }

    private static BenchmarkRunOutcome RunWithProgress(IAnsiConsole console, BenchmarkSuiteRunner runner, BenchmarkRunOptions options)
    {
        // No refresh thread: in-process, BenchmarkDotNet counts the allocations of every thread, so the bars are
        // redrawn only between cases, on the runner's thread (SpectreRunProgress calls Refresh).
        BenchmarkRunOutcome? outcome = null;
        console.Progress()
            .AutoRefresh(false)
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var progress = new SpectreRunProgress(context);
                outcome = runner.Run(options, progress);
                progress.Complete();
            });
        return outcome!;
    }
}
