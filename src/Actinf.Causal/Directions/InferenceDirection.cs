namespace Actinf.Causal.Directions;

/// <summary>
/// The direction of an omnidirectional query (seed 004 REQ-ACTINF-008 <c>InferenceDirection</c>): which
/// variables a query reports relative to its clamped variables. Every direction runs the same exact
/// inference over the whole network; the direction chooses the question and the shape of the answer.
/// </summary>
public enum InferenceDirection
{
    /// <summary>A -&gt; B: given causes (the clamped variables), the distributions of their effects (descendants).</summary>
    Forward,

    /// <summary>B -&gt; A: given effects (the clamped variables), their likely causes (ancestors), ranked.</summary>
    Backward,

    /// <summary>A &lt;-&gt; B: forward and backward at once (descendants and ancestors of the clamped variables).</summary>
    Bidirectional,

    /// <summary>
    /// Across domains: from an evidence group (the clamped variables) to a target group, through the
    /// unclamped nodes that connect them.
    /// </summary>
    Bridge,

    /// <summary>The best explanation: the most probable joint assignment (MPE) or marginal MAP over a subset.</summary>
    Abduction,
}
