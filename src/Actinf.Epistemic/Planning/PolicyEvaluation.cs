namespace Actinf.Epistemic.Planning;

/// <summary>The result of a policy evaluation.</summary>
/// <param name="Plans">The best plans by G (lowest first; at most <see cref="PolicyEvaluator.MaxReportedPlans"/>).</param>
/// <param name="FirstStepProbability">Per candidate: probability mass of the plans that start with it.</param>
/// <param name="InclusionProbability">Per candidate: probability mass of the plans that take it before answering.</param>
/// <param name="OneStepInformationGain">Per candidate: its information gain (nats) from the current beliefs.</param>
/// <param name="PlansEvaluated">Complete plans scored (leaves).</param>
/// <param name="NodesExpanded">Tree nodes expanded.</param>
/// <param name="BranchesPruned">Children pruned by the threshold.</param>
/// <param name="TimedOut">
/// A budget ran out, so the result is partial: either the whole evaluation's budget (the search stopped and the
/// plans scored so far are returned) or the per-policy budget of at least one first step (see
/// <paramref name="PolicyBudgetOverruns"/>). Timed-out results are not cached.
/// </param>
/// <param name="FromCache">The result came from the EFE cache.</param>
/// <param name="PolicyBudgetOverruns">
/// First steps whose subtree of plans overran <c>PolicyEvaluatorOptions.EfeTimeout</c> (2 ms by default): each kept
/// the plans it had scored (at least one) and the search went on with the next first step.
/// </param>
public sealed record PolicyEvaluation(
    IReadOnlyList<Plan> Plans,
    IReadOnlyList<float> FirstStepProbability,
    IReadOnlyList<float> InclusionProbability,
    IReadOnlyList<float> OneStepInformationGain,
    int PlansEvaluated,
    int NodesExpanded,
    int BranchesPruned,
    bool TimedOut,
    bool FromCache,
    int PolicyBudgetOverruns = 0)
{
    /// <summary>Approximate size in bytes (for the cache budget).</summary>
    public int EstimatedBytes => 160 + (Plans.Count * 96) + Plans.Sum(p => p.Steps.Count * 4) + (FirstStepProbability.Count * 12);
}
