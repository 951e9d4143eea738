using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Actinf.Causal.Experiments;
using Actinf.Causal.Inference;
using Actinf.Causal.Io;
using Actinf.Causal.Networks;
using Actinf.Causal.Queries;
using Actinf.Cli.Rendering;
using Spectre.Console;

namespace Actinf.Cli.Causal;

/// <summary>
/// <c>actinf causal suggest NETWORK --target V [clamps] [--observe-only | --intervene-only] [--top N] [--json]</c>:
/// the observations and interventions that would teach the most about a target, by expected information gain.
/// </summary>
internal static class CausalSuggestCommand
{
    private const string Description = """
        Rank what to observe or intervene on next by how much it is expected to reveal about a target variable.
        Expected information gain in nats, given the clamps already in place: observing X gains the mutual
        information I(T; X | clamps); intervening on X gains the information a uniformly randomised do(X)
        carries about T. Intervening on an effect of T gains nothing (it cannot change T), observing it may.
        The target's current entropy bounds every gain. Clamps as in `actinf causal query`.

        Examples:
          actinf causal suggest tests/data/causal/networks/asia.bif --target lung
          actinf causal suggest asia.bif --target lung --evidence dysp=yes --top 3
          actinf causal suggest alarm.bif --target LVFAILURE --evidence HRBP=HIGH --observe-only --json
        """;

    /// <summary>Builds <c>actinf causal suggest</c>.</summary>
    public static Command Create()
    {
        var network = new Argument<string>("NETWORK") { Description = "A .bif or XMLBIF (.xml, .xmlbif) network file." };
        var target = new Option<string>("--target") { Description = "The variable to learn about.", HelpName = "V", Required = true };
        var evidence = Repeatable("--evidence", "V=s", "Observe variable V in state s (hard evidence). Repeatable.");
        var intervene = Repeatable("--do", "V=s", "Intervene: do(V = s). Repeatable.");
        var soft = Repeatable("--soft", "V=l1,l2,...", "Virtual evidence on V (one likelihood per state). Repeatable.");
        var softDo = Repeatable("--soft-do", "V=q1,q2,...", "Soft intervention on V (a distribution). Repeatable.");
        var observeOnly = new Option<bool>("--observe-only") { Description = "Rank observations only." };
        var interveneOnly = new Option<bool>("--intervene-only") { Description = "Rank interventions only." };
        var top = new Option<int>("--top") { Description = "Show the N best suggestions.", HelpName = "N", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var noColor = new Option<bool>("--no-color") { Description = "Plain output without colour (also NO_COLOR)." };
        var command = new Command("suggest", Description) { network, target, evidence, intervene, soft, softDo, observeOnly, interveneOnly, top, json, noColor };
        command.SetAction(parse =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            TextWriter error = parse.InvocationConfiguration.Error;
            BayesianNetwork net;
            try
            {
                net = NetworkFile.Load(parse.GetRequiredValue(network));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or BifFormatException or NetworkValidationException)
            {
                error.WriteLine($"error: {e.Message.ReplaceLineEndings(" ").Trim()}");
                return 2;
            }

            bool onlyObserve = parse.GetValue(observeOnly);
            bool onlyIntervene = parse.GetValue(interveneOnly);
            int count = parse.GetValue(top);
            if ((onlyObserve && onlyIntervene) || count < 1)
            {
                error.WriteLine(count < 1 ? "error: --top must be 1 or more." : "error: --observe-only and --intervene-only exclude each other; give at most one.");
                return 2;
            }

            ExperimentRanking ranking;
            try
            {
                Clamps clamps = ClampArguments.Build(net, parse.GetValue(evidence) ?? [], parse.GetValue(intervene) ?? [], parse.GetValue(soft) ?? [], parse.GetValue(softDo) ?? []);
                string[] targets = ClampArguments.Variables(net, "--target", [parse.GetRequiredValue(target)]);
                var options = new ExperimentOptions { Observations = !onlyIntervene, Interventions = !onlyObserve, Top = count };
                ranking = new ExperimentDesigner(net).Rank(targets[0], clamps, options);
            }
            catch (Exception e) when (e is CausalArgumentException or CausalQueryException)
            {
                error.WriteLine($"error: {e.Message}");
                return 2;
            }
            catch (ImpossibleEvidenceException)
            {
                error.WriteLine("error: the evidence has probability 0: no configuration of the network agrees with these clamps.");
                return 1;
            }
            catch (ArgumentException e)
            {
                error.WriteLine($"error: {e.Message}");
                return 2;
            }

            if (parse.GetValue(json))
            {
                WriteJson(ranking, output);
            }
            else
            {
                WriteTable(ranking, CliConsole.Create(output, parse.GetValue(noColor)));
            }

            return 0;
        });
        return command;
    }

    private static void WriteTable(ExperimentRanking ranking, IAnsiConsole console)
    {
        console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"target [bold]{Markup.Escape(ranking.Target.Name)}[/]: entropy {ranking.TargetEntropy:0.####} nats (no experiment can gain more)"));
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("#").RightAligned());
        table.AddColumn("action");
        table.AddColumn("variable");
        table.AddColumn(new TableColumn("gain (nats)").RightAligned());
        table.AddColumn("share of entropy");
        int rank = 1;
        foreach (ExperimentSuggestion s in ranking.Suggestions)
        {
            double share = ranking.TargetEntropy > 0 ? s.ExpectedInformationGain / ranking.TargetEntropy : 0;
            table.AddRow(
                rank++.ToString(CultureInfo.InvariantCulture),
                s.Kind == ExperimentKind.Observe ? "observe" : "intervene",
                Markup.Escape(s.Name),
                s.ExpectedInformationGain.ToString("0.000000", CultureInfo.InvariantCulture),
                Bars.Markup(share, 10, console.Profile.Capabilities.Unicode));
        }

        console.Write(table);
        foreach (SkippedExperiment skipped in ranking.Skipped)
        {
            console.MarkupLine($"[grey]skipped {Markup.Escape(skipped.ToString())}[/]");
        }
    }

    private static void WriteJson(ExperimentRanking ranking, TextWriter output)
    {
        JsonOutput.Write(output, true, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("target", ranking.Target.Name);
            writer.WriteNumber("target_entropy", ranking.TargetEntropy);
            writer.WriteStartArray("suggestions");
            foreach (ExperimentSuggestion s in ranking.Suggestions)
            {
                writer.WriteStartObject();
                writer.WriteString("action", s.Kind == ExperimentKind.Observe ? "observe" : "intervene");
                writer.WriteString("variable", s.Name);
                writer.WriteNumber("expected_information_gain", s.ExpectedInformationGain);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("skipped");
            foreach (SkippedExperiment s in ranking.Skipped)
            {
                writer.WriteStartObject();
                writer.WriteString("action", s.Kind == ExperimentKind.Observe ? "observe" : "intervene");
                writer.WriteString("variable", s.Variable.Name);
                writer.WriteString("reason", s.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static Option<string[]> Repeatable(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
        AllowMultipleArgumentsPerToken = false,
    };
}
