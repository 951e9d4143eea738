using System.Globalization;
using System.Text.Json;
using Actinf.Causal.Directions;
using Actinf.Causal.Inference;
using Actinf.Causal.Networks;
using Actinf.Cli.Rendering;
using Spectre.Console;

namespace Actinf.Cli.Causal;

/// <summary>Renders a <see cref="CausalAnswer"/> as Spectre tables or as one JSON object.</summary>
internal static class CausalQueryWriter
{
    /// <summary>States shown per distribution cell before the rest are summarised.</summary>
    private const int StatesShown = 6;

    /// <summary>Cause candidates listed under a backward or bidirectional answer.</summary>
    private const int CandidatesShown = 5;

    /// <summary>Writes the clamps, then the answer, as tables.</summary>
    public static void WriteTables(CausalAnswer answer, TextWriter output, bool noColor)
    {
        IAnsiConsole console = CliConsole.Create(output, noColor);
        bool unicode = console.Profile.Capabilities.Unicode;
        BayesianNetwork network = answer.Network;
        console.MarkupLine($"[bold]{Bars.Escape(network.Name)}[/]: {network.Count.ToString(CultureInfo.InvariantCulture)} variables, {network.Graph.EdgeCount.ToString(CultureInfo.InvariantCulture)} edges ({Bars.Escape(answer.NetworkPath)})");
        WriteClamps(answer.Clamps, console);

        switch (answer.Directional)
        {
            case null:
                WriteMarginals(answer.Posterior!, console, unicode);
                WriteEvidence(answer.Clamps, answer.Posterior!.EvidenceProbability, answer.Posterior.LogEvidenceProbability, console);
                break;
            case AbductionResult abduction:
                WriteExplanation(abduction, console);
                break;
            case DirectionalResult result:
                WriteDirectional(result, console, unicode);
                WriteEvidence(answer.Clamps, result.EvidenceProbability, result.LogEvidenceProbability, console);
                break;
        }
    }

    /// <summary>Writes one JSON object: network, clamps, and marginals, directional details or the explanation.</summary>
    public static void WriteJson(CausalAnswer answer, TextWriter output)
    {
        JsonOutput.Write(output, false, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("network", answer.Network.Name);
            writer.WriteString("network_path", answer.NetworkPath);
            WriteClampsJson(answer.Clamps, writer);
            switch (answer.Directional)
            {
                case null:
                    writer.WriteNull("direction");
                    writer.WriteNumber("evidence_probability", answer.Posterior!.EvidenceProbability);
                    writer.WriteNumber("log_evidence_probability", answer.Posterior.LogEvidenceProbability);
                    writer.WriteStartObject("marginals");
                    foreach (Distribution d in answer.Posterior.Marginals)
                    {
                        WriteDistributionJson(d.Variable.Name, d, writer);
                    }

                    writer.WriteEndObject();
                    break;
                case AbductionResult abduction:
                    writer.WriteString("direction", "abduction");
                    WriteDepthJson(abduction, writer);
                    WriteExplanationJson(abduction, writer);
                    break;
                case DirectionalResult result:
                    writer.WriteString("direction", DirectionName(result.Direction));
                    WriteDepthJson(result, writer);
                    WriteDirectionalJson(result, writer);
                    break;
            }

            writer.WriteEndObject();
        });
    }

    private static void WriteClamps(Clamps clamps, IAnsiConsole console)
    {
        if (clamps.IsEmpty)
        {
            console.MarkupLine("no clamps: prior marginals.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("clamps");
        table.AddColumn("variable");
        table.AddColumn("clamp");
        table.AddColumn("value");
        foreach ((string v, string s) in clamps.Observed)
        {
            table.AddRow(Bars.Escape(v), "observed", Bars.Escape(s));
        }

        foreach ((string v, string s) in clamps.Interventions)
        {
            table.AddRow(Bars.Escape(v), "do", Bars.Escape(s));
        }

        foreach ((string v, double[] lambda) in clamps.Likelihoods)
        {
            table.AddRow(Bars.Escape(v), "soft evidence", "likelihood " + Vector(lambda));
        }

        foreach ((string v, double[] q) in clamps.SoftInterventions)
        {
            table.AddRow(Bars.Escape(v), "soft do", "distribution " + Vector(q));
        }

        console.Write(table);
    }

    private static void WriteMarginals(Posterior posterior, IAnsiConsole console, bool unicode)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("variable");
        table.AddColumn("distribution");
        table.AddColumn("most probable");
        foreach (Distribution d in posterior.Marginals)
        {
            table.AddRow(Bars.Escape(d.Variable.Name), DistributionCell(d), TopCell(d, unicode));
        }

        console.Write(table);
    }

    private static void WriteDirectional(DirectionalResult result, IAnsiConsole console, bool unicode)
    {
        string depth = result.MaxDepth == int.MaxValue ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", max depth {result.MaxDepth}");
        console.MarkupLine($"direction: [bold]{DirectionName(result.Direction)}[/]{depth}");
        if (result is BridgeResult bridge)
        {
            var targets = new Table().Border(TableBorder.Rounded).Title("bridge targets");
            targets.AddColumn("target");
            targets.AddColumn("d-connected");
            targets.AddColumn(new TableColumn("path").RightAligned());
            targets.AddColumn("through");
            foreach (BridgeTarget t in bridge.Targets)
            {
                targets.AddRow(
                    Bars.Escape(t.Name),
                    t.IsDConnected ? "yes" : "no (posterior = prior)",
                    t.PathLength < 0 ? "none" : t.PathLength.ToString(CultureInfo.InvariantCulture),
                    t.Through.Count == 0 ? "-" : Bars.Escape(string.Join(" -> ", t.Through)));
            }

            console.Write(targets);
        }

        if (result.Beliefs.Count == 0)
        {
            console.MarkupLine("no variable within reach of the clamps.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("variable");
        table.AddColumn("relation");
        table.AddColumn("distribution");
        table.AddColumn("most probable");
        table.AddColumn(new TableColumn("change").RightAligned());
        foreach (VariableBelief b in result.Beliefs)
        {
            table.AddRow(
                Bars.Escape(b.Name),
                Relation(b),
                DistributionCell(b.Posterior),
                TopCell(b.Posterior, unicode),
                b.TotalVariation.ToString("0.00", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        console.MarkupLine("[grey]change: total variation between the posterior and the prior (nothing clamped), 0..1.[/]");
        IReadOnlyList<CauseCandidate>? candidates = result switch
        {
            BackwardResult backward => backward.CandidatesByPosterior,
            BidirectionalResult both => both.CandidatesByPosterior,
            _ => null,
        };
        if (candidates is { Count: > 0 })
        {
            var ranked = new Table().Border(TableBorder.Rounded).Title("most probable causes");
            ranked.AddColumn("cause");
            ranked.AddColumn(new TableColumn("prior").RightAligned());
            ranked.AddColumn(new TableColumn("posterior").RightAligned());
            ranked.AddColumn(new TableColumn("change").RightAligned());
            foreach (CauseCandidate c in candidates.Take(CandidatesShown))
            {
                ranked.AddRow(
                    Bars.Escape($"{c.Variable.Name}={c.State}"),
                    Probability(c.Prior),
                    Probability(c.Posterior),
                    c.Change.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture));
            }

            console.Write(ranked);
        }
    }

    private static void WriteExplanation(AbductionResult result, IAnsiConsole console)
    {
        Explanation x = result.Explanation;
        string what = result.Kind == ExplanationKind.MostProbableExplanation
            ? string.Create(CultureInfo.InvariantCulture, $"MPE over the {result.ExplainedVariables.Count} unobserved variables")
            : string.Create(CultureInfo.InvariantCulture, $"MAP over {string.Join(", ", result.ExplainedVariables)} (the other variables summed out)");
        console.MarkupLine($"[bold]{Bars.Escape(what)}[/]");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("variable");
        table.AddColumn("state");
        foreach (string v in result.ExplainedVariables)
        {
            table.AddRow(Bars.Escape(v), Bars.Escape(x.Assignment.TryGetValue(v, out string? s) ? s : "?"));
        }

        console.Write(table);
        console.MarkupLine(Bars.Escape(string.Create(CultureInfo.InvariantCulture, $"P(x*, e) = {Probability(x.Probability)} (ln {x.LogProbability:0.######})")));
        console.MarkupLine(Bars.Escape($"P(x* | e) = {Probability(x.PosteriorProbability)}"));
        console.MarkupLine(Bars.Escape(string.Create(CultureInfo.InvariantCulture, $"P(e) = {Probability(x.EvidenceProbability)} (ln {x.LogEvidenceProbability:0.######})")));
        if (x.RunnerUpPosteriorProbability is double runnerUp)
        {
            console.MarkupLine(Bars.Escape($"runner-up P(x2 | e) = {Probability(runnerUp)}"));
        }
    }

    private static void WriteEvidence(Clamps clamps, double z, double logZ, IAnsiConsole console)
    {
        if (clamps.Observed.Count + clamps.Likelihoods.Count == 0)
        {
            return;
        }

        string label = clamps.Likelihoods.Count > 0 ? "evidence probability Z (scaled by the likelihoods)" : "evidence probability P(e)";
        console.MarkupLine(Bars.Escape(string.Create(CultureInfo.InvariantCulture, $"{label} = {Probability(z)} (ln {logZ:0.######})")));
    }

    private static string DistributionCell(Distribution d)
    {
        Variable v = d.Variable;
        IEnumerable<int> shown = Enumerable.Range(0, v.Cardinality);
        string rest = string.Empty;
        if (v.Cardinality > StatesShown)
        {
            shown = shown.OrderByDescending(s => d[s]).Take(StatesShown - 1).Order();
            rest = string.Create(CultureInfo.InvariantCulture, $"  (+{v.Cardinality - StatesShown + 1} more)");
        }

        return Bars.Escape(string.Join("  ", shown.Select(s => $"{v.States[s]} {Probability(d[s])}")) + rest);
    }

    private static string TopCell(Distribution d, bool unicode)
    {
        string state = d.MostProbableState;
        return $"{Bars.Escape(state)} {Bars.Markup(d[state], 10, unicode)}";
    }

    private static string Relation(VariableBelief b)
    {
        string kind = (b.IsEffect, b.IsCause) switch
        {
            (true, true) => "effect+cause",
            (true, false) => "effect",
            (false, true) => "cause",
            _ => "other",
        };
        return b.Distance < 0 ? $"{kind}, unconnected" : string.Create(CultureInfo.InvariantCulture, $"{kind}, d={b.Distance}");
    }

    private static void WriteClampsJson(Clamps clamps, Utf8JsonWriter writer)
    {
        writer.WriteStartObject("clamps");
        writer.WriteStartObject("evidence");
        foreach ((string v, string s) in clamps.Observed)
        {
            writer.WriteString(v, s);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("interventions");
        foreach ((string v, string s) in clamps.Interventions)
        {
            writer.WriteString(v, s);
        }

        writer.WriteEndObject();
        WriteVectors("virtual_evidence", clamps.Likelihoods, writer);
        WriteVectors("soft_interventions", clamps.SoftInterventions, writer);
        writer.WriteEndObject();
    }

    private static void WriteVectors(string name, IReadOnlyDictionary<string, double[]> vectors, Utf8JsonWriter writer)
    {
        writer.WriteStartObject(name);
        foreach ((string v, double[] values) in vectors)
        {
            writer.WriteStartArray(v);
            foreach (double x in values)
            {
                writer.WriteNumberValue(x);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteDistributionJson(string name, Distribution d, Utf8JsonWriter writer)
    {
        writer.WriteStartObject(name);
        for (int s = 0; s < d.Variable.Cardinality; s++)
        {
            writer.WriteNumber(d.Variable.States[s], d[s]);
        }

        writer.WriteEndObject();
    }

    private static void WriteDepthJson(DirectionalResult result, Utf8JsonWriter writer)
    {
        if (result.MaxDepth == int.MaxValue)
        {
            writer.WriteNull("max_depth");
        }
        else
        {
            writer.WriteNumber("max_depth", result.MaxDepth);
        }
    }

    private static void WriteDirectionalJson(DirectionalResult result, Utf8JsonWriter writer)
    {
        writer.WriteNumber("evidence_probability", result.EvidenceProbability);
        writer.WriteNumber("log_evidence_probability", result.LogEvidenceProbability);
        writer.WriteStartObject("marginals");
        foreach (VariableBelief b in result.Beliefs)
        {
            WriteDistributionJson(b.Name, b.Posterior, writer);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("beliefs");
        foreach (VariableBelief b in result.Beliefs)
        {
            writer.WriteStartObject();
            writer.WriteString("variable", b.Name);
            writer.WriteNumber("distance", b.Distance);
            writer.WriteBoolean("is_effect", b.IsEffect);
            writer.WriteBoolean("is_cause", b.IsCause);
            WriteDistributionJson("prior", b.Prior, writer);
            WriteDistributionJson("posterior", b.Posterior, writer);
            writer.WriteNumber("total_variation", b.TotalVariation);
            if (double.IsFinite(b.KullbackLeibler))
            {
                writer.WriteNumber("kl", b.KullbackLeibler);
            }
            else
            {
                writer.WriteNull("kl");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        IReadOnlyList<CauseCandidate>? candidates = result switch
        {
            BackwardResult backward => backward.CandidatesByPosterior,
            BidirectionalResult both => both.CandidatesByPosterior,
            _ => null,
        };
        if (candidates is not null)
        {
            writer.WriteStartArray("candidates_by_posterior");
            foreach (CauseCandidate c in candidates)
            {
                writer.WriteStartObject();
                writer.WriteString("variable", c.Variable.Name);
                writer.WriteString("state", c.State);
                writer.WriteNumber("prior", c.Prior);
                writer.WriteNumber("posterior", c.Posterior);
                writer.WriteNumber("change", c.Change);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (result is BridgeResult bridge)
        {
            writer.WriteStartObject("bridge");
            writer.WriteStartArray("evidence_group");
            foreach (string v in bridge.EvidenceGroup)
            {
                writer.WriteStringValue(v);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("targets");
            foreach (BridgeTarget t in bridge.Targets)
            {
                writer.WriteStartObject();
                writer.WriteString("variable", t.Name);
                writer.WriteBoolean("d_connected", t.IsDConnected);
                writer.WriteNumber("path_length", t.PathLength);
                writer.WriteStartArray("through");
                foreach (string v in t.Through)
                {
                    writer.WriteStringValue(v);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("connecting_nodes");
            foreach (VariableBelief b in bridge.ConnectingNodes)
            {
                writer.WriteStringValue(b.Name);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }

    private static void WriteExplanationJson(AbductionResult result, Utf8JsonWriter writer)
    {
        Explanation x = result.Explanation;
        writer.WriteStartObject("explanation");
        writer.WriteString("kind", result.Kind == ExplanationKind.MostProbableExplanation ? "mpe" : "map");
        writer.WriteStartObject("assignment");
        foreach (string v in result.ExplainedVariables)
        {
            if (x.Assignment.TryGetValue(v, out string? s))
            {
                writer.WriteString(v, s);
            }
        }

        writer.WriteEndObject();
        writer.WriteNumber("log_probability", x.LogProbability);
        writer.WriteNumber("probability", x.Probability);
        writer.WriteNumber("posterior_probability", x.PosteriorProbability);
        writer.WriteNumber("evidence_probability", x.EvidenceProbability);
        writer.WriteNumber("log_evidence_probability", x.LogEvidenceProbability);
        if (x.RunnerUpPosteriorProbability is double runnerUp)
        {
            writer.WriteNumber("runner_up_posterior_probability", runnerUp);
        }
        else
        {
            writer.WriteNull("runner_up_posterior_probability");
        }

        writer.WriteEndObject();
    }

    private static string DirectionName(InferenceDirection direction) => direction switch
    {
        InferenceDirection.Forward => "forward",
        InferenceDirection.Backward => "backward",
        InferenceDirection.Bidirectional => "bidirectional",
        InferenceDirection.Bridge => "bridge",
        _ => "abduction",
    };

    /// <summary>A probability with 4 decimals, or in scientific notation below 0.001.</summary>
    private static string Probability(double p) =>
        p == 0 || p >= 1e-3 ? p.ToString("0.0000", CultureInfo.InvariantCulture) : p.ToString("0.00E+00", CultureInfo.InvariantCulture);

    private static string Vector(double[] values) =>
        "(" + string.Join(", ", values.Select(x => x.ToString("G6", CultureInfo.InvariantCulture))) + ")";
}
