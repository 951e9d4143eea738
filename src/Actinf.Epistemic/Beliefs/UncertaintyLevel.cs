using Actinf.Epistemic.Numerics;

namespace Actinf.Epistemic.Beliefs;

/// <summary>The uncertainty level reported to clients, in [0, 1] (compared with the 0.6 threshold of seed 004).</summary>
public static class UncertaintyLevel
{
    /// <summary>
    /// U = exp((H[q] - H[q₀]) / d) = geometric mean over dimensions of sqrt(p₀ / p_i): the posterior standard
    /// deviation as a fraction of the prior one, where q₀ is the prior belief of precision p₀.
    /// </summary>
    /// <param name="precision">Posterior precisions p_i (each ≥ p₀ for a belief that only gained evidence).</param>
    /// <param name="priorPrecision">The prior precision p₀ &gt; 0.</param>
    /// <returns>U in [0, 1]: 1 before any evidence, 0.5 when the belief is 4 times as precise as the prior on (geometric) average; clamped to [0, 1].</returns>
    public static float FromPrecisions(ReadOnlySpan<float> precision, float priorPrecision)
    {
        if (precision.IsEmpty)
        {
            return 1f;
        }

        double sum = (precision.Length * Math.Log(priorPrecision)) - LogarithmSum.Of(precision);
        return (float)Math.Clamp(Math.Exp(0.5 * sum / precision.Length), 0, 1);
    }

    /// <summary>Scalar form for one dimension or a summary precision: sqrt(p₀ / (p₀ + evidence)).</summary>
    /// <param name="priorPrecision">Prior precision p₀ &gt; 0.</param>
    /// <param name="evidencePrecision">Precision gained from evidence, ≥ 0.</param>
    /// <returns>Value in (0, 1].</returns>
    public static float FromEvidence(float priorPrecision, float evidencePrecision) =>
        MathF.Sqrt(priorPrecision / (priorPrecision + MathF.Max(0f, evidencePrecision)));
}
