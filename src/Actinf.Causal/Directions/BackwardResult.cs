namespace Actinf.Causal.Directions;

/// <summary>
/// Backward inference (diagnosis): given effects (the clamps), the likely causes, every state of every
/// candidate ranked two ways: by posterior probability, and by how much the evidence changed it.
/// </summary>
/// <remarks>
/// The two rankings answer different questions. A rare cause with a high likelihood ratio can top the
/// change ranking (the evidence raised it most) while a common cause still tops the posterior ranking
/// (it stays the most probable). Both lists hold the same candidates.
/// </remarks>
public sealed class BackwardResult : DirectionalResult
{
    internal BackwardResult(int maxDepth, double logEvidenceProbability, VariableBelief[] causes, CauseCandidate[] byPosterior, CauseCandidate[] byChange)
        : base(InferenceDirection.Backward, maxDepth, logEvidenceProbability, causes)
    {
        CandidatesByPosterior = byPosterior;
        CandidatesByChange = byChange;
    }

    /// <summary>
    /// The cause variables reported: by default the unclamped ancestors of the clamped variables within the
    /// max depth, nearest first (ties in declaration order); otherwise the requested targets in the order given.
    /// </summary>
    public IReadOnlyList<VariableBelief> Causes => Beliefs;

    /// <summary>
    /// Every (variable, state) of <see cref="Causes"/>, by posterior probability, highest first (ties: larger
    /// change first, then report order, then state order).
    /// </summary>
    public IReadOnlyList<CauseCandidate> CandidatesByPosterior { get; }

    /// <summary>
    /// Every (variable, state) of <see cref="Causes"/>, by change = posterior - prior, largest increase first
    /// (ties: higher posterior first, then report order, then state order).
    /// </summary>
    public IReadOnlyList<CauseCandidate> CandidatesByChange { get; }
}
