using Actinf.Causal.Directions;
using Actinf.Causal.Inference;

namespace Actinf.Causal.Queries;

/// <summary>What a <see cref="CausalQuestion"/> computed: posteriors, or a directional result (including an explanation); exactly one is set.</summary>
/// <param name="Posterior">The targets' posterior marginals.</param>
/// <param name="Directional">The directional result (an <see cref="AbductionResult"/> for an explanation).</param>
public sealed record CausalQueryAnswer(Posterior? Posterior, DirectionalResult? Directional);
