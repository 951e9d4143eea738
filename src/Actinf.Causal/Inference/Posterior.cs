using Actinf.Causal.Networks;

namespace Actinf.Causal.Inference;

/// <summary>
/// Posterior marginals of the target variables under a query's clamps, and the evidence probability
/// Z = sum_v W(v) (P(e) in the mutilated network when there is no virtual evidence; with virtual evidence
/// it scales with the likelihood vectors, which are used as given).
/// </summary>
public sealed class Posterior
{
    private readonly Distribution[] _marginals;

    internal Posterior(Distribution[] marginals, double evidenceProbability, double logEvidenceProbability)
    {
        _marginals = marginals;
        EvidenceProbability = evidenceProbability;
        LogEvidenceProbability = logEvidenceProbability;
    }

    /// <summary>The marginals in target order.</summary>
    public IReadOnlyList<Distribution> Marginals => _marginals;

    /// <summary>Z, the probability of the evidence (see the class remarks).</summary>
    public double EvidenceProbability { get; }

    /// <summary>ln Z (finite even when Z underflows to 0 in double).</summary>
    public double LogEvidenceProbability { get; }

    /// <summary>The marginal of <paramref name="variable"/>.</summary>
    /// <exception cref="KeyNotFoundException">The variable was not among the targets.</exception>
    public Distribution this[string variable]
    {
        get
        {
            foreach (Distribution d in _marginals)
            {
                if (d.Variable.Name == variable)
                {
                    return d;
                }
            }

            throw new KeyNotFoundException($"'{variable}' was not a target of this query.");
        }
    }
}
