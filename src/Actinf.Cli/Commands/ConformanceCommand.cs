using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Actinf.Causal.Conformance;
using Actinf.Cli.Rendering;
using Actinf.Core.Conformance;
using Spectre.Console;

namespace Actinf.Cli.Commands;

/// <summary>
/// <c>actinf conformance PATH... [--networks DIR]... [--json] [--verbose]</c>: runs reference fixtures
/// (actinf-fixture/1 and causal-fixtures/1, told apart by their <c>format</c> field) and prints one row per
/// fixture; the exit code is 0 only when every fixture passes.
/// </summary>
internal static class ConformanceCommand
{
    private const string Description = """
        Check the engines against reference fixtures (pymdp, SPM and causal Bayesian-network answers); exit code 0 only if all pass.
        Each actinf-fixture/1 file (pymdp 0.0.7.1 and SPM12 outputs) is run and every number compared
        with the fixture's tolerance (|x - e| <= atol + rtol·|e|, 1e-8 / 1e-8 in the
        shared fixtures). Each causal-fixtures/1 file (exact marginals, posteriors, do, soft evidence,
        soft interventions, MPE and MAP on one network; kind "causal", steps = queries) is answered by the
        exact causal engine: probabilities within 1e-6, evidence probabilities within 1e-6 relative, logs
        within 1e-6. Its network, named by file name ("alarm.bif"), is looked up in each --networks folder
        in order, then in networks/ beside the fixture's folder (../networks). A folder means every *.json
        under it. Prints fixture, kind, steps or cases, the largest absolute error and pass/fail; exit
        code 0 only if all pass.

        Examples:
          actinf conformance tests/data/conformance
          actinf conformance tests/data/conformance/pymdp/agent_tmaze_default.json --verbose
          actinf conformance tests/data/causal/fixtures
          actinf conformance tests/data/causal/fixtures/alarm.json --networks tests/data/causal/networks
          actinf conformance my-queries/ --networks my-networks --networks tests/data/causal/networks --json
        """;

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Fixture files or folders (searched recursively for *.json).",
            Arity = ArgumentArity.OneOrMore,
        };
        var networks = new Option<string[]>("--networks")
        {
            Description = "Folder holding the networks of causal fixtures; repeat to search several, in order (then ../networks beside each fixture folder).",
            HelpName = "DIR",
            AllowMultipleArgumentsPerToken = false,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with every result instead of a table." };
        var verbose = new Option<bool>("--verbose") { Description = "List every mismatch of failing fixtures (default: the first 3 each)." };
        var noColor = new Option<bool>("--no-color") { Description = "Plain output without colour (also NO_COLOR)." };
        var command = new Command("conformance", Description) { paths, networks, json, verbose, noColor };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(paths),
            parse.GetValue(networks) ?? [],
            parse.GetValue(json),
            parse.GetValue(verbose),
            parse.GetValue(noColor),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string[] paths, string[] networkDirectories, bool json, bool verbose, bool noColor, TextWriter output, TextWriter error)
    {
        IReadOnlyList<string> files;
        try
        {
            files = FixtureRunner.ExpandPaths(paths);
        }
        catch (FileNotFoundException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }

        if (files.Count == 0)
        {
            error.WriteLine($"error: no *.json fixture under {string.Join(", ", paths)}.");
            return 2;
        }

        var causalOptions = new CausalFixtureOptions { NetworkDirectories = networkDirectories, Cache = new CausalNetworkCache() };
        var rows = new List<Row>(files.Count);
        foreach (string file in files)
        {
            try
            {
                if (IsCausalFixture(file))
                {
                    CausalFixtureResult causal = CausalFixtureRunner.RunFile(file, causalOptions);
                    rows.Add(new Row(ToSummary(causal), causal));
                }
                else
                {
                    rows.Add(new Row(FixtureRunner.RunFile(file), null));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                rows.Add(new Row(new FixtureResult(Path.GetFileNameWithoutExtension(file), file, "?", "?", 0, 0, 0, [$"cannot read: {e.Message}"]), null));
            }
        }

        if (json)
        {
            WriteJson(rows, output);
        }
        else
        {
            WriteTable(rows, verbose, CliConsole.Create(output, noColor));
        }

        return rows.TrueForAll(r => r.Summary.Passed) ? 0 : 1;
    }

    /// <summary>Whether <paramref name="file"/> declares <c>"format": "causal-fixtures/1"</c> (invalid JSON is left to the actinf-fixture runner to report).</summary>
    private static bool IsCausalFixture(string file)
    {
        using FileStream stream = File.OpenRead(file);
        try
        {
            using JsonDocument document = JsonDocument.Parse(stream);
            return CausalFixture.IsCausalFixture(document.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static FixtureResult ToSummary(CausalFixtureResult r) =>
        new(r.Name, r.Path, "causal", r.Network, r.QueryCount, r.Compared, r.MaxAbsError, r.Failures);

    private static void WriteTable(List<Row> rows, bool verbose, IAnsiConsole console)
    {
        List<FixtureResult> results = rows.ConvertAll(r => r.Summary);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("fixture");
        table.AddColumn("kind");
        table.AddColumn(new TableColumn("steps").RightAligned());
        table.AddColumn(new TableColumn("max abs error").RightAligned());
        table.AddColumn("result");
        foreach (FixtureResult r in results)
        {
            table.AddRow(
                Markup.Escape(r.Name),
                Markup.Escape(r.Kind),
                r.Count.ToString(CultureInfo.InvariantCulture),
                r.MaxAbsError.ToString("0.0E+00", CultureInfo.InvariantCulture),
                r.Passed ? "[green]pass[/]" : "[red]FAIL[/]");
        }

        console.Write(table);
        int failed = 0;
        foreach (FixtureResult r in results)
        {
            if (r.Passed)
            {
                continue;
            }

            failed++;
            console.MarkupLine($"[red]{Markup.Escape(r.Name)}[/] ({Markup.Escape(r.Path)}):");
            int shown = 0;
            foreach (string failure in r.Failures)
            {
                if (!verbose && shown == 3)
                {
                    console.MarkupLine($"  ... {r.Failures.Count - 3} more (use --verbose)");
                    break;
                }

                console.MarkupLine("  " + Markup.Escape(failure));
                shown++;
            }
        }

        double worst = 0;
        long compared = 0;
        foreach (FixtureResult r in results)
        {
            worst = Math.Max(worst, r.MaxAbsError);
            compared += r.Compared;
        }

        string summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{results.Count - failed} passed, {failed} failed ({compared} numbers compared, largest abs error {worst:0.0E+00})");
        console.MarkupLine(failed == 0 ? $"[green]{summary}[/]" : $"[red]{summary}[/]");
        WriteCausalTiming(rows, console);
    }

    /// <summary>One closing line when causal fixtures ran: queries, total time and the slowest query.</summary>
    private static void WriteCausalTiming(List<Row> rows, IAnsiConsole console)
    {
        int queries = 0;
        TimeSpan total = TimeSpan.Zero;
        CausalQueryTiming? slowest = null;
        foreach (Row row in rows)
        {
            if (row.Causal is not { } causal)
            {
                continue;
            }

            queries += causal.QueryCount;
            total += causal.TotalTime;
            foreach (CausalQueryTiming t in causal.Timings)
            {
                if (slowest is null || t.Elapsed > slowest.Elapsed)
                {
                    slowest = t;
                }
            }
        }

        if (queries == 0)
        {
            return;
        }

        string line = string.Create(CultureInfo.InvariantCulture, $"causal: {queries} queries in {total.TotalSeconds:0.00} s");
        if (slowest is not null)
        {
            line += string.Create(CultureInfo.InvariantCulture, $" (slowest {slowest.Id}: {slowest.Elapsed.TotalMilliseconds:0.0} ms)");
        }

        console.MarkupLine(Markup.Escape(line));
    }

    private static void WriteJson(List<Row> rows, TextWriter output)
    {
        JsonOutput.Write(output, false, writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("passed", rows.TrueForAll(r => r.Summary.Passed));
            writer.WriteStartArray("fixtures");
            foreach ((FixtureResult r, CausalFixtureResult? causal) in rows)
            {
                writer.WriteStartObject();
                writer.WriteString("name", r.Name);
                writer.WriteString("path", r.Path);
                writer.WriteString("kind", r.Kind);
                writer.WriteString("source", r.Source);
                writer.WriteNumber("steps", r.Count);
                writer.WriteNumber("compared", r.Compared);
                writer.WriteNumber("max_abs_error", r.MaxAbsError);
                writer.WriteBoolean("passed", r.Passed);
                writer.WriteStartArray("failures");
                foreach (string f in r.Failures)
                {
                    writer.WriteStringValue(f);
                }

                writer.WriteEndArray();
                if (causal is not null)
                {
                    WriteCausalDetails(writer, causal);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>Extra members of a causal fixture's JSON entry (after the common ones).</summary>
    private static void WriteCausalDetails(Utf8JsonWriter writer, CausalFixtureResult causal)
    {
        writer.WriteString("network", causal.Network);
        if (causal.NetworkPath is null)
        {
            writer.WriteNull("network_path");
        }
        else
        {
            writer.WriteString("network_path", causal.NetworkPath);
        }

        writer.WriteNumber("queries", causal.QueryCount);
        writer.WriteNumber("max_rel_error", causal.MaxRelError);
        writer.WriteNumber("max_log_error", causal.MaxLogError);
        writer.WriteNumber("load_ms", causal.LoadTime.TotalMilliseconds);
        writer.WriteNumber("elapsed_ms", causal.TotalTime.TotalMilliseconds);
        writer.WriteStartArray("query_timings");
        foreach (CausalQueryTiming t in causal.Timings)
        {
            writer.WriteStartObject();
            writer.WriteString("id", t.Id);
            writer.WriteString("kind", t.Kind.ToFixtureName());
            writer.WriteNumber("ms", t.Elapsed.TotalMilliseconds);
            writer.WriteBoolean("passed", t.Passed);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>A table row: the common summary, plus the causal details when the fixture was causal-fixtures/1.</summary>
    private sealed record Row(FixtureResult Summary, CausalFixtureResult? Causal);
}
