using Actinf.Causal.Networks;

namespace Actinf.Causal.Inference;

/// <summary>A probability distribution over one variable's states, in the variable's state order.</summary>
public sealed class Distribution
{
    private readonly double[] _probabilities;

    internal Distribution(Variable variable, double[] probabilities)
    {
        Variable = variable;
        _probabilities = probabilities;
    }

    /// <summary>The variable.</summary>
    public Variable Variable { get; }

    /// <summary>Probabilities in <see cref="Networks.Variable.States"/> order; they sum to 1.</summary>
    public IReadOnlyList<double> Probabilities => _probabilities;

    /// <summary>The probability of <paramref name="state"/>.</summary>
    public double this[string state] => _probabilities[Variable.StateIndex(state)];

    /// <summary>The probability of the state at <paramref name="index"/>.</summary>
    public double this[int index] => _probabilities[index];

    /// <summary>The most probable state (the first one on ties).</summary>
    public string MostProbableState
    {
        get
        {
            int best = 0;
            for (int i = 1; i < _probabilities.Length; i++)
            {
                if (_probabilities[i] > _probabilities[best])
                {
                    best = i;
                }
            }

            return Variable.States[best];
        }
    }

    /// <summary>Shannon entropy in nats (0 log 0 = 0).</summary>
    public double Entropy => InformationMeasures.Entropy(_probabilities);

    /// <summary>KL(this || <paramref name="reference"/>) in nats; infinite when this puts mass where the reference has none.</summary>
    public double KullbackLeiblerFrom(Distribution reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return InformationMeasures.KullbackLeibler(_probabilities, reference._probabilities);
    }

    internal ReadOnlySpan<double> Span => _probabilities;
}
