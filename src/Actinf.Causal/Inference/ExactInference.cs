using Actinf.Causal.Networks;

namespace Actinf.Causal.Inference;

/// <summary>
/// Exact inference on a <see cref="BayesianNetwork"/> by variable elimination: every query first prunes
/// the network to what can matter (ancestors of targets and clamps; d-separated parts), applies graph
/// surgery for interventions, then eliminates in a greedy min-fill order. Thread-safe: one instance can
/// serve concurrent queries.
/// </summary>
public sealed partial class ExactInference
{
    /// <summary>Creates the engine for <paramref name="network"/>.</summary>
    public ExactInference(BayesianNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
    }

    /// <summary>The network queried.</summary>
    public BayesianNetwork Network { get; }

    /// <summary>
    /// Posterior marginals of <paramref name="targets"/> under <paramref name="clamps"/>. A hard-clamped
    /// target gets the point mass on its clamped state.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown variable or state, or an invalid clamp.</exception>
    /// <exception cref="ImpossibleEvidenceException">The clamps have probability 0.</exception>
    public Posterior Query(IReadOnlyList<string> targets, Clamps? clamps = null) => throw new NotImplementedException();

    /// <summary>The joint posterior of <paramref name="variables"/> (row-major, last fastest).</summary>
    /// <exception cref="ImpossibleEvidenceException">The clamps have probability 0.</exception>
    public JointDistribution Joint(IReadOnlyList<string> variables, Clamps? clamps = null) => throw new NotImplementedException();

    /// <summary>ln Z of the clamps (negative infinity when they are impossible).</summary>
    public double LogEvidenceProbability(Clamps clamps) => throw new NotImplementedException();

    /// <summary>
    /// MPE: the jointly most probable assignment of every variable that is not hard-clamped, by max-product
    /// elimination with traceback.
    /// </summary>
    public Explanation MostProbableExplanation(Clamps? clamps = null) => throw new NotImplementedException();

    /// <summary>
    /// Marginal MAP over <paramref name="variables"/> (the others summed out): the most probable joint
    /// state of that subset, with the runner-up's posterior probability.
    /// </summary>
    public Explanation MaximumAPosteriori(IReadOnlyList<string> variables, Clamps? clamps = null) => throw new NotImplementedException();
}
