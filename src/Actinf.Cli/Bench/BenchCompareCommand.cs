using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Actinf.Bench.Analysis;
using Actinf.Bench.Results;
using Actinf.Cli.Rendering;
using Spectre.Console;

namespace Actinf.Cli.Bench;

/// <summary>
/// <c>actinf bench compare BASE.json NEW.json [--warn 10] [--fail 25] [--alpha 0.01] [--json]</c>: matches the
/// benchmarks of two result files by id and prints, per benchmark, both medians, the change, the Mann-Whitney
/// p-value, the verdict (slower, faster, noise, added, removed) and the severity.
/// </summary>
internal static class BenchCompareCommand
{
    private const string Description = """
        Compare two result files (schema actinf-bench-run/1) benchmark by benchmark, matched by id.
        A change counts only when a two-sided Mann-Whitney U test on the two sets of samples gives p < alpha;
        otherwise it is noise, whatever the medians say. A significant change is minor below --warn %,
        moderate from --warn to --fail %, severe above --fail %. Faster benchmarks get the same magnitudes as
        improvements. Exit code 0 (this command never fails on a regression: use 'bench gate'); 1 on bad input.

        Examples:
          actinf bench compare bench-results/baseline.json bench-results/run-20250110.json
          actinf bench compare base.json new.json --warn 5 --fail 15 --alpha 0.001
          actinf bench compare base.json new.json --json
        """;

    /// <summary>Builds <c>actinf bench compare</c>.</summary>
    public static Command Create()
    {
        var baseline = new Argument<string>("BASE.json") { Description = "The baseline result file." };
        var current = new Argument<string>("NEW.json") { Description = "The new result file." };
        var json = new Option<bool>("--json")
        {
            Description = "Print {\"baseline\",\"current\",\"options\",\"summary\",\"benchmarks\":[...]} on stdout instead of a table.",
        };
        BenchThresholds thresholds = BenchThresholds.ForComparison();

        var command = new Command("compare", Description) { baseline, current, json };
        thresholds.AddTo(command);
        command.SetAction(parse => Run(
            parse.GetRequiredValue(baseline),
            parse.GetRequiredValue(current),
            thresholds.Comparison(parse),
            parse.GetValue(json),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs the command; returns the exit code (0 compared, 1 bad input).</summary>
    internal static int Run(string baselinePath, string currentPath, ComparisonOptions options, bool json, TextWriter output, TextWriter error)
    {
        BenchmarkRun? baseline = BenchFiles.TryRead(baselinePath, "baseline", error);
        BenchmarkRun? current = baseline is null ? null : BenchFiles.TryRead(currentPath, "new results", error);
        if (baseline is null || current is null)
        {
            return 1;
        }

        RunComparison comparison;
        try
        {
            comparison = RunComparison.Compare(baseline, current, options);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }

        if (json)
        {
            WriteJson(comparison, output);
        }
        else
        {
            WriteTable(comparison, baselinePath, currentPath, output);
        }

        return 0;
    }

    /// <summary>One line of counts: "2 slower (1 severe, 1 moderate, 0 minor), 1 faster, 3 noise, 1 added, 0 removed".</summary>
    internal static string Summary(RunComparison c) =>
        $"{c.Count(ChangeKind.Regression)} slower ({c.Count(ChangeKind.Regression, Severity.Severe)} severe, {c.Count(ChangeKind.Regression, Severity.Moderate)} moderate, "
        + $"{c.Count(ChangeKind.Regression, Severity.Minor)} minor), {c.Count(ChangeKind.Improvement)} faster, {c.Count(ChangeKind.Noise)} noise, "
        + $"{c.Count(ChangeKind.Added)} added, {c.Count(ChangeKind.Removed)} removed";

    private static void WriteTable(RunComparison comparison, string baselinePath, string currentPath, TextWriter output)
    {
        IAnsiConsole console = CliConsole.Create(output);
        if (!CliConsole.IsTerminal(output))
        {
            console.Profile.Width = 160;
        }

        console.WriteLine($"baseline: {baselinePath} (run {comparison.Baseline.RunId}, {Time(comparison.Baseline.UtcTime)}, commit {comparison.Baseline.GitCommit})");
        console.WriteLine($"new:      {currentPath} (run {comparison.Current.RunId}, {Time(comparison.Current.UtcTime)}, commit {comparison.Current.GitCommit})");
        var table = new Table()
            .AddColumn("benchmark")
            .AddColumn(new TableColumn("base median").RightAligned())
            .AddColumn(new TableColumn("new median").RightAligned())
            .AddColumn(new TableColumn("change").RightAligned())
            .AddColumn(new TableColumn("p").RightAligned())
            .AddColumn("verdict")
            .AddColumn("severity");
        foreach (BenchmarkComparison row in comparison.Benchmarks)
        {
            string colour = row switch
            {
                { Kind: ChangeKind.Regression, Severity: Severity.Severe } => "red",
                { Kind: ChangeKind.Regression, Severity: Severity.Moderate } => "yellow",
                { Kind: ChangeKind.Improvement } => "green",
                _ => "default",
            };
            table.AddRow(
                Markup.Escape(row.Id),
                row.Baseline is null ? "-" : DisplayFormat.Time(row.Baseline.MedianNs),
                row.Current is null ? "-" : DisplayFormat.Time(row.Current.MedianNs),
                $"[{colour}]{Markup.Escape(DisplayFormat.Change(row.ChangePercent))}[/]",
                DisplayFormat.PValue(row.Test?.PValue),
                $"[{colour}]{Markup.Escape(DisplayFormat.VerdictLabel(row))}[/]",
                $"[{colour}]{Markup.Escape(DisplayFormat.SeverityLabel(row))}[/]");
        }

        console.Write(table);
        ComparisonOptions o = comparison.Options;
        console.WriteLine($"{Summary(comparison)}.");
        console.WriteLine($"Mann-Whitney U, two-sided, alpha {DisplayFormat.Number(o.Alpha)} (exact below {MannWhitney.ExactLimit} samples without ties, else normal approximation); "
            + $"warn {DisplayFormat.Threshold(o.WarnPercent)}, fail above {DisplayFormat.Threshold(o.FailPercent)}.");
        output.Flush();
    }

    private static void WriteJson(RunComparison comparison, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            WriteRun(json, "baseline", comparison.Baseline);
            WriteRun(json, "current", comparison.Current);
            json.WriteStartObject("options");
            json.WriteNumber("warn_percent", comparison.Options.WarnPercent);
            json.WriteNumber("fail_percent", comparison.Options.FailPercent);
            json.WriteNumber("alpha", comparison.Options.Alpha);
            json.WriteEndObject();
            json.WriteStartObject("summary");
            json.WriteNumber("severe", comparison.Count(ChangeKind.Regression, Severity.Severe));
            json.WriteNumber("moderate", comparison.Count(ChangeKind.Regression, Severity.Moderate));
            json.WriteNumber("minor", comparison.Count(ChangeKind.Regression, Severity.Minor));
            json.WriteNumber("improved", comparison.Count(ChangeKind.Improvement));
            json.WriteNumber("noise", comparison.Count(ChangeKind.Noise));
            json.WriteNumber("added", comparison.Count(ChangeKind.Added));
            json.WriteNumber("removed", comparison.Count(ChangeKind.Removed));
            json.WriteEndObject();
            json.WriteStartArray("benchmarks");
            foreach (BenchmarkComparison row in comparison.Benchmarks)
            {
                json.WriteStartObject();
                json.WriteString("id", row.Id);
                json.WriteString("suite", row.Suite);
                json.WriteString("verdict", row.Kind.ToString().ToLowerInvariant());
                json.WriteString("severity", row.Severity.ToString().ToLowerInvariant());
                WriteNullable(json, "base_median_ns", row.Baseline?.MedianNs);
                WriteNullable(json, "new_median_ns", row.Current?.MedianNs);
                WriteNullable(json, "change_percent", row.ChangePercent is double c ? Math.Round(c, 4) : null);
                WriteNullable(json, "p_value", row.Test?.PValue);
                WriteNullable(json, "u", row.Test?.U);
                if (row.Test is null)
                {
                    json.WriteNull("test");
                }
                else
                {
                    json.WriteString("test", row.Test.Method == MannWhitneyMethod.Exact ? "exact" : "normal");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Flush();
    }

    private static void WriteRun(Utf8JsonWriter json, string name, BenchmarkRun run)
    {
        json.WriteStartObject(name);
        json.WriteString("run_id", run.RunId);
        json.WriteString("utc_time", run.UtcTime);
        json.WriteString("git_commit", run.GitCommit);
        json.WriteBoolean("quick", run.Quick);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is double v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
