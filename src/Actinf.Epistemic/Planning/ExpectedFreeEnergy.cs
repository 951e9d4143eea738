using System.Numerics.Tensors;

namespace Actinf.Epistemic.Planning;

/// <summary>
/// Closed-form expected free energy of one step for the linear-Gaussian case (DESIGN.md, "Epistemic engine").
/// </summary>
/// <remarks>
/// An epistemic action observes each of its dimensions i as y_i = s_i + noise of precision p_a; with beliefs
/// of precision p_i the expected information gain is the mutual information I(s; y) = ½ Σ_i ln(1 + p_a / p_i)
/// nats, and afterwards the beliefs have precision p_i + p_a (the mean is a martingale). The pragmatic value
/// of answering is the expected log preference of the answer y ~ N(mu, 1/p) under p(y|C) = N(g, 1/gamma),
/// relative to an answer from the prior precision p₀: ½ gamma Σ_i (1/p₀ - 1/p_i), plus the goal alignment
/// term when goals are set. G = -2·(b·epistemic + (1-b)·pragmatic), so b = ½ gives G = -(epistemic) - (pragmatic).
/// </remarks>
public static class ExpectedFreeEnergy
{
    /// <summary>Precisions below this (the default precision floor, 1e-6) are raised to it, so every term stays finite for p_a ≤ 1e32.</summary>
    public const float MinPrecision = 1e-6f;

    /// <summary>Expected information gain ½ Σ_i ln(1 + p_a / p_i) in nats.</summary>
    /// <param name="beliefPrecision">Current precisions p_i &gt; 0 of the revealed dimensions.</param>
    /// <param name="revealPrecision">Precision p_a ≥ 0 with which the action reveals each dimension.</param>
    /// <param name="scratch">Scratch of at least the length of <paramref name="beliefPrecision"/> (no allocation).</param>
    /// <returns>The gain (0 for p_a = 0 or no dimensions).</returns>
    /// <exception cref="ArgumentException"><paramref name="scratch"/> is too short.</exception>
    public static float InformationGain(ReadOnlySpan<float> beliefPrecision, float revealPrecision, Span<float> scratch)
    {
        if (scratch.Length < beliefPrecision.Length)
        {
            throw new ArgumentException("The scratch span is shorter than the precisions.", nameof(scratch));
        }

        if (beliefPrecision.IsEmpty || revealPrecision <= 0)
        {
            return 0f;
        }

        Span<float> tmp = scratch[..beliefPrecision.Length];
        TensorPrimitives.Max(beliefPrecision, MinPrecision, tmp);
        TensorPrimitives.Divide(revealPrecision, tmp, tmp);
        TensorPrimitives.LogP1(tmp, tmp);
        return 0.5f * TensorPrimitives.Sum<float>(tmp);
    }

    /// <summary>Same as <see cref="InformationGain(ReadOnlySpan{float}, float, Span{float})"/> with every precision shifted by <paramref name="added"/>.</summary>
    /// <param name="beliefPrecision">Base precisions p_i.</param>
    /// <param name="added">Precision already added along the plan (≥ 0).</param>
    /// <param name="revealPrecision">p_a.</param>
    /// <param name="scratch">Scratch, at least as long as the precisions.</param>
    /// <returns>½ Σ_i ln(1 + p_a / (p_i + added)).</returns>
    public static float InformationGain(ReadOnlySpan<float> beliefPrecision, float added, float revealPrecision, Span<float> scratch)
    {
        if (beliefPrecision.IsEmpty || revealPrecision <= 0)
        {
            return 0f;
        }

        Span<float> tmp = scratch[..beliefPrecision.Length];
        TensorPrimitives.Add(beliefPrecision, added, tmp);
        TensorPrimitives.Max(tmp, MinPrecision, tmp);
        TensorPrimitives.Divide(revealPrecision, tmp, tmp);
        TensorPrimitives.LogP1(tmp, tmp);
        return 0.5f * TensorPrimitives.Sum<float>(tmp);
    }

    /// <summary>Σ_i 1 / (p_i + added): the summed posterior variance of the dimensions.</summary>
    /// <param name="beliefPrecision">Base precisions p_i.</param>
    /// <param name="added">Precision added along the plan.</param>
    /// <param name="scratch">Scratch, at least as long as the precisions.</param>
    /// <returns>The summed variance.</returns>
    public static float SummedVariance(ReadOnlySpan<float> beliefPrecision, float added, Span<float> scratch)
    {
        if (beliefPrecision.IsEmpty)
        {
            return 0f;
        }

        Span<float> tmp = scratch[..beliefPrecision.Length];
        TensorPrimitives.Add(beliefPrecision, added, tmp);
        TensorPrimitives.Max(tmp, MinPrecision, tmp);
        TensorPrimitives.Reciprocal(tmp, tmp);
        return TensorPrimitives.Sum<float>(tmp);
    }

    /// <summary>Normalised information gain in [0, 1): 1 - exp(-2·gain/n) = 1 - geometric mean of p_i/(p_i + p_a).</summary>
    /// <param name="gain">Information gain in nats.</param>
    /// <param name="dimensions">Number of revealed dimensions n.</param>
    /// <returns>The expected fraction of (geometric-mean) variance removed.</returns>
    public static float Normalised(float gain, int dimensions) =>
        dimensions <= 0 ? 0f : 1f - MathF.Exp(-2f * gain / dimensions);

    /// <summary>G = -2·(b·epistemic + (1-b)·pragmatic); lower is better.</summary>
    /// <param name="epistemic">Expected information gain (nats).</param>
    /// <param name="pragmatic">Expected log-preference gain (nats).</param>
    /// <param name="balance">b in [0, 1].</param>
    /// <returns>G in nats.</returns>
    public static float Combine(float epistemic, float pragmatic, float balance) =>
        -2f * ((balance * epistemic) + ((1f - balance) * pragmatic));
}
