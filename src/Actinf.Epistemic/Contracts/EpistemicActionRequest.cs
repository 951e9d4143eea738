namespace Actinf.Epistemic.Contracts;

/// <summary>The request of the <c>epistemic_action</c> tool (seed 004 section 3.6).</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Force">Generate actions even when the uncertainty is below the threshold.</param>
/// <param name="MaxActions">Maximum actions (default 3; capped by MaxActionsPerResponse).</param>
/// <param name="MinRelevance">Minimum relevance in [0, 1] (default 0.3).</param>
public sealed record EpistemicActionRequest(Guid SessionId, bool Force = false, int MaxActions = 3, float MinRelevance = 0.3f);
