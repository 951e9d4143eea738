using Actinf.Epistemic.Actions;

namespace Actinf.Epistemic.Contracts;

/// <summary>One action of the response (seed 004 EpistemicActionOutput).</summary>
/// <param name="ActionId">Id to rate the action with.</param>
/// <param name="ActionType">The type.</param>
/// <param name="Content">The question or proposal.</param>
/// <param name="TargetConcept">The concept aimed at, or null.</param>
/// <param name="ExpectedInfoGain">Normalised expected information gain in [0, 1).</param>
/// <param name="Relevance">Relevance in [0, 1].</param>
/// <param name="Priority">Rank, 1 = first.</param>
public sealed record EpistemicActionOutput(
    string ActionId,
    EpistemicActionType ActionType,
    string Content,
    string? TargetConcept,
    float ExpectedInfoGain,
    float Relevance,
    int Priority);
