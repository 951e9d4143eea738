namespace Actinf.Core.Agents;

/// <summary>
/// Work the engine saves by caching or by skipping computations that cannot change a result. Each can be
/// switched off (to measure its benefit); see <see cref="AgentOptions.Shortcuts"/>.
/// </summary>
/// <remarks>
/// Every shortcut except <see cref="SparseTransitions"/> gives bitwise identical results: it reuses a value
/// computed by the same code from the same inputs. Sparse products sum the same terms in another order,
/// a difference at the 1e-16 relative level.
/// </remarks>
[Flags]
public enum ComputeShortcuts
{
    /// <summary>Compute everything, every time.</summary>
    None = 0,

    /// <summary>Policies that share their first actions share the predicted states and scores of that prefix (a policy prefix tree).</summary>
    SharedPolicyPrefixes = 1,

    /// <summary>Terms that depend only on A and C — each state's joint outcome distribution, its entropy and its expected utility — are computed once per model (again after learning A) instead of for every predicted state.</summary>
    LikelihoodTermsCache = 2,

    /// <summary>Transition matrices with at most a quarter non-zero entries multiply through a compressed-row copy.</summary>
    SparseTransitions = 4,

    /// <summary>FPI state inference is skipped when the observation, the prior and A are identical to the last inference's (the posterior cannot change).</summary>
    SkipUnchangedStateInference = 8,

    /// <summary>A policy-tree node keeps its scores while its predicted state, its predecessor and the parameters are unchanged since it was scored.</summary>
    ReuseUnchangedPolicyScores = 16,

    /// <summary>
    /// The per-model caches and representations (<see cref="SharedPolicyPrefixes"/>, <see cref="LikelihoodTermsCache"/>,
    /// <see cref="SparseTransitions"/>) without the skips: every state inference and every policy score is
    /// computed anew at every step. The like-for-like setting for comparing step times with engines that
    /// recompute everything.
    /// </summary>
    CachesOnly = SharedPolicyPrefixes | LikelihoodTermsCache | SparseTransitions,

    /// <summary>All shortcuts (the default).</summary>
    All = SharedPolicyPrefixes | LikelihoodTermsCache | SparseTransitions | SkipUnchangedStateInference | ReuseUnchangedPolicyScores,
}
