using Actinf.Epistemic.Errors;

namespace Actinf.Epistemic.Configuration;

/// <summary>Settings of the epistemic action generator (seed 004 REQ-ACTINF-006).</summary>
public sealed record EpistemicActionOptions
{
    /// <summary>Cooldown window of the rate limiter. Default 60 s.</summary>
    public TimeSpan ActionCooldown { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many actions of one type may be issued within <see cref="ActionCooldown"/>. Default 1.</summary>
    public int MaxPerType { get; init; } = 1;

    /// <summary>
    /// Minimum normalised expected information gain in [0, 1] (1 - geometric mean of the posterior/prior
    /// variance ratio on the action's dimensions). Default 0.1.
    /// </summary>
    public float MinInfoGain { get; init; } = 0.1f;

    /// <summary>At most one action per type in a response. Default true.</summary>
    public bool RequireDiversity { get; init; } = true;

    /// <summary>Knowledge gaps considered per selection. Default 4.</summary>
    public int MaxKnowledgeGaps { get; init; } = 4;

    /// <summary>Belief dimensions an action on a gap reveals (the gap's most uncertain, most salient ones). Default 64.</summary>
    public int DimensionsPerGap { get; init; } = 64;

    /// <summary>Minimum relevance in [0, 1] of a returned action (the MCP request may raise it). Default 0.3.</summary>
    public float MinRelevance { get; init; } = 0.3f;

    /// <summary>Checks every setting; throws a <see cref="ErrorKind.ConfigurationError"/> naming the first bad one.</summary>
    /// <exception cref="ActiveInferenceException">A setting is out of range.</exception>
    public void Validate()
    {
        ConfigurationGuard.PositiveDuration("Actions.ActionCooldown", ActionCooldown);
        ConfigurationGuard.InRange("Actions.MaxPerType", MaxPerType, 1, 16);
        ConfigurationGuard.InRange("Actions.MinInfoGain", MinInfoGain, 0, 1, maxExclusive: true);
        ConfigurationGuard.InRange("Actions.MaxKnowledgeGaps", MaxKnowledgeGaps, 1, 16);
        ConfigurationGuard.InRange("Actions.DimensionsPerGap", DimensionsPerGap, 1, 4096);
        ConfigurationGuard.InRange("Actions.MinRelevance", MinRelevance, 0, 1);
    }
}
