using Actinf.Epistemic.Beliefs;

namespace Actinf.Epistemic.Contracts;

/// <summary>The response of the <c>epistemic_action</c> tool (seed 004 section 3.6).</summary>
/// <param name="Actions">The actions, best first.</param>
/// <param name="UncertaintyLevel">U in [0, 1].</param>
/// <param name="JohariQuadrant">The quadrant.</param>
/// <param name="UtlMetrics">Entropy, coherence, learning score.</param>
/// <param name="Pulse">The cognitive pulse.</param>
/// <param name="LatencyMs">Processing time in milliseconds.</param>
/// <param name="TimedOut">A budget ran out; the best result so far is returned.</param>
public sealed record EpistemicActionResponse(
    IReadOnlyList<EpistemicActionOutput> Actions,
    float UncertaintyLevel,
    JohariQuadrant JohariQuadrant,
    UtlMetrics UtlMetrics,
    CognitivePulse Pulse,
    float LatencyMs,
    bool TimedOut);
