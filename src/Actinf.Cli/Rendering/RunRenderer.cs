using System.Globalization;
using Actinf.Cli.Running;
using Actinf.Core.Environments;
using Actinf.Core.Models;
using Spectre.Console;

namespace Actinf.Cli.Rendering;

/// <summary>Renders the end-of-run summary of <c>actinf run</c>.</summary>
internal static class RunRenderer
{
    /// <summary>Writes the summary table.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="modelName">Name of the model (file name when the model has none).</param>
    /// <param name="path">The model file.</param>
    /// <param name="model">The model (for C: which outcomes it prefers).</param>
    /// <param name="environment">The environment.</param>
    /// <param name="tally">The totals.</param>
    /// <param name="seed">The seed.</param>
    public static void WriteSummary(
        IAnsiConsole console, string modelName, string path, GenerativeModel model, IGenerativeProcess environment, RunTally tally, int seed)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title("[bold]actinf run[/]")
            .AddColumn("")
            .AddColumn("");
        table.ShowHeaders = false;
        table.AddRow("model", Bars.Escape($"{modelName} ({path})"));
        table.AddRow("environment", Bars.Escape(environment.Name));
        table.AddRow("policies", $"{model.Policies.Count} of length {model.Policies.Length}");
        table.AddRow("steps", $"{tally.Steps} (seed {seed})");

        if (tally.Last is LoopStep last)
        {
            table.AddRow("final true state", Bars.Escape(environment.DescribeState(last.State)));
            table.AddRow("final belief", Bars.Escape(Beliefs(environment, last)));
        }

        table.AddRow("mean max q(pi)", Bars.Number(tally.MeanMaxPolicyProbability));
        for (int f = 0; f < environment.NumFactors; f++)
        {
            if (environment.NumControls[f] > 1)
            {
                string label = environment.NumFactors == 1 ? "actions" : $"actions ({environment.FactorName(f)})";
                table.AddRow(Bars.Escape(label), Bars.Escape(Counts(tally.ActionCounts(f), u => environment.ControlLabel(f, u))));
            }
        }

        for (int m = 0; m < environment.NumModalities; m++)
        {
            if (PreferenceLine(environment, model, tally, m) is string line)
            {
                table.AddRow(Bars.Escape($"{environment.ModalityName(m)} (C)"), Bars.Escape(line));
            }
        }

        console.Write(table);
    }

    private static string Beliefs(IGenerativeProcess environment, LoopStep step)
    {
        var parts = new List<string>(step.Posterior.Length);
        for (int f = 0; f < step.Posterior.Length; f++)
        {
            double[] q = step.Posterior[f];
            int best = Array.IndexOf(q, q.Max());
            parts.Add($"{environment.FactorName(f)}: {environment.StateLabel(f, best)} ({Bars.Number(q[best])})");
        }

        return string.Join("; ", parts);
    }

    private static string Counts(ReadOnlySpan<int> counts, Func<int, string> label)
    {
        var parts = new List<string>();
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                parts.Add($"{label(i)} x{counts[i].ToString(CultureInfo.InvariantCulture)}");
            }
        }

        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    // For a modality the model has preferences about: how often it saw its most and least preferred outcome.
    private static string? PreferenceLine(IGenerativeProcess environment, GenerativeModel model, RunTally tally, int modality)
    {
        ReadOnlySpan<double> c = model.Preferences[modality].Span;
        int best = 0;
        int worst = 0;
        for (int o = 1; o < c.Length; o++)
        {
            best = c[o] > c[best] ? o : best;
            worst = c[o] < c[worst] ? o : worst;
        }

        if (c[best] == c[worst])
        {
            return null;
        }

        ReadOnlySpan<int> seen = tally.OutcomeCounts(modality);
        int steps = Math.Max(tally.Steps, 1);
        return $"most preferred {environment.ObservationLabel(modality, best)}: {seen[best]}/{tally.Steps} ({Percent(seen[best], steps)}); "
            + $"least preferred {environment.ObservationLabel(modality, worst)}: {seen[worst]}/{tally.Steps} ({Percent(seen[worst], steps)})";
    }

    private static string Percent(int count, int total) => ((double)count / total).ToString("0%", CultureInfo.InvariantCulture);
}
