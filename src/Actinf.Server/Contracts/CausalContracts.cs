using System.ComponentModel;

namespace Actinf.Server.Contracts;

/// <summary>The answer of <c>causal_query</c>.</summary>
public sealed record CausalQueryResponse(
    [property: Description("The network queried (the name as given).")] string Network,
    [property: Description("Posterior marginals {variable: {state: probability}}: the targets (default: every variable not hard-clamped); with a direction, the variables it reports; empty for mpe/map.")] IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Marginals,
    [property: Description("P(evidence): the probability of the clamps (1 when nothing is observed).")] double EvidenceProbability,
    [property: Description("The direction asked (none, forward, backward, bidirectional, bridge, abduction).")] string Direction,
    [property: Description("With a direction other than none/abduction: each reported variable with its prior and posterior distribution and its distance in edges from the clamps; otherwise null.")] IReadOnlyList<CausalBelief>? Beliefs,
    [property: Description("With mpe, map_variables or direction abduction: the most probable joint state {variable: state}; otherwise null.")] IReadOnlyDictionary<string, string>? Assignment,
    [property: Description("With mpe/map: P(assignment, evidence); otherwise null.")] double? Probability,
    [property: Description("With mpe/map: ln P(assignment, evidence); otherwise null.")] double? LogProbability,
    [property: Description("With mpe/map: P(assignment | evidence); otherwise null.")] double? PosteriorProbability,
    [property: Description("Cognitive pulse: entropy = mean normalised entropy of the reported marginals (1 - posterior_probability for mpe/map); coherence = 1 (a contradiction is an error instead).")] Pulse Pulse);

/// <summary>One variable reported by a directional query.</summary>
public sealed record CausalBelief(
    [property: Description("The variable.")] string Variable,
    [property: Description("Edges between the variable and the nearest clamped variable.")] int Distance,
    [property: Description("Its distribution before the clamps {state: probability}.")] IReadOnlyDictionary<string, double> Prior,
    [property: Description("Its distribution under the clamps {state: probability}.")] IReadOnlyDictionary<string, double> Posterior);

/// <summary>The answer of <c>causal_suggest_experiment</c>.</summary>
public sealed record ExperimentSuggestions(
    [property: Description("The network (the name as given).")] string Network,
    [property: Description("The target variable.")] string Target,
    [property: Description("Entropy of the target under the current clamps, in nats; no experiment can gain more.")] double TargetEntropy,
    [property: Description("Experiments ranked by expected information gain about the target, highest first.")] IReadOnlyList<ExperimentSuggestionOutput> Suggestions,
    [property: Description("Cognitive pulse: entropy = target_entropy / ln(number of target states); coherence = 1.")] Pulse Pulse);

/// <summary>One suggested experiment.</summary>
public sealed record ExperimentSuggestionOutput(
    [property: Description("observe (look at the variable) or intervene (set it at random, do(X = x)).")] string Action,
    [property: Description("The variable to observe or set.")] string Variable,
    [property: Description("Expected reduction of the target's entropy, in nats.")] double ExpectedInformationGain);
