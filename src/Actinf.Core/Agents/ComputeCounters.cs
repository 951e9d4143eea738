namespace Actinf.Core.Agents;

/// <summary>
/// How much work an agent did and saved since it was built (cumulative; not reset by <see cref="Agent.Reset"/>).
/// </summary>
/// <param name="StateInferences">State inferences run.</param>
/// <param name="StateInferencesSkipped">State inferences skipped because nothing they depend on changed.</param>
/// <param name="PolicyStepEvaluations">Predicted (policy, step) states a plain evaluation scores: P·T per policy inference.</param>
/// <param name="PolicyNodesScored">Predicted states actually scored.</param>
/// <param name="PolicyNodesReused">Predicted states whose scores were reused unchanged.</param>
/// <param name="CacheBytes">Memory held by the likelihood-terms cache and the policy tree's reuse buffers, in bytes.</param>
public readonly record struct ComputeCounters(
    long StateInferences,
    long StateInferencesSkipped,
    long PolicyStepEvaluations,
    long PolicyNodesScored,
    long PolicyNodesReused,
    long CacheBytes)
{
    /// <summary>Fraction of predicted states not scored anew (shared prefixes and reuse): 1 - scored / evaluations.</summary>
    public double PolicyWorkSaved => PolicyStepEvaluations == 0 ? 0 : 1.0 - ((double)PolicyNodesScored / PolicyStepEvaluations);

    /// <summary>Fraction of tree nodes whose scores were reused: reused / (scored + reused).</summary>
    public double PolicyScoreHitRate => PolicyNodesScored + PolicyNodesReused == 0 ? 0 : (double)PolicyNodesReused / (PolicyNodesScored + PolicyNodesReused);

    /// <summary>Fraction of state inferences skipped.</summary>
    public double StateInferenceSkipRate => StateInferences + StateInferencesSkipped == 0 ? 0 : (double)StateInferencesSkipped / (StateInferences + StateInferencesSkipped);
}
