namespace Actinf.Epistemic.Actions;

/// <summary>A generated epistemic action (seed 004 EpistemicAction).</summary>
/// <param name="Id">Identifier to rate it with (engine RecordFeedback).</param>
/// <param name="ActionType">The type.</param>
/// <param name="Content">The question or proposal, in plain words.</param>
/// <param name="TargetConcept">The concept or domain aimed at (null when unknown).</param>
/// <param name="ExpectedInfoGain">Normalised expected information gain in [0, 1): 1 - geometric mean of the variance ratios p/(p + p_a).</param>
/// <param name="ExpectedInfoGainNats">The expected information gain in nats, ½ Σ ln(1 + p_a/p).</param>
/// <param name="Priority">Rank in the response, 1 = first.</param>
/// <param name="PriorityScore">Probability mass of the plans that take this action before answering, in [0, 1].</param>
/// <param name="Relevance">Relevance to the current context in [0, 1].</param>
/// <param name="Gap">The knowledge gap it addresses.</param>
public sealed record EpistemicAction(
    string Id,
    EpistemicActionType ActionType,
    string Content,
    string? TargetConcept,
    float ExpectedInfoGain,
    float ExpectedInfoGainNats,
    int Priority,
    float PriorityScore,
    float Relevance,
    KnowledgeGap Gap);
