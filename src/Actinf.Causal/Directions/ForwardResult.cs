namespace Actinf.Causal.Directions;

/// <summary>Forward inference: given causes (the clamps), the distributions of their effects.</summary>
public sealed class ForwardResult : DirectionalResult
{
    internal ForwardResult(int maxDepth, double logEvidenceProbability, VariableBelief[] effects)
        : base(InferenceDirection.Forward, maxDepth, logEvidenceProbability, effects)
    {
    }

    /// <summary>
    /// The effects reported: by default the unclamped descendants of the clamped variables within the max
    /// depth, nearest first (ties in declaration order); otherwise the requested targets in the order given.
    /// </summary>
    public IReadOnlyList<VariableBelief> Effects => Beliefs;
}
