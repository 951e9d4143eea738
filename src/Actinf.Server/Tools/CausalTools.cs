using System.ComponentModel;
using System.Globalization;
using Actinf.Causal.Directions;
using Actinf.Causal.Experiments;
using Actinf.Causal.Inference;
using Actinf.Causal.Networks;
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
        BayesianNetwork net = engine.Network;
        Clamps clamps = BuildClamps(net, evidence, interventions, soft_evidence, soft_interventions);
        string[] targetNames = Variables(net, "targets", targets);
        string[] mapNames = Variables(net, "map_variables", map_variables);
        InferenceDirection? dir = direction is null or "" or "none" ? null
            : InferenceDirectionNames.TryParse(direction, out InferenceDirection parsed) ? parsed
            : throw McpErrors.InvalidParams($"Parameter 'direction' is '{direction}'; expected none, {InferenceDirectionNames.Expected}.");
        if (max_depth is < 0)
        {
            throw McpErrors.InvalidParams(string.Create(CultureInfo.InvariantCulture, $"Parameter 'max_depth' is {max_depth}; a depth is a number of edges, 0 or more."));
        }

        bool abduction = mpe || mapNames.Length > 0 || dir == InferenceDirection.Abduction;
        if (mpe && mapNames.Length > 0)
        {
            throw McpErrors.InvalidParams("'mpe' and 'map_variables' ask different questions (every unobserved variable vs. a subset); give one.");
        }

        if (abduction && dir is not null and not InferenceDirection.Abduction)
        {
            throw McpErrors.InvalidParams($"mpe/map_variables is abduction; it does not combine with direction '{direction}'.");
        }

        if (abduction && targetNames.Length > 0)
        {
            throw McpErrors.InvalidParams("'targets' does not apply to mpe/map (an explanation assigns states jointly); use map_variables to choose the variables.");
        }

        if (dir == InferenceDirection.Bridge && targetNames.Length == 0)
        {
            throw McpErrors.InvalidParams("direction 'bridge' needs the target group: give 'targets'.");
        }

        if (max_depth is not null && dir is null && !abduction)
        {
            throw McpErrors.InvalidParams("'max_depth' bounds what a directional query reports; give a direction (or mpe/map_variables).");
        }

        int depth = max_depth ?? int.MaxValue;
        string directionName = abduction ? "abduction" : direction ?? "none";
        try
        {
            if (abduction)
            {
                AbductionResult result = new OmnidirectionalInference(engine).Abduction(clamps, mapNames.Length > 0 ? mapNames : null, depth);
                Explanation x = result.Explanation;
                return new CausalQueryResponse(
                    network,
                    new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal),
                    x.EvidenceProbability,
                    directionName,
                    null,
                    new Dictionary<string, string>(x.Assignment, StringComparer.Ordinal),
                    x.Probability,
                    x.LogProbability,
                    x.PosteriorProbability,
                    Pulse.From((float)Math.Clamp(1 - x.PosteriorProbability, 0, 1), 1f));
            }

            if (dir is InferenceDirection d)
            {
                DirectionalResult result = new OmnidirectionalInference(engine).Infer(d, clamps, targetNames.Length > 0 ? targetNames : null, depth);
                CausalBelief[] beliefs = [.. result.Beliefs.Select(b => new CausalBelief(b.Name, b.Distance, Table(b.Prior), Table(b.Posterior)))];
                var marginals = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
                foreach (VariableBelief b in result.Beliefs)
                {
                    marginals[b.Name] = Table(b.Posterior);
                }

                return new CausalQueryResponse(network, marginals, result.EvidenceProbability, directionName, beliefs, null, null, null, null, PulseOf(result.Beliefs.Select(b => b.Posterior)));
            }

            if (targetNames.Length == 0)
            {
                targetNames = [.. net.Variables.Where(v => clamps.TypeOf(v.Name) != ClampType.Hard).Select(v => v.Name)];
            }

            Posterior posterior = engine.Query(targetNames, clamps);
            var tables = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
            foreach (Distribution m in posterior.Marginals)
            {
                tables[m.Variable.Name] = Table(m);
            }

            return new CausalQueryResponse(network, tables, posterior.EvidenceProbability, directionName, null, null, null, null, null, PulseOf(posterior.Marginals));
        }
        catch (ImpossibleEvidenceException e)
        {
            throw Impossible(e);
        }
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
        BayesianNetwork net = engine.Network;
        Clamps clamps = BuildClamps(net, evidence, interventions, soft_evidence, soft_interventions);
        Variable t = Find(net, "target", target);
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

    private static Clamps BuildClamps(
        BayesianNetwork network,
        Dictionary<string, string>? evidence,
        Dictionary<string, string>? interventions,
        Dictionary<string, double[]>? soft,
        Dictionary<string, double[]>? softDo)
    {
        var clamps = new Clamps();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string name, string state) in evidence ?? [])
        {
            Variable v = State(network, "evidence", name, state);
            Claim(owner, v, "evidence");
            clamps.Observe(v.Name, state);
        }

        foreach ((string name, string state) in interventions ?? [])
        {
            Variable v = State(network, "interventions", name, state);
            Claim(owner, v, "interventions");
            clamps.Intervene(v.Name, state);
        }

        foreach ((string name, double[] lambda) in soft ?? [])
        {
            Variable v = Vector(network, "soft_evidence", name, lambda);
            if (Array.TrueForAll(lambda, x => x == 0))
            {
                throw McpErrors.InvalidParams($"soft_evidence.{name}: the likelihoods are all zero, which rules out every state of '{v.Name}'.");
            }

            Claim(owner, v, "soft_evidence");
            clamps.Likelihood(v.Name, lambda);
        }

        foreach ((string name, double[] q) in softDo ?? [])
        {
            Variable v = Vector(network, "soft_interventions", name, q);
            double sum = q.Sum();
            if (Math.Abs(sum - 1) > 1e-6)
            {
                throw McpErrors.InvalidParams(string.Create(
                    CultureInfo.InvariantCulture,
                    $"soft_interventions.{name}: the distribution sums to {sum:G6}; the probabilities of the {v.Cardinality} states of '{v.Name}' must sum to 1."));
            }

            Claim(owner, v, "soft_interventions");
            clamps.SoftIntervene(v.Name, q);
        }

        return clamps;
    }

    private static void Claim(Dictionary<string, string> owner, Variable v, string parameter)
    {
        if (owner.TryGetValue(v.Name, out string? first))
        {
            throw McpErrors.InvalidParams($"{parameter}: '{v.Name}' is already clamped by {first}; a variable takes one clamp per query.");
        }

        owner[v.Name] = parameter;
    }

    private static Variable State(BayesianNetwork network, string parameter, string name, string? state)
    {
        Variable v = Find(network, parameter, name);
        if (state is null || !v.TryGetStateIndex(state, out _))
        {
            throw McpErrors.InvalidParams($"{parameter}.{name}: unknown state '{state}' of '{v.Name}'; its states are: {string.Join(", ", v.States)}.");
        }

        return v;
    }

    private static Variable Vector(BayesianNetwork network, string parameter, string name, double[]? values)
    {
        Variable v = Find(network, parameter, name);
        if (values is null || values.Length != v.Cardinality)
        {
            throw McpErrors.InvalidParams(string.Create(
                CultureInfo.InvariantCulture,
                $"{parameter}.{name}: {values?.Length ?? 0} values given; '{v.Name}' has {v.Cardinality} states ({string.Join(", ", v.States)}), one value per state in that order."));
        }

        if (!Array.TrueForAll(values, x => double.IsFinite(x) && x >= 0))
        {
            throw McpErrors.InvalidParams($"{parameter}.{name}: every value must be a finite number, 0 or more.");
        }

        return v;
    }

    private static string[] Variables(BayesianNetwork network, string parameter, string[]? names)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names ?? [])
        {
            Variable v = Find(network, parameter, name);
            if (!seen.Add(v.Name))
            {
                throw McpErrors.InvalidParams($"{parameter}: variable '{v.Name}' is listed twice.");
            }

            result.Add(v.Name);
        }

        return [.. result];
    }

    private static Variable Find(BayesianNetwork network, string parameter, string? name) =>
        name is not null && network.TryGetVariable(name, out Variable v)
            ? v
            : throw McpErrors.InvalidParams($"{parameter}: unknown variable '{name}' in network '{network.Name}'.");

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
