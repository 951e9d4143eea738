using Actinf.Epistemic.Errors;
using Actinf.Epistemic.Numerics;

namespace Actinf.Epistemic.Beliefs;

/// <summary>
/// A diagonal Gaussian belief q(s) = N(mean, diag(1/precision)) over the embedding space (layer 0), with the
/// confidence and observation count of seed 004's BeliefDistribution.
/// </summary>
/// <remarks>
/// The arrays are owned by the belief and mutated in place by the belief updater (no allocation per update).
/// Precisions are inverse variances in model units (observation coordinates have mean square 1); every
/// precision is at least the precision floor, so entropy and KL are finite.
/// </remarks>
public sealed class DiagonalGaussianBelief
{
    /// <summary>Creates the prior belief: mean 0, every precision <paramref name="priorPrecision"/>.</summary>
    /// <param name="dimension">Number of dimensions d.</param>
    /// <param name="priorPrecision">Prior precision of every dimension (the model's layer-0 precision).</param>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive dimension or precision.</exception>
    public DiagonalGaussianBelief(int dimension, float priorPrecision)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if (!(priorPrecision > 0) || !float.IsFinite(priorPrecision))
        {
            throw new ArgumentOutOfRangeException(nameof(priorPrecision), priorPrecision, "The prior precision must be finite and positive.");
        }

        Mean = new float[dimension];
        Precision = new float[dimension];
        Array.Fill(Precision, priorPrecision);
        PriorPrecision = priorPrecision;
    }

    /// <summary>Posterior mean, length d (model units).</summary>
    public float[] Mean { get; }

    /// <summary>Posterior precision per dimension, length d (inverse variance, ≥ the precision floor).</summary>
    public float[] Precision { get; }

    /// <summary>The precision of the belief before any observation (reference of <see cref="UncertaintyLevel"/>).</summary>
    public float PriorPrecision { get; }

    /// <summary>Confidence in [0, 1]: 1 - <see cref="UncertaintyLevel"/>.</summary>
    public float Confidence => 1f - UncertaintyLevel;

    /// <summary>Number of observations incorporated.</summary>
    public long ObservationCount { get; set; }

    /// <summary>Dimension d.</summary>
    public int Dimension => Mean.Length;

    /// <summary>Differential entropy in nats: H = ½ Σ_i ln(2πe / precision_i).</summary>
    public double Entropy => EntropyOf(Precision);

    /// <summary>Uncertainty level in [0, 1] (see <see cref="Beliefs.UncertaintyLevel.FromPrecisions"/>).</summary>
    public float UncertaintyLevel => Beliefs.UncertaintyLevel.FromPrecisions(Precision, PriorPrecision);

    /// <summary>Entropy of a diagonal Gaussian with the given precisions: ½ Σ_i ln(2πe / p_i), accumulated in double.</summary>
    /// <param name="precision">Precisions p_i &gt; 0.</param>
    /// <returns>The entropy in nats.</returns>
    public static double EntropyOf(ReadOnlySpan<float> precision)
    {
        return 0.5 * ((precision.Length * Math.Log(2 * Math.PI * Math.E)) - LogarithmSum.Of(precision));
    }

    /// <summary>
    /// KL[q || r] between diagonal Gaussians q = N(m_q, 1/p_q) and r = N(m_r, 1/p_r), in nats:
    /// ½ Σ_i [ p_r/p_q + p_r (m_q - m_r)² - 1 + ln(p_q/p_r) ].
    /// </summary>
    /// <param name="meanQ">Mean of q.</param>
    /// <param name="precisionQ">Precision of q (&gt; 0).</param>
    /// <param name="meanR">Mean of r.</param>
    /// <param name="precisionR">Precision of r (&gt; 0).</param>
    /// <returns>The divergence, ≥ 0.</returns>
    /// <exception cref="ArgumentException">The four spans differ in length.</exception>
    /// <remarks>Seed 004's sketch sums p_q/p_r; the closed form has the ratio the other way (docs/epistemic-engine.md).</remarks>
    public static double KullbackLeibler(ReadOnlySpan<float> meanQ, ReadOnlySpan<float> precisionQ, ReadOnlySpan<float> meanR, ReadOnlySpan<float> precisionR)
    {
        int n = meanQ.Length;
        if (precisionQ.Length != n || meanR.Length != n || precisionR.Length != n)
        {
            throw new ArgumentException("All four spans must have the same length.", nameof(precisionQ));
        }

        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double ratio = (double)precisionR[i] / precisionQ[i];
            double d = (double)meanQ[i] - meanR[i];
            sum += ratio + precisionR[i] * d * d - 1 - Math.Log(ratio);
        }

        return 0.5 * sum;
    }

    /// <summary>KL[this || other].</summary>
    /// <param name="other">The reference belief, same dimension.</param>
    /// <returns>The divergence in nats.</returns>
    /// <exception cref="ActiveInferenceException"><see cref="ErrorKind.BeliefUpdateFailed"/> for a dimension mismatch.</exception>
    public double KullbackLeibler(DiagonalGaussianBelief other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Dimension != Dimension)
        {
            throw new ActiveInferenceException(ErrorKind.BeliefUpdateFailed, $"Cannot compare beliefs of dimension {Dimension} and {other.Dimension}.");
        }

        return KullbackLeibler(Mean, Precision, other.Mean, other.Precision);
    }
}
