using Actinf.Causal.Networks;

namespace Actinf.Causal.Directions;

/// <summary>
/// One candidate cause of backward inference: a state of a candidate variable with its prior probability
/// (nothing clamped), its posterior probability under the clamps, and the change the clamps made.
/// </summary>
public sealed class CauseCandidate
{
    internal CauseCandidate(Variable variable, int state, double prior, double posterior)
    {
        Variable = variable;
        StateIndex = state;
        Prior = prior;
        Posterior = posterior;
    }

    /// <summary>The candidate variable.</summary>
    public Variable Variable { get; }

    /// <summary>The candidate state's name.</summary>
    public string State => Variable.States[StateIndex];

    /// <summary>The candidate state's index in <see cref="Networks.Variable.States"/>.</summary>
    public int StateIndex { get; }

    /// <summary>P(V = state) with nothing clamped.</summary>
    public double Prior { get; }

    /// <summary>P(V = state | clamps).</summary>
    public double Posterior { get; }

    /// <summary>
    /// Posterior minus prior, in [-1, 1]: positive when the clamps (the evidence) made this state more
    /// probable, negative when they made it less probable.
    /// </summary>
    public double Change => Posterior - Prior;

    /// <inheritdoc />
    public override string ToString() => $"{Variable.Name}={State}";
}
