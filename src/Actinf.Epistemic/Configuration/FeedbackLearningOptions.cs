using Actinf.Epistemic.Errors;

namespace Actinf.Epistemic.Configuration;

/// <summary>Settings of learning from helpful / not-helpful feedback (seed 002, time decay).</summary>
public sealed record FeedbackLearningOptions
{
    /// <summary>Half-life of feedback evidence: a rating counts 0.5^(age / half-life). Default 30 days (seed 002).</summary>
    public TimeSpan HalfLife { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Beta prior pseudo-count of helpful answers, per action type and domain. Default 2.</summary>
    public float PriorHelpful { get; init; } = 2f;

    /// <summary>Beta prior pseudo-count of unhelpful answers. Default 2.</summary>
    public float PriorUnhelpful { get; init; } = 2f;

    /// <summary>
    /// Reveal precision p_a of an action whose answers are always helpful; p_a = this × E[P(helpful)].
    /// Default 2.0 (so the prior mean 0.5 reveals with precision 1.0, one observation's worth).
    /// </summary>
    public float MaxRevealPrecision { get; init; } = 2f;

    /// <summary>Checks every setting; throws a <see cref="ErrorKind.ConfigurationError"/> naming the first bad one.</summary>
    /// <exception cref="ActiveInferenceException">A setting is out of range.</exception>
    public void Validate()
    {
        ConfigurationGuard.PositiveDuration("Learning.HalfLife", HalfLife);
        ConfigurationGuard.Positive("Learning.PriorHelpful", PriorHelpful);
        ConfigurationGuard.Positive("Learning.PriorUnhelpful", PriorUnhelpful);
        ConfigurationGuard.Positive("Learning.MaxRevealPrecision", MaxRevealPrecision);
    }
}
