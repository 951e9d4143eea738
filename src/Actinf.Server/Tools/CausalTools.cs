using System.ComponentModel;
using System.Globalization;
using Actinf.Causal.Directions;
using Actinf.Causal.Experiments;
using Actinf.Causal.Inference;
using Actinf.Causal.Networks;
using Actinf.Causal.Queries;
using Actinf.Server.Causal;
using Actinf.Server.Contracts;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace Actinf.Server.Tools;

/// <summary>
/// Causal tools: exact inference (posteriors, MPE/MAP, directional questions) and experiment design on the Bayesian
/// networks of the configured networks folder (<c>actinf serve --networks DIR</c>).
/// </summary>
/// <remarks>Argument names are snake_case C# parameter names on purpose: the SDK uses parameter names as written (issue #6).</remarks>
[McpServerToolType]
internal sealed class CausalTools
{
    /// <summary>How the tools' arguments name the parts of a question, for <see cref="CausalQuestion"/>'s messages.</summary>
    private static readonly QueryTerms Terms = new("'targets'", "'mpe'", "'map_variables'", "'direction'", "'max_depth'");

    /// <summary>JSON-RPC code of a belief update that cannot be performed (seed 004's -32010), used for impossible evidence.</summary>
    private const int BeliefUpdateFailed = -32010;

    [McpServerTool(Name = "causal_query", Title = "Query a causal network", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Exact inference on a Bayesian network of the server's networks folder: posterior marginals of the targets under observations (evidence), interventions (do), virtual evidence and soft interventions; or the most probable explanation (mpe) or marginal MAP (map_variables); or a directional question (forward effects, backward causes, bidirectional, bridge, abduction). Interventions are applied first (graph surgery), then evidence. Impossible evidence fails with -32010.")]
    public static CausalQueryResponse Query(
        NetworkCatalog catalog,
        [Description("The network: a file name of the networks folder, with or without extension (.bif, .xml, .xmlbif), e.g. 'asia'.")] string network,
        [Description("Observations {variable: state}.")] Dictionary<string, string>? evidence = null,
        [Description("Interventions do(variable = state) {variable: state}; the edges into the variable are cut.")] Dictionary<string, string>? interventions = null,
        [Description("Virtual evidence {variable: [likelihood per state, in the variable's state order]} (non-negative, not all zero).")] Dictionary<string, double[]>? soft_evidence = null,
        [Description("Soft interventions {variable: [probability per state]} (sums to 1); the variable's table is replaced.")] Dictionary<string, double[]>? soft_interventions = null,
        [Description("Variables to report. Default: every variable not observed or intervened on. With direction bridge: the target group.")] string[]? targets = null,
        [Description("none (posteriors of the targets), forward (effects of the clamped variables), backward (their causes), bidirectional, bridge (to the targets) or abduction (MPE, or MAP with map_variables). Default none.")] string direction = "none",
        [Description("With a direction, mpe or map: report only variables within this many edges of the clamps. Default unbounded.")] int? max_depth = null,
        [Description("Most probable explanation: the jointly most probable state of every unobserved variable.")] bool mpe = false,
        [Description("Marginal MAP: the most probable joint state of these variables, the others summed out.")] string[]? map_variables = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ExactInference engine = catalog.Get(network);
        CausalQueryAnswer answer;
        try
        {
            var checkedClamps = new CheckedClamps(engine.Network);
            Clamps clamps = BuildClamps(checkedClamps, evidence, interventions, soft_evidence, soft_interventions);
            answer = CausalQuestion.Create(checkedClamps.Variables("targets", targets), mpe, checkedClamps.Variables("map_variables", map_variables), direction, max_depth, Terms)
                .Answer(engine, clamps);
        }
        catch (CausalQueryException e)
        {
            throw McpErrors.InvalidParams(e.Message);
        }
        catch (ImpossibleEvidenceException e)
        {
            throw Impossible(e);
        }

        if (answer.Directional is AbductionResult abduction)
        {
            Explanation x = abduction.Explanation;
            return new CausalQueryResponse(
                network,
                new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal),
                x.EvidenceProbability,
                "abduction",
                null,
                new Dictionary<string, string>(x.Assignment, StringComparer.Ordinal),
                x.Probability,
                x.LogProbability,
                x.PosteriorProbability,
                Pulse.From((float)Math.Clamp(1 - x.PosteriorProbability, 0, 1), 1f));
        }

        if (answer.Directional is DirectionalResult result)
        {
            CausalBelief[] beliefs = [.. result.Beliefs.Select(b => new CausalBelief(b.Name, b.Distance, Table(b.Prior), Table(b.Posterior)))];
            var marginals = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
            foreach (VariableBelief b in result.Beliefs)
            {
                marginals[b.Name] = Table(b.Posterior);
            }

            return new CausalQueryResponse(network, marginals, result.EvidenceProbability, direction, beliefs, null, null, null, null, PulseOf(result.Beliefs.Select(b => b.Posterior)));
        }

        Posterior posterior = answer.Posterior!;
        var tables = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (Distribution m in posterior.Marginals)
        {
            tables[m.Variable.Name] = Table(m);
        }

        return new CausalQueryResponse(network, tables, posterior.EvidenceProbability, "none", null, null, null, null, null, PulseOf(posterior.Marginals));
    }

    [McpServerTool(Name = "causal_suggest_experiment", Title = "Suggest an experiment", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Rank the experiments on a network of the server's networks folder by how much they are expected to teach about a target variable (expected information gain in nats): observing a variable, or setting it by a randomised intervention. Takes the same clamps as causal_query for what is already known or done. Impossible evidence fails with -32010.")]
    public static ExperimentSuggestions SuggestExperiment(
        NetworkCatalog catalog,
        [Description("The network: a file name of the networks folder, with or without extension, e.g. 'asia'.")] string network,
        [Description("The variable to learn about (not observed or intervened on).")] string target,
        [Description("Observations {variable: state}.")] Dictionary<string, string>? evidence = null,
        [Description("Interventions do(variable = state) {variable: state}.")] Dictionary<string, string>? interventions = null,
        [Description("Virtual evidence {variable: [likelihood per state]}.")] Dictionary<string, double[]>? soft_evidence = null,
        [Description("Soft interventions {variable: [probability per state]} (sums to 1).")] Dictionary<string, double[]>? soft_interventions = null,
        [Description("How many suggestions to return at most. Default 5.")] int top = 5,
        [Description("Suggest observations only.")] bool observe_only = false,
        [Description("Suggest interventions only.")] bool intervene_only = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (top < 1)
        {
            throw McpErrors.InvalidParams(string.Create(CultureInfo.InvariantCulture, $"Parameter 'top' is {top}; it must be at least 1."));
        }

        if (observe_only && intervene_only)
        {
            throw McpErrors.InvalidParams("'observe_only' and 'intervene_only' exclude each other; give at most one.");
        }

        ExactInference engine = catalog.Get(network);
        Clamps clamps;
        Variable t;
        try
        {
            var checkedClamps = new CheckedClamps(engine.Network);
            clamps = BuildClamps(checkedClamps, evidence, interventions, soft_evidence, soft_interventions);
            t = checkedClamps.Find("target", target);
        }
        catch (CausalQueryException e)
        {
            throw McpErrors.InvalidParams(e.Message);
        }

        if (clamps.TypeOf(t.Name) == ClampType.Hard)
        {
            throw McpErrors.InvalidParams($"Parameter 'target': '{t.Name}' is observed or intervened on already; nothing is left to learn about it.");
        }

        try
        {
            ExperimentRanking ranking = new ExperimentDesigner(engine).Rank(t.Name, clamps, new ExperimentOptions { Top = top, Observations = !intervene_only, Interventions = !observe_only });
            ExperimentSuggestionOutput[] suggestions = [.. ranking.Suggestions.Select(s => new ExperimentSuggestionOutput(
                s.Kind == ExperimentKind.Observe ? "observe" : "intervene", s.Name, s.ExpectedInformationGain))];
            double normalised = t.Cardinality > 1 ? ranking.TargetEntropy / Math.Log(t.Cardinality) : 0;
            return new ExperimentSuggestions(network, t.Name, ranking.TargetEntropy, suggestions, Pulse.From((float)Math.Clamp(normalised, 0, 1), 1f));
        }
        catch (ImpossibleEvidenceException e)
        {
            throw Impossible(e);
        }
    }

    private static McpProtocolException Impossible(ImpossibleEvidenceException e)
    {
        var error = new McpProtocolException(
            "The evidence has probability 0: no configuration of the network agrees with these clamps, so no posterior exists.",
            e,
            (McpErrorCode)BeliefUpdateFailed);
        error.Data["kind"] = "BeliefUpdateFailed";
        return error;
    }

    // Each clamp is labelled as the request names it (evidence.dysp), so that a failed check points at it.
    private static Clamps BuildClamps(
        CheckedClamps clamps,
        Dictionary<string, string>? evidence,
        Dictionary<string, string>? interventions,
        Dictionary<string, double[]>? soft,
        Dictionary<string, double[]>? softDo)
    {
        foreach ((string name, string state) in evidence ?? [])
        {
            clamps.Observe($"evidence.{name}", name, state);
        }

        foreach ((string name, string state) in interventions ?? [])
        {
            clamps.Intervene($"interventions.{name}", name, state);
        }

        foreach ((string name, double[] lambda) in soft ?? [])
        {
            clamps.Likelihood($"soft_evidence.{name}", name, lambda);
        }

        foreach ((string name, double[] q) in softDo ?? [])
        {
            clamps.SoftIntervene($"soft_interventions.{name}", name, q);
        }

        return clamps.Clamps;
    }

    private static Dictionary<string, double> Table(Distribution d)
    {
        var table = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < d.Variable.Cardinality; i++)
        {
            table[d.Variable.States[i]] = d[i];
        }

        return table;
    }

    private static Pulse PulseOf(IEnumerable<Distribution> distributions)
    {
        double[] normalised = [.. distributions.Where(d => d.Variable.Cardinality > 1).Select(d => d.Entropy / Math.Log(d.Variable.Cardinality))];
        double u = normalised.Length == 0 ? 0 : normalised.Average();
        return Pulse.From((float)Math.Clamp(u, 0, 1), 1f);
    }
}
