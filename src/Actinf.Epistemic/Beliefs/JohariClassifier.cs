namespace Actinf.Epistemic.Beliefs;

/// <summary>Maps uncertainty and surprise to a <see cref="JohariQuadrant"/>.</summary>
public static class JohariClassifier
{
    /// <summary>
    /// Open (U &lt; θ_U, S ≤ θ_S), Hidden (U &lt; θ_U, S &gt; θ_S), Unknown (U ≥ θ_U, S ≤ θ_S), Blind (U ≥ θ_U, S &gt; θ_S).
    /// </summary>
    /// <param name="uncertainty">Uncertainty level U in [0, 1].</param>
    /// <param name="surprise">Normalised surprise S in [0, 1].</param>
    /// <param name="uncertaintyThreshold">θ_U (default 0.6).</param>
    /// <param name="surpriseThreshold">θ_S (default 0.5).</param>
    /// <returns>The quadrant.</returns>
    public static JohariQuadrant Classify(float uncertainty, float surprise, float uncertaintyThreshold, float surpriseThreshold)
    {
        bool knownToSelf = uncertainty < uncertaintyThreshold;
        bool knownToOthers = surprise <= surpriseThreshold;
        return (knownToSelf, knownToOthers) switch
        {
            (true, true) => JohariQuadrant.Open,
            (true, false) => JohariQuadrant.Hidden,
            (false, true) => JohariQuadrant.Unknown,
            (false, false) => JohariQuadrant.Blind,
        };
    }

    /// <summary>
    /// Normalised surprise S = z / (1 + z) in [0, 1), where z is the mean of e_i² / s_i, the squared innovation
    /// over its predicted variance. S = 0.5 when errors are exactly as large as the model predicts.
    /// </summary>
    /// <param name="normalisedInnovation">z ≥ 0.</param>
    /// <returns>S.</returns>
    public static float Surprise(double normalisedInnovation) =>
        double.IsFinite(normalisedInnovation) && normalisedInnovation > 0 ? (float)(normalisedInnovation / (1 + normalisedInnovation)) : normalisedInnovation > 0 ? 1f : 0f;
}
