using Actinf.Causal.Inference;

namespace Actinf.Causal.Effects;

/// <summary>Copies of a <see cref="Clamps"/> with one more clamp added, leaving the caller's clamps untouched.</summary>
internal static class ClampsCopy
{
    /// <summary>A new <see cref="Clamps"/> holding every clamp of <paramref name="clamps"/> (none when null).</summary>
    public static Clamps Of(Clamps? clamps)
    {
        var copy = new Clamps();
        if (clamps is null)
        {
            return copy;
        }

        foreach ((string name, string state) in clamps.Observed)
        {
            copy.Observe(name, state);
        }

        foreach ((string name, string state) in clamps.Interventions)
        {
            copy.Intervene(name, state);
        }

        foreach ((string name, double[] lambda) in clamps.Likelihoods)
        {
            copy.Likelihood(name, lambda);
        }

        foreach ((string name, double[] q) in clamps.SoftInterventions)
        {
            copy.SoftIntervene(name, q);
        }

        return copy;
    }

    /// <summary><paramref name="clamps"/> plus do(<paramref name="variable"/> = <paramref name="state"/>).</summary>
    public static Clamps WithIntervention(Clamps? clamps, string variable, string state) => Of(clamps).Intervene(variable, state);

    /// <summary><paramref name="clamps"/> plus the observation <paramref name="variable"/> = <paramref name="state"/>.</summary>
    public static Clamps WithObservation(Clamps? clamps, string variable, string state) => Of(clamps).Observe(variable, state);
}
