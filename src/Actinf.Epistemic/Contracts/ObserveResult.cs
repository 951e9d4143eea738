using Actinf.Epistemic.Beliefs;
using Actinf.Epistemic.Inference;

namespace Actinf.Epistemic.Contracts;

/// <summary>The outcome of an observation.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Update">Summary of the belief update.</param>
/// <param name="Iterations">Per-iteration metrics (free energy, KL delta, update size).</param>
/// <param name="UncertaintyLevel">U in [0, 1] after the update.</param>
/// <param name="DomainUncertainty">Uncertainty of the observation's domain in (0, 1].</param>
/// <param name="JohariQuadrant">The quadrant after the update.</param>
/// <param name="ObservationCount">Observations incorporated so far.</param>
public sealed record ObserveResult(
    Guid SessionId,
    BeliefUpdateResult Update,
    IReadOnlyList<IterationMetrics> Iterations,
    float UncertaintyLevel,
    float DomainUncertainty,
    JohariQuadrant JohariQuadrant,
    long ObservationCount);
