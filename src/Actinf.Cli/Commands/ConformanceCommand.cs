using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Actinf.Cli.Rendering;
using Actinf.Core.Conformance;
using Spectre.Console;

namespace Actinf.Cli.Commands;

/// <summary>
/// <c>actinf conformance PATH... [--json] [--verbose]</c>: runs reference fixtures (actinf-fixture/1) and
/// prints one row per fixture; the exit code is 0 only when every fixture passes.
/// </summary>
internal static class ConformanceCommand
{
    private const string Description = """
        Check the engine against reference fixtures (pymdp and SPM outputs); exit code 0 only if all pass.
        Each fixture (actinf-fixture/1: pymdp 0.0.7.1 and SPM12 outputs) is run and every number compared
        with the fixture's tolerance (|x - e| <= atol + rtol·|e|, 1e-8 / 1e-8 in the
        shared fixtures). A folder means every *.json under it. Prints fixture, kind, steps or cases,
        the largest absolute error and pass/fail; exit code 0 only if all pass.

        Examples:
          actinf conformance tests/data/conformance
          actinf conformance tests/data/conformance/pymdp/agent_tmaze_default.json --verbose
          actinf conformance my-fixtures/ --json
        """;

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Fixture files or folders (searched recursively for *.json).",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with every result instead of a table." };
        var verbose = new Option<bool>("--verbose") { Description = "List every mismatch of failing fixtures (default: the first 3 each)." };
        var noColor = new Option<bool>("--no-color") { Description = "Plain output without colour (also NO_COLOR)." };
        var command = new Command("conformance", Description) { paths, json, verbose, noColor };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(paths),
            parse.GetValue(json),
            parse.GetValue(verbose),
            parse.GetValue(noColor),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string[] paths, bool json, bool verbose, bool noColor, TextWriter output, TextWriter error)
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

        var results = new List<FixtureResult>(files.Count);
        foreach (string file in files)
        {
            try
            {
                results.Add(FixtureRunner.RunFile(file));
            }
            catch (IOException e)
            {
                results.Add(new FixtureResult(Path.GetFileNameWithoutExtension(file), file, "?", "?", 0, 0, 0, [$"cannot read: {e.Message}"]));
            }
        }

        if (json)
        {
            WriteJson(results, output);
        }
        else
        {
            WriteTable(results, verbose, CliConsole.Create(output, noColor));
        }

        return results.TrueForAll(r => r.Passed) ? 0 : 1;
    }

    private static void WriteTable(List<FixtureResult> results, bool verbose, IAnsiConsole console)
    {
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
    }

    private static void WriteJson(List<FixtureResult> results, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("passed", results.TrueForAll(r => r.Passed));
            writer.WriteStartArray("fixtures");
            foreach (FixtureResult r in results)
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
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
