using Actinf.Causal.Inference;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Directions;

/// <summary>
/// One variable reached by a directional query: its prior marginal (no clamps at all), its posterior under
/// the query's clamps, how far the posterior moved, and where the variable sits relative to the clamps.
/// </summary>
/// <remarks>
/// The prior is the marginal of the unmodified network, so with interventions among the clamps the change
/// measures what evidence and interventions did together. Both distributions are in the variable's state order.
/// </remarks>
public sealed class VariableBelief
{
    internal VariableBelief(Variable variable, int distance, bool isEffect, bool isCause, Distribution prior, Distribution posterior)
    {
        Variable = variable;
        Distance = distance;
        IsEffect = isEffect;
        IsCause = isCause;
        Prior = prior;
        Posterior = posterior;
        double tv = 0;
        for (int s = 0; s < variable.Cardinality; s++)
        {
            tv += Math.Abs(posterior[s] - prior[s]);
        }

        TotalVariation = 0.5 * tv;
        KullbackLeibler = posterior.KullbackLeiblerFrom(prior);
    }

    /// <summary>The variable.</summary>
    public Variable Variable { get; }

    /// <summary>The variable's name.</summary>
    public string Name => Variable.Name;

    /// <summary>
    /// Skeleton distance (edges taken in either direction) to the nearest clamped variable; 0 for a clamped
    /// variable, -1 when no path joins it to the clamps (possible only for an explicitly requested variable).
    /// </summary>
    public int Distance { get; }

    /// <summary>True when the variable is a proper descendant of some clamped variable (a downstream effect).</summary>
    public bool IsEffect { get; }

    /// <summary>True when the variable is a proper ancestor of some clamped variable (an upstream cause).</summary>
    public bool IsCause { get; }

    /// <summary>The marginal with nothing clamped, P(V).</summary>
    public Distribution Prior { get; }

    /// <summary>The marginal under the query's clamps (a hard-clamped variable gets the point mass on its state).</summary>
    public Distribution Posterior { get; }

    /// <summary>
    /// Total variation distance between posterior and prior, (1/2) sum_v |posterior(v) - prior(v)|, in [0, 1];
    /// 0 means the clamps did not move this variable.
    /// </summary>
    public double TotalVariation { get; }

    /// <summary>
    /// KL(posterior || prior) = sum_v posterior(v) ln(posterior(v) / prior(v)) in nats, non-negative; positive
    /// infinity when the posterior puts mass on a state the prior rules out (only an intervention can do that).
    /// </summary>
    public double KullbackLeibler { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
