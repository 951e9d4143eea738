using System.CommandLine;
using Actinf.Bench.Analysis;
using Actinf.Bench.Reports;
using Actinf.Bench.Results;

namespace Actinf.Cli.Bench;

/// <summary>
/// <c>actinf bench report [--history DIR] [--baseline FILE] [--out DIR]</c>: reads every result file of the
/// history and writes <c>report.md</c>, <c>report.html</c> (charts inlined, works offline) and <c>charts/*.png</c>.
/// </summary>
internal static class BenchReportCommand
{
    private const string Description = """
        Write a report of the benchmark history: report.md and report.html in --out, and charts/*.png when a
        headless Chromium is available. Both open with a one-line verdict and a status table, then the
        executive summary, regressions, improvements, gate checks, recommendations and the charts (median
        over time, latest vs baseline, cache hit rates, allocations). The HTML draws its charts with Vega-Lite
        inlined in the page, installed on first use by 'npm ci' in tools/report; without npm it keeps the
        tables and says so. The latest run is compared with --baseline, else DIR/baseline.json, else the run
        before it. Exit code 0 when written (whatever the verdict: use 'bench gate' to fail a build); 1 on bad input.

        Examples:
          actinf bench report
          actinf bench report --history ci-results --out ci-results/report
          actinf bench report --baseline bench-results/baseline.json --no-images
        """;

    /// <summary>Builds <c>actinf bench report</c>.</summary>
    public static Command Create()
    {
        var history = new Option<string>("--history")
        {
            Description = "The results folder: every *.json result file in it except baseline.json.",
            HelpName = "DIR",
            DefaultValueFactory = _ => ResultHistory.DefaultDirectory,
        };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "The baseline to compare the latest run with. Default: DIR/baseline.json when present, else the run before the latest.",
            HelpName = "FILE",
        };
        var output = new Option<string?>("--out")
        {
            Description = "Output folder. Default: DIR/report.",
            HelpName = "DIR",
        };
        var tools = new Option<string?>("--tools")
        {
            Description = $"The chart tool folder (package.json of vega, vega-lite, vega-embed). Default: {ReportTools.RelativeDirectory} of the repository, or ${ReportTools.DirectoryVariable}.",
            HelpName = "DIR",
        };
        var noImages = new Option<bool>("--no-images")
        {
            Description = "Do not render chart images (no node, no Chromium); the HTML still draws the charts.",
        };
        BenchThresholds thresholds = BenchThresholds.ForGate();

        var command = new Command("report", Description) { history, baseline, output, tools, noImages };
        thresholds.AddTo(command);
        command.SetAction(parse =>
        {
            string dir = parse.GetValue(history) ?? ResultHistory.DefaultDirectory;
            return Run(
                dir,
                parse.GetValue(baseline),
                parse.GetValue(output) ?? Path.Combine(dir, "report"),
                new ReportOptions { Gate = thresholds.Gate(parse) },
                new ReportWriterOptions { ToolsDirectory = parse.GetValue(tools), RenderImages = !parse.GetValue(noImages) },
                parse.InvocationConfiguration.Output,
                parse.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>Writes the report; returns 0 when written, 1 on bad input.</summary>
    /// <param name="historyDirectory">The results folder.</param>
    /// <param name="baselinePath">The baseline; null for DIR/baseline.json when present, else the previous run.</param>
    /// <param name="outputDirectory">Where the report goes.</param>
    /// <param name="options">Thresholds.</param>
    /// <param name="writerOptions">Where the chart tools are.</param>
    /// <param name="output">The verdict and the written paths.</param>
    /// <param name="error">Progress, notices about missing chart tools, input errors.</param>
    internal static int Run(string historyDirectory, string? baselinePath, string outputDirectory, ReportOptions options, ReportWriterOptions writerOptions, TextWriter output, TextWriter error)
    {
        ResultHistory history;
        try
        {
            history = ResultHistory.Load(historyDirectory);
        }
        catch (DirectoryNotFoundException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }

        foreach (string skipped in history.Skipped)
        {
            error.WriteLine($"warning: skipped {skipped}");
        }

        if (history.Runs.Count == 0)
        {
            error.WriteLine($"error: {historyDirectory} has no result files; run 'actinf bench run' first.");
            return 1;
        }

        string? source = baselinePath;
        if (source is null && File.Exists(ResultHistory.DefaultBaselinePath(historyDirectory)))
        {
            source = ResultHistory.DefaultBaselinePath(historyDirectory);
        }

        BenchmarkRun? baseline = null;
        if (source is not null)
        {
            baseline = BenchFiles.TryRead(source, "baseline", error);
            if (baseline is null)
            {
                return 1;
            }
        }

        ReportOutcome outcome;
        try
        {
            ReportData data = ReportData.Create(history.Runs, baseline, source, options);
            outcome = ReportWriter.Write(data, outputDirectory, writerOptions, error);
        }
        catch (Exception e) when (BenchFiles.IsInputError(e))
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }

        output.WriteLine(outcome.Document.Verdict.Replace("`", "", StringComparison.Ordinal));
        output.WriteLine($"wrote {outcome.MarkdownPath}");
        output.WriteLine($"wrote {outcome.HtmlPath}");
        foreach (string chart in outcome.ChartFiles)
        {
            output.WriteLine($"wrote {Path.Combine(outputDirectory, chart)}");
        }

        return 0;
    }
}
