using Actinf.Epistemic.Errors;

namespace Actinf.Epistemic.Configuration;

/// <summary>Settings of the variational belief updater (seed 004 REQ-ACTINF-004).</summary>
/// <remarks>Units: precisions are inverse variances in the scaled embedding units (observation coordinates have mean square 1).</remarks>
public sealed record BeliefUpdaterOptions
{
    /// <summary>Maximum descent iterations per observation. Default 10.</summary>
    public int MaxIterations { get; init; } = 10;

    /// <summary>
    /// Convergence threshold on KL[q_k || q_(k-1)] (nats) between successive iterates of the whole hierarchy.
    /// Default 0.001.
    /// </summary>
    public float ConvergenceThreshold { get; init; } = 0.001f;

    /// <summary>
    /// Learning rate of the precision (error-variance) estimate: sigma² ← (1 - rate)·sigma² + rate·ê². Default 0.1.
    /// The mean step itself needs no rate: it is the exact line-search step (docs/epistemic-engine.md).
    /// </summary>
    public float LearningRate { get; init; } = 0.1f;

    /// <summary>Cap on the momentum (conjugate-direction) coefficient, in [0, 1). Default 0.9.</summary>
    public float Momentum { get; init; } = 0.9f;

    /// <summary>Smallest precision any quantity may take (prevents division by zero). Default 1e-6.</summary>
    public float PrecisionFloor { get; init; } = 1e-6f;

    /// <summary>
    /// Gradient clipping: no coordinate of a mean moves more than this per iteration (units of the prior
    /// standard deviation). Default 1.0.
    /// </summary>
    public float MaxUpdateMagnitude { get; init; } = 1.0f;

    /// <summary>Variance added to every belief dimension between observations (random-walk volatility). Default 0.1.</summary>
    public float Volatility { get; init; } = 0.1f;

    /// <summary>Smallest observation-noise variance estimate (caps observation precision at 1/this). Default 0.01.</summary>
    public float MinErrorVariance { get; init; } = 0.01f;

    /// <summary>Checks every setting; throws a <see cref="ErrorKind.ConfigurationError"/> naming the first bad one.</summary>
    /// <exception cref="ActiveInferenceException">A setting is out of range.</exception>
    public void Validate()
    {
        ConfigurationGuard.Positive("BeliefUpdater.MaxIterations", MaxIterations);
        ConfigurationGuard.Positive("BeliefUpdater.ConvergenceThreshold", ConvergenceThreshold);
        ConfigurationGuard.InRange("BeliefUpdater.LearningRate", LearningRate, 0, 1, minExclusive: true);
        ConfigurationGuard.InRange("BeliefUpdater.Momentum", Momentum, 0, 1, maxExclusive: true);
        ConfigurationGuard.InRange("BeliefUpdater.PrecisionFloor", PrecisionFloor, 0, 1, minExclusive: true);
        ConfigurationGuard.Positive("BeliefUpdater.MaxUpdateMagnitude", MaxUpdateMagnitude);
        ConfigurationGuard.NonNegative("BeliefUpdater.Volatility", Volatility);
        ConfigurationGuard.Positive("BeliefUpdater.MinErrorVariance", MinErrorVariance);
    }
}
