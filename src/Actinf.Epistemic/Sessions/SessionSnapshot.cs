using Actinf.Epistemic.Beliefs;

namespace Actinf.Epistemic.Sessions;

/// <summary>Read-only summary of a session.</summary>
/// <param name="SessionId">Id.</param>
/// <param name="ObservationCount">Observations incorporated.</param>
/// <param name="UncertaintyLevel">U in [0, 1].</param>
/// <param name="Entropy">Layer-0 belief entropy (nats).</param>
/// <param name="Confidence">1 - U.</param>
/// <param name="Coherence">Coherence in [0, 1].</param>
/// <param name="JohariQuadrant">Quadrant.</param>
/// <param name="FreeEnergy">Free energy after the last update (nats).</param>
/// <param name="DomainUncertainty">Uncertainty per domain in (0, 1].</param>
/// <param name="EstimatedBytes">Approximate memory held.</param>
public sealed record SessionSnapshot(
    Guid SessionId,
    long ObservationCount,
    float UncertaintyLevel,
    double Entropy,
    float Confidence,
    float Coherence,
    JohariQuadrant JohariQuadrant,
    float FreeEnergy,
    IReadOnlyDictionary<string, float> DomainUncertainty,
    long EstimatedBytes);
