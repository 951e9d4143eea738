using System.Globalization;
using System.Text.Json;
using Actinf.Bench.Baselines;
using Spectre.Console;

namespace Actinf.Cli.Bench;

/// <summary>Writes the results of <c>actinf bench step</c> as a table or as JSON.</summary>
internal static class StepReportWriter
{
    /// <summary>
    /// Writes <c>{"models":[{"name","median_us","p95_us","alloc_bytes_per_step", ...}]}</c> and a newline;
    /// the keys after the first four are <c>steps</c>, <c>warmup</c>, <c>mean_us</c>, <c>min_us</c>, <c>shortcuts</c>, and with a
    /// baseline <c>pymdp_median_us</c>, <c>pymdp_p95_us</c> and <c>speedup</c>.
    /// </summary>
    public static void WriteJson(IReadOnlyList<PymdpComparison> rows, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteStartArray("models");
            foreach (PymdpComparison row in rows)
            {
                json.WriteStartObject();
                json.WriteString("name", row.Result.Name);
                json.WriteNumber("median_us", Round(row.Result.MedianMicroseconds));
                json.WriteNumber("p95_us", Round(row.Result.P95Microseconds));
                json.WriteNumber("alloc_bytes_per_step", Round(row.Result.AllocatedBytesPerStep));
                json.WriteNumber("steps", row.Result.Steps);
                json.WriteNumber("warmup", row.Result.WarmupSteps);
                json.WriteNumber("mean_us", Round(row.Result.MeanMicroseconds));
                json.WriteNumber("min_us", Round(row.Result.MinMicroseconds));
                json.WriteString("shortcuts", row.Result.Shortcuts.ToString());
                if (row.Pymdp is not null)
                {
                    json.WriteNumber("pymdp_median_us", row.Pymdp.Step.Median);
                    json.WriteNumber("pymdp_p95_us", row.Pymdp.Step.P95);
                }

                if (row.Speedup is double speedup)
                {
                    json.WriteNumber("speedup", Round(speedup));
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Flush();
    }

    /// <summary>Writes a table: model, steps, median and p95 µs, bytes per step, pymdp median µs and the speed-up.</summary>
    public static void WriteTable(IReadOnlyList<PymdpComparison> rows, TextWriter output)
    {
        var settings = new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) };
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            settings.Ansi = AnsiSupport.No;
            settings.ColorSystem = ColorSystemSupport.NoColors;
            settings.Interactive = InteractionSupport.No;
        }

        IAnsiConsole console = AnsiConsole.Create(settings);
        if (settings.Ansi == AnsiSupport.No)
        {
            console.Profile.Width = 160;
        }

        var table = new Table()
            .AddColumn("model")
            .AddColumn(new TableColumn("steps").RightAligned())
            .AddColumn(new TableColumn("median µs").RightAligned())
            .AddColumn(new TableColumn("p95 µs").RightAligned())
            .AddColumn(new TableColumn("alloc B/step").RightAligned())
            .AddColumn(new TableColumn("pymdp median µs").RightAligned())
            .AddColumn(new TableColumn("speed-up").RightAligned());
        foreach (PymdpComparison row in rows)
        {
            table.AddRow(
                Markup.Escape(row.Result.Name),
                row.Result.Steps.ToString(CultureInfo.InvariantCulture),
                Micro(row.Result.MedianMicroseconds),
                Micro(row.Result.P95Microseconds),
                row.Result.AllocatedBytesPerStep.ToString("0.#", CultureInfo.InvariantCulture),
                row.Pymdp is null ? "-" : Micro(row.Pymdp.Step.Median),
                row.Speedup is double s ? s.ToString("0.0", CultureInfo.InvariantCulture) + "x" : "-");
        }

        console.Write(table);
        output.Flush();
    }

    private static string Micro(double value) => value.ToString(value < 10 ? "0.00" : value < 1000 ? "0.0" : "#,0", CultureInfo.InvariantCulture);

    private static double Round(double value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);
}
