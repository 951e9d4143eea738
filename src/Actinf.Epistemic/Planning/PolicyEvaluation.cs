namespace Actinf.Epistemic.Planning;

/// <summary>The result of a policy evaluation.</summary>
/// <param name="Plans">The best plans by G (lowest first; at most <see cref="PolicyEvaluator.MaxReportedPlans"/>).</param>
/// <param name="FirstStepProbability">Per candidate: probability mass of the plans that start with it.</param>
/// <param name="InclusionProbability">Per candidate: probability mass of the plans that take it before answering.</param>
/// <param name="OneStepInformationGain">Per candidate: its information gain (nats) from the current beliefs.</param>
/// <param name="PlansEvaluated">Complete plans scored (leaves).</param>
/// <param name="NodesExpanded">Tree nodes expanded.</param>
/// <param name="BranchesPruned">Children pruned by the threshold.</param>
/// <param name="TimedOut">The budget ran out; the plans scored so far are returned.</param>
/// <param name="FromCache">The result came from the EFE cache.</param>
public sealed record PolicyEvaluation(
    IReadOnlyList<Plan> Plans,
    IReadOnlyList<float> FirstStepProbability,
    IReadOnlyList<float> InclusionProbability,
    IReadOnlyList<float> OneStepInformationGain,
    int PlansEvaluated,
    int NodesExpanded,
    int BranchesPruned,
    bool TimedOut,
    bool FromCache)
{
    /// <summary>Approximate size in bytes (for the cache budget).</summary>
    public int EstimatedBytes => 160 + (Plans.Count * 96) + Plans.Sum(p => p.Steps.Count * 4) + (FirstStepProbability.Count * 12);
}
