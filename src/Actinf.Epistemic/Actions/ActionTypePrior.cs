using Actinf.Epistemic.Beliefs;

namespace Actinf.Epistemic.Actions;

/// <summary>
/// Prior over action types given the Johari quadrant (seed 004: "Johari quadrant determines action type
/// priority"), used as the policy prior E of each plan step.
/// </summary>
/// <remarks>
/// The favoured type of each quadrant has weight 0.4, a second one 0.2, the other four 0.1 (Open: hypothesis
/// and example 0.3 each). The log prior is ln(6·w), so a uniform prior would be 0 for every type and the
/// answer step (prior 0) is neither favoured nor penalised.
/// </remarks>
public static class ActionTypePrior
{
    /// <summary>Prior weight w in (0, 1) of <paramref name="type"/> in <paramref name="quadrant"/> (weights sum to 1).</summary>
    /// <param name="quadrant">The session's quadrant.</param>
    /// <param name="type">The action type.</param>
    /// <returns>The weight.</returns>
    public static float Weight(JohariQuadrant quadrant, EpistemicActionType type) => (quadrant, type) switch
    {
        (JohariQuadrant.Blind, EpistemicActionType.SeekClarification) => 0.4f,
        (JohariQuadrant.Blind, EpistemicActionType.RequestExample) => 0.2f,
        (JohariQuadrant.Hidden, EpistemicActionType.ConfirmUnderstanding) => 0.4f,
        (JohariQuadrant.Hidden, EpistemicActionType.ProposeHypothesis) => 0.2f,
        (JohariQuadrant.Unknown, EpistemicActionType.ExploreRelated) => 0.4f,
        (JohariQuadrant.Unknown, EpistemicActionType.SuggestExperiment) => 0.2f,
        (JohariQuadrant.Open, EpistemicActionType.ProposeHypothesis) => 0.3f,
        (JohariQuadrant.Open, EpistemicActionType.RequestExample) => 0.3f,
        _ => 0.1f,
    };

    /// <summary>ln(6·w): the log prior of a plan step of this type.</summary>
    /// <param name="quadrant">The session's quadrant.</param>
    /// <param name="type">The action type.</param>
    /// <returns>The log prior.</returns>
    public static float LogPrior(JohariQuadrant quadrant, EpistemicActionType type) => MathF.Log(6f * Weight(quadrant, type));
}
