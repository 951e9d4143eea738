namespace Actinf.Causal.Directions;

/// <summary>
/// Forward and backward at once: one exact query reports the effects (descendants) and the causes
/// (ancestors) of the clamped variables, with the causes ranked as in <see cref="BackwardResult"/>.
/// </summary>
/// <remarks>
/// <see cref="DirectionalResult.Beliefs"/> holds every reported variable once. <see cref="Effects"/> and
/// <see cref="Causes"/> are views of it by graph relation (<see cref="VariableBelief.IsEffect"/>,
/// <see cref="VariableBelief.IsCause"/>): a variable downstream of one clamp and upstream of another (A -&gt; M -&gt; B
/// with A and B clamped) appears in both, and an explicitly requested variable related to the clamps only
/// through a common cause appears in neither view.
/// </remarks>
public sealed class BidirectionalResult : DirectionalResult
{
    internal BidirectionalResult(int maxDepth, double logEvidenceProbability, VariableBelief[] beliefs, VariableBelief[] effects, VariableBelief[] causes, CauseCandidate[] byPosterior, CauseCandidate[] byChange)
        : base(InferenceDirection.Bidirectional, maxDepth, logEvidenceProbability, beliefs)
    {
        Effects = effects;
        Causes = causes;
        CandidatesByPosterior = byPosterior;
        CandidatesByChange = byChange;
    }

    /// <summary>Reported variables that are proper descendants of a clamped variable, in report order.</summary>
    public IReadOnlyList<VariableBelief> Effects { get; }

    /// <summary>Reported variables that are proper ancestors of a clamped variable, in report order.</summary>
    public IReadOnlyList<VariableBelief> Causes { get; }

    /// <summary>Every (variable, state) of <see cref="Causes"/> by posterior, as <see cref="BackwardResult.CandidatesByPosterior"/>.</summary>
    public IReadOnlyList<CauseCandidate> CandidatesByPosterior { get; }

    /// <summary>Every (variable, state) of <see cref="Causes"/> by change, as <see cref="BackwardResult.CandidatesByChange"/>.</summary>
    public IReadOnlyList<CauseCandidate> CandidatesByChange { get; }
}
