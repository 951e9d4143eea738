using Actinf.Epistemic.Planning;

namespace Actinf.Epistemic.Actions;

/// <summary>What the action generator produced for one request.</summary>
/// <param name="Actions">The actions, best first (at most the requested maximum).</param>
/// <param name="Gaps">The knowledge gaps identified.</param>
/// <param name="Evaluation">The policy evaluation (null when no gap was found).</param>
/// <param name="Candidates">The planning problem's candidates (indices of the evaluation refer to them).</param>
/// <param name="RateLimited">Action types excluded by the rate limiter.</param>
/// <param name="TimedOut">A budget ran out; the best result so far is returned.</param>
public sealed record ActionSelection(
    IReadOnlyList<EpistemicAction> Actions,
    IReadOnlyList<KnowledgeGap> Gaps,
    PolicyEvaluation? Evaluation,
    IReadOnlyList<PolicyCandidate> Candidates,
    int RateLimited,
    bool TimedOut);
