using Actinf.Core.Agents;

namespace Actinf.Bench.Suites.Caching;

/// <summary>How far apart two agents' beliefs are: the measure of <see cref="ShortcutComparison.MaxDeviation"/>.</summary>
public static class BeliefDeviation
{
    /// <summary>
    /// Largest absolute difference between two agents of the same model: over every factor's posterior, q(pi)
    /// and G. NaN against a number counts as +∞; NaN against NaN as 0.
    /// </summary>
    /// <param name="a">One agent.</param>
    /// <param name="b">An agent of the same model.</param>
    /// <exception cref="ArgumentException">The agents have different shapes (not the same model).</exception>
    public static double Max(Agent a, Agent b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Model.NumFactors != b.Model.NumFactors || a.NumPolicies != b.NumPolicies)
        {
            throw new ArgumentException($"The agents are of different models ({a.Model.NumFactors} vs {b.Model.NumFactors} factors, {a.NumPolicies} vs {b.NumPolicies} policies).", nameof(b));
        }

        double max = 0;
        for (int f = 0; f < a.Model.NumFactors; f++)
        {
            max = Math.Max(max, Max(a.Posterior(f), b.Posterior(f)));
        }

        max = Math.Max(max, Max(a.PolicyPosterior, b.PolicyPosterior));
        return Math.Max(max, Max(a.NegativeExpectedFreeEnergy, b.NegativeExpectedFreeEnergy));
    }

    /// <summary>Largest |x[i] - y[i]| (NaN against a number: +∞; NaN against NaN: 0).</summary>
    /// <param name="x">First values.</param>
    /// <param name="y">Second values, same length.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double Max(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"Lengths differ: {x.Length} and {y.Length}.", nameof(y));
        }

        double max = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = double.IsNaN(x[i]) || double.IsNaN(y[i])
                ? (double.IsNaN(x[i]) && double.IsNaN(y[i]) ? 0 : double.PositiveInfinity)
                : x[i] == y[i] ? 0 : Math.Abs(x[i] - y[i]);
            max = Math.Max(max, d);
        }

        return max;
    }
}
