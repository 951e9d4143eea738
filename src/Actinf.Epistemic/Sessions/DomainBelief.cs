namespace Actinf.Epistemic.Sessions;

/// <summary>
/// Per-domain summary belief: a running centroid of the domain's observations and a scalar evidence precision
/// filtered like the per-dimension beliefs (random-walk volatility, inflated by surprising observations).
/// </summary>
/// <remarks>Uncertainty = sqrt(p₀ / (p₀ + evidence)) in (0, 1]; 1 for a domain never observed.</remarks>
public sealed class DomainBelief
{
    /// <summary>Creates an empty domain belief.</summary>
    /// <param name="name">Domain name.</param>
    /// <param name="dimension">Embedding dimension.</param>
    public DomainBelief(string name, int dimension)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Centroid = new float[dimension];
    }

    /// <summary>The domain.</summary>
    public string Name { get; }

    /// <summary>Running mean of the domain's observations (model units; window of 8).</summary>
    public float[] Centroid { get; }

    /// <summary>Observations seen.</summary>
    public long Count { get; set; }

    /// <summary>Scalar evidence precision.</summary>
    public float EvidencePrecision { get; set; }

    /// <summary>Normalised surprise of the last observation in the domain.</summary>
    public float Surprise { get; set; }

    /// <summary>Last observation time.</summary>
    public DateTimeOffset LastSeen { get; set; }

    /// <summary>Uncertainty in (0, 1] given the prior precision.</summary>
    /// <param name="priorPrecision">p₀.</param>
    /// <returns>sqrt(p₀ / (p₀ + evidence)).</returns>
    public float Uncertainty(float priorPrecision) => Beliefs.UncertaintyLevel.FromEvidence(priorPrecision, EvidencePrecision);
}
