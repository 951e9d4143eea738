namespace Actinf.Epistemic.Contracts;

/// <summary>Engine-wide counters (seed 004 ActiveInferenceMetrics).</summary>
/// <param name="Sessions">Live sessions.</param>
/// <param name="BeliefUpdates">Belief updates performed.</param>
/// <param name="AverageBeliefLatencyUs">Exponential average (rate 0.1) of the belief-update latency, µs.</param>
/// <param name="EfeEvaluations">Policy evaluations (cache hits included).</param>
/// <param name="AverageEfeLatencyUs">Exponential average of the policy-evaluation latency, µs.</param>
/// <param name="EfeCacheHits">EFE cache hits.</param>
/// <param name="EfeCacheMisses">EFE cache misses.</param>
/// <param name="EfeCacheBytes">Estimated bytes in the EFE cache.</param>
/// <param name="ActionsGenerated">Actions returned to clients.</param>
/// <param name="ActionsRated">Ratings received.</param>
/// <param name="ActionsHelpful">Helpful ratings.</param>
/// <param name="HelpfulRate">ActionsHelpful / ActionsRated (seed 004 target: over 0.7).</param>
/// <param name="TotalUncertaintyReduction">Σ of layer-0 entropy reductions (nats).</param>
/// <param name="Timeouts">Operations that overran a budget and returned a marked partial result.</param>
public sealed record EngineMetrics(
    int Sessions,
    long BeliefUpdates,
    double AverageBeliefLatencyUs,
    long EfeEvaluations,
    double AverageEfeLatencyUs,
    long EfeCacheHits,
    long EfeCacheMisses,
    long EfeCacheBytes,
    long ActionsGenerated,
    long ActionsRated,
    long ActionsHelpful,
    double HelpfulRate,
    double TotalUncertaintyReduction,
    long Timeouts);
