using Actinf.Causal.Networks;

namespace Actinf.Causal.Inference;

/// <summary>
/// A joint posterior over several variables: a table of shape (|V1|, ..., |Vk|) flattened row-major (the
/// last variable's state changes fastest), summing to 1, plus the evidence probability Z.
/// </summary>
public sealed class JointDistribution
{
    private readonly Variable[] _variables;
    private readonly double[] _probabilities;

    internal JointDistribution(Variable[] variables, double[] probabilities, double evidenceProbability, double logEvidenceProbability)
    {
        _variables = variables;
        _probabilities = probabilities;
        EvidenceProbability = evidenceProbability;
        LogEvidenceProbability = logEvidenceProbability;
    }

    /// <summary>The variables, in table order.</summary>
    public IReadOnlyList<Variable> Variables => _variables;

    /// <summary>The table, row-major, last variable fastest.</summary>
    public IReadOnlyList<double> Probabilities => _probabilities;

    /// <summary>Z, as in <see cref="Posterior.EvidenceProbability"/>.</summary>
    public double EvidenceProbability { get; }

    /// <summary>ln Z.</summary>
    public double LogEvidenceProbability { get; }

    /// <summary>The probability of one configuration, states given in <see cref="Variables"/> order.</summary>
    public double Probability(params string[] states)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (states.Length != _variables.Length)
        {
            throw new ArgumentException($"{states.Length} states given for {_variables.Length} variables.", nameof(states));
        }

        int index = 0;
        for (int k = 0; k < _variables.Length; k++)
        {
            index = (index * _variables[k].Cardinality) + _variables[k].StateIndex(states[k]);
        }

        return _probabilities[index];
    }

    internal ReadOnlySpan<double> Span => _probabilities;
}
