using Actinf.Epistemic.Errors;

namespace Actinf.Epistemic.Configuration;

/// <summary>Settings of the policy (plan) evaluator (seed 004 REQ-ACTINF-005).</summary>
public sealed record PolicyEvaluatorOptions
{
    /// <summary>Maximum plan length in steps. Default 5.</summary>
    public int MaxDepth { get; init; } = 5;

    /// <summary>Children expanded per plan node (the best ones by one-step G). Default 4.</summary>
    public int BranchingFactor { get; init; } = 4;

    /// <summary>Discount of step k's expected free energy: G(plan) = Σ_k discount^k · G_k. Default 0.9.</summary>
    public float DiscountFactor { get; init; } = 0.9f;

    /// <summary>A child whose softmax weight among its siblings, or whose path probability, falls below this is pruned. Default 0.01.</summary>
    public float PruningThreshold { get; init; } = 0.01f;

    /// <summary>Softmax temperature over plans: P(plan) ∝ exp(-G/T)·prior. Default 1.0.</summary>
    public float SelectionTemperature { get; init; } = 1.0f;

    /// <summary>Budget of one single-action EFE computation (seed 004 REQ-ACTINF-005). Default 2 ms.</summary>
    public TimeSpan EfeTimeout { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Byte budget of the EFE cache (LRU eviction). Default 1 MiB (seed 004 section 5.2).</summary>
    public int CacheBytes { get; init; } = 1 << 20;

    /// <summary>
    /// Precision gamma of the goal preference p(o|C) = N(goal, 1/gamma) per dimension (pragmatic value scale).
    /// Default 1.0.
    /// </summary>
    public float PreferencePrecision { get; init; } = 1.0f;

    /// <summary>Checks every setting; throws a <see cref="ErrorKind.ConfigurationError"/> naming the first bad one.</summary>
    /// <exception cref="ActiveInferenceException">A setting is out of range.</exception>
    public void Validate()
    {
        ConfigurationGuard.InRange("PolicyEvaluator.MaxDepth", MaxDepth, 1, 8);
        ConfigurationGuard.InRange("PolicyEvaluator.BranchingFactor", BranchingFactor, 1, 16);
        ConfigurationGuard.InRange("PolicyEvaluator.DiscountFactor", DiscountFactor, 0, 1, minExclusive: true);
        ConfigurationGuard.InRange("PolicyEvaluator.PruningThreshold", PruningThreshold, 0, 1, maxExclusive: true);
        ConfigurationGuard.Positive("PolicyEvaluator.SelectionTemperature", SelectionTemperature);
        ConfigurationGuard.PositiveDuration("PolicyEvaluator.EfeTimeout", EfeTimeout);
        ConfigurationGuard.NonNegative("PolicyEvaluator.CacheBytes", CacheBytes);
        ConfigurationGuard.Positive("PolicyEvaluator.PreferencePrecision", PreferencePrecision);
    }
}
