namespace Actinf.Causal.Directions;

/// <summary>
/// The answer of an omnidirectional query. The concrete type follows <see cref="Direction"/>:
/// <see cref="ForwardResult"/>, <see cref="BackwardResult"/>, <see cref="BidirectionalResult"/>,
/// <see cref="BridgeResult"/> or <see cref="AbductionResult"/>.
/// </summary>
public abstract class DirectionalResult
{
    private readonly VariableBelief[] _beliefs;

    private protected DirectionalResult(InferenceDirection direction, int maxDepth, double logEvidenceProbability, VariableBelief[] beliefs)
    {
        Direction = direction;
        MaxDepth = maxDepth;
        LogEvidenceProbability = logEvidenceProbability;
        _beliefs = beliefs;
    }

    /// <summary>The direction that was asked.</summary>
    public InferenceDirection Direction { get; }

    /// <summary>The skeleton-distance bound the query used (<see cref="int.MaxValue"/> = unbounded).</summary>
    public int MaxDepth { get; }

    /// <summary>ln Z, the natural log of the probability of the clamps (see <see cref="Inference.Posterior.LogEvidenceProbability"/>).</summary>
    public double LogEvidenceProbability { get; }

    /// <summary>Z = exp(<see cref="LogEvidenceProbability"/>); 0 when it underflows.</summary>
    public double EvidenceProbability => Math.Exp(LogEvidenceProbability);

    /// <summary>
    /// Every variable the query reports, each once, in report order (empty for <see cref="AbductionResult"/>,
    /// whose answer is a joint assignment).
    /// </summary>
    public IReadOnlyList<VariableBelief> Beliefs => _beliefs;

    /// <summary>The reported belief about <paramref name="variable"/>.</summary>
    /// <exception cref="KeyNotFoundException">The query did not report that variable.</exception>
    public VariableBelief BeliefOf(string variable)
    {
        foreach (VariableBelief b in _beliefs)
        {
            if (string.Equals(b.Name, variable, StringComparison.Ordinal))
            {
                return b;
            }
        }

        throw new KeyNotFoundException($"'{variable}' was not reported by this {Direction} query (reported: {string.Join(", ", (IEnumerable<VariableBelief>)_beliefs)}).");
    }
}
