namespace Actinf.Epistemic.Beliefs;

/// <summary>
/// A session's beliefs at every layer of the hierarchy: the layer-0 <see cref="DiagonalGaussianBelief"/>
/// over the embedding space, the means of the higher layers, and the per-dimension evidence precision and
/// observation-noise variance that the belief updater learns.
/// </summary>
/// <remarks>All arrays are allocated once here and mutated in place by the belief updater.</remarks>
public sealed class HierarchicalBeliefs
{
    /// <summary>Creates prior beliefs for a model with the given layer dimensions.</summary>
    /// <param name="layerDimensions">d_l per layer, sensory first.</param>
    /// <param name="priorPrecision">Layer-0 prior precision (the model's pi_0).</param>
    /// <exception cref="ArgumentException">No layers.</exception>
    public HierarchicalBeliefs(IReadOnlyList<int> layerDimensions, float priorPrecision)
    {
        ArgumentNullException.ThrowIfNull(layerDimensions);
        if (layerDimensions.Count == 0)
        {
            throw new ArgumentException("At least one layer is required.", nameof(layerDimensions));
        }

        Belief = new DiagonalGaussianBelief(layerDimensions[0], priorPrecision);
        Means = new float[layerDimensions.Count][];
        Means[0] = Belief.Mean;
        for (int l = 1; l < Means.Length; l++)
        {
            Means[l] = new float[layerDimensions[l]];
        }

        EvidencePrecision = new float[layerDimensions[0]];
        ErrorVariance = new float[layerDimensions[0]];
        Array.Fill(ErrorVariance, 1f);
        LayerErrors = new float[layerDimensions.Count];
    }

    /// <summary>q(s_0): the belief over the embedding space (mean = <c>Means[0]</c>).</summary>
    public DiagonalGaussianBelief Belief { get; }

    /// <summary>Posterior means per layer, length d_l each; <c>Means[0]</c> is <see cref="Belief"/>'s mean.</summary>
    public float[][] Means { get; }

    /// <summary>Precision gained from observations per layer-0 dimension (excludes the hierarchical prior pi_0).</summary>
    public float[] EvidencePrecision { get; }

    /// <summary>Estimated observation-noise variance per layer-0 dimension (starts at 1, the prior scale).</summary>
    public float[] ErrorVariance { get; }

    /// <summary>Mean precision-weighted squared prediction error per layer after the last update: ½ pi_l ||eps_l||² / d_l.</summary>
    public float[] LayerErrors { get; }

    /// <summary>Normalised surprise S in [0, 1) of the last observation.</summary>
    public float Surprise { get; set; }

    /// <summary>Variational free energy after the last update (nats).</summary>
    public float FreeEnergy { get; set; }

    /// <summary>Approximate bytes held by the arrays.</summary>
    public long EstimatedBytes => 4L * (Means.Sum(m => (long)m.Length) + Belief.Precision.Length + EvidencePrecision.Length + ErrorVariance.Length + LayerErrors.Length) + 64L * (Means.Length + 6);
}
