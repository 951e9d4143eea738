using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Actinf.Causal.Inference;
using Actinf.Causal.Io;
using Actinf.Causal.Networks;
using Actinf.Cli.Rendering;
using Spectre.Console;

namespace Actinf.Cli.Causal;

/// <summary>
/// <c>actinf causal info NETWORK [--variables] [--json]</c>: what a network holds and how hard exact
/// inference on it is (the engine's elimination order for the whole network).
/// </summary>
internal static class CausalInfoCommand
{
    private const string Description = """
        Describe a BIF or XMLBIF network: its size and how hard exact inference on it is.
        Prints the number of variables, edges and root variables, the largest number of states and of parents,
        the number of CPT entries, and the cost of the elimination order the engine finds for the whole network:
        its induced width (largest clique in variables, minus one; time and memory grow exponentially with it),
        the largest table it builds (entries and MiB) and the total work of one pass. That is what an MPE or an
        all-marginals query over the whole network costs; a posterior query prunes to the ancestors of its
        targets and evidence first and is usually far cheaper. --variables lists every variable with its
        states and parents.

        Examples:
          actinf causal info tests/data/causal/networks/alarm.bif
          actinf causal info tests/data/causal/networks/link.bif --json
          actinf causal info tests/data/causal/networks/asia.bif --variables
        """;

    /// <summary>Builds <c>actinf causal info</c>.</summary>
    public static Command Create()
    {
        var network = new Argument<string>("NETWORK") { Description = "A .bif or XMLBIF (.xml, .xmlbif) network file." };
        var variables = new Option<bool>("--variables") { Description = "Also list every variable with its states and parents." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of tables." };
        var noColor = new Option<bool>("--no-color") { Description = "Plain output without colour (also NO_COLOR)." };
        var command = new Command("info", Description) { network, variables, json, noColor };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(network),
            parse.GetValue(variables),
            parse.GetValue(json),
            parse.GetValue(noColor),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Describes a network; 0 on success, 2 when the file cannot be read.</summary>
    internal static int Run(string path, bool listVariables, bool json, bool noColor, TextWriter output, TextWriter error)
    {
        BayesianNetwork network;
        try
        {
            network = NetworkFile.Load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or BifFormatException or NetworkValidationException)
        {
            error.WriteLine($"error: {e.Message.ReplaceLineEndings(" ").Trim()}");
            return 2;
        }

        NetworkSummary summary = NetworkSummary.Of(network);
        InferenceCost cost = new ExactInference(network).EstimateCost();
        if (json)
        {
            WriteJson(network, summary, cost, listVariables, output);
        }
        else
        {
            WriteTables(network, summary, cost, listVariables, CliConsole.Create(output, noColor));
        }

        return 0;
    }

    private static void WriteTables(BayesianNetwork network, NetworkSummary summary, InferenceCost cost, bool listVariables, IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(network.Name)}[/]");
        table.AddColumn("property");
        table.AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => table.AddRow(name, value);
        Row("variables", Int(network.Count));
        Row("edges", Int(network.Graph.EdgeCount));
        Row("root variables", Int(summary.Roots));
        Row("largest number of states", Int(summary.MaxStates));
        Row("largest number of parents", Int(summary.MaxParents));
        Row("CPT entries", Int(summary.CptEntries));
        Row("induced width (whole network)", Int(cost.InducedWidth));
        Row("largest table", string.Create(CultureInfo.InvariantCulture, $"{cost.LargestClique:N0} entries ({cost.LargestClique * 8 / 1048576:0.###} MiB)"));
        Row("total work of one pass", string.Create(CultureInfo.InvariantCulture, $"{cost.TotalTable:N0} entries"));
        console.Write(table);
        if (!listVariables)
        {
            return;
        }

        var variables = new Table().Border(TableBorder.Simple);
        variables.AddColumn("variable");
        variables.AddColumn("states");
        variables.AddColumn("parents");
        foreach (Variable v in network.Variables)
        {
            variables.AddRow(
                Markup.Escape(v.Name),
                Markup.Escape(string.Join(", ", v.States)),
                Markup.Escape(string.Join(", ", ParentNames(network, v.Index))));
        }

        console.Write(variables);
    }

    private static void WriteJson(BayesianNetwork network, NetworkSummary summary, InferenceCost cost, bool listVariables, TextWriter output)
    {
        JsonOutput.Write(output, true, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("network", network.Name);
            writer.WriteNumber("variables", network.Count);
            writer.WriteNumber("edges", network.Graph.EdgeCount);
            writer.WriteNumber("roots", summary.Roots);
            writer.WriteNumber("max_states", summary.MaxStates);
            writer.WriteNumber("max_parents", summary.MaxParents);
            writer.WriteNumber("cpt_entries", summary.CptEntries);
            writer.WriteNumber("induced_width", cost.InducedWidth);
            writer.WriteNumber("largest_table_entries", cost.LargestClique);
            writer.WriteNumber("total_table_entries", cost.TotalTable);
            if (listVariables)
            {
                writer.WriteStartArray("variable_list");
                foreach (Variable v in network.Variables)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", v.Name);
                    writer.WriteStartArray("states");
                    foreach (string s in v.States)
                    {
                        writer.WriteStringValue(s);
                    }

                    writer.WriteEndArray();
                    writer.WriteStartArray("parents");
                    foreach (string p in ParentNames(network, v.Index))
                    {
                        writer.WriteStringValue(p);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        });
    }

    private static List<string> ParentNames(BayesianNetwork network, int index)
    {
        var names = new List<string>();
        foreach (int p in network.ParentsOf(index))
        {
            names.Add(network[p].Name);
        }

        return names;
    }

    private static string Int(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Counts over a network's structure and tables.</summary>
    private sealed record NetworkSummary(int Roots, int MaxStates, int MaxParents, long CptEntries)
    {
        public static NetworkSummary Of(BayesianNetwork network)
        {
            int roots = 0;
            int maxStates = 0;
            int maxParents = 0;
            long entries = 0;
            for (int v = 0; v < network.Count; v++)
            {
                int parents = network.ParentsOf(v).Length;
                roots += parents == 0 ? 1 : 0;
                maxParents = Math.Max(maxParents, parents);
                maxStates = Math.Max(maxStates, network[v].Cardinality);
                entries += network.CptOf(v).Length;
            }

            return new NetworkSummary(roots, maxStates, maxParents, entries);
        }
    }
}
