using System.Globalization;
using Actinf.Causal.Inference;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Tests.Oracle;

/// <summary>Which clamp kinds a random query may use.</summary>
[Flags]
internal enum ClampMix
{
    /// <summary>No clamps (prior marginals).</summary>
    None = 0,

    /// <summary>Hard evidence (observations).</summary>
    HardEvidence = 1,

    /// <summary>Hard interventions do(X = x).</summary>
    Interventions = 2,

    /// <summary>Virtual evidence (likelihood vectors, some with zeros, at varied scales).</summary>
    SoftEvidence = 4,

    /// <summary>Soft interventions X ~ q (some q with zeros).</summary>
    SoftInterventions = 8,

    /// <summary>Every kind at once.</summary>
    All = HardEvidence | Interventions | SoftEvidence | SoftInterventions,
}

/// <summary>Seeded random clamps, targets and variable lists over a network, and a readable description of clamps.</summary>
internal static class RandomClamps
{
    /// <summary>The mixes the property tests cycle through, one query each.</summary>
    public static IReadOnlyList<ClampMix> Mixes { get; } =
    [
        ClampMix.None,
        ClampMix.HardEvidence,
        ClampMix.Interventions,
        ClampMix.SoftEvidence,
        ClampMix.SoftInterventions,
        ClampMix.HardEvidence | ClampMix.Interventions,
        ClampMix.SoftEvidence | ClampMix.SoftInterventions,
        ClampMix.All,
    ];

    /// <summary>
    /// Clamps each variable with probability <paramref name="rate"/> using a kind drawn from
    /// <paramref name="mix"/> (at least one clamp unless the mix is <see cref="ClampMix.None"/>).
    /// </summary>
    public static Clamps Create(BayesianNetwork network, Random rng, ClampMix mix, double rate = 0.35)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(rng);
        var clamps = new Clamps();
        ClampMix[] kinds = [.. Enum.GetValues<ClampMix>().Where(k => k is not ClampMix.None and not ClampMix.All && mix.HasFlag(k))];
        if (kinds.Length == 0)
        {
            return clamps;
        }

        int[] order = [.. Enumerable.Range(0, network.Count)];
        rng.Shuffle(order);
        for (int k = 0; k < order.Length; k++)
        {
            if (k > 0 && rng.NextDouble() >= rate)
            {
                continue;
            }

            Variable v = network[order[k]];
            switch (kinds[rng.Next(kinds.Length)])
            {
                case ClampMix.HardEvidence:
                    clamps.Observe(v.Name, v.States[rng.Next(v.Cardinality)]);
                    break;
                case ClampMix.Interventions:
                    clamps.Intervene(v.Name, v.States[rng.Next(v.Cardinality)]);
                    break;
                case ClampMix.SoftEvidence:
                    clamps.Likelihood(v.Name, Likelihood(rng, v.Cardinality));
                    break;
                default:
                    var q = new double[v.Cardinality];
                    RandomNetworks.FillDistribution(rng, q, zeroRate: rng.Next(3) == 0 ? 0.4 : 0);
                    clamps.SoftIntervene(v.Name, q);
                    break;
            }
        }

        return clamps;
    }

    /// <summary>A random non-empty subset of the variables, in random order.</summary>
    public static string[] Subset(BayesianNetwork network, Random rng, int maxCount, Func<Variable, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(rng);
        string[] pool = [.. network.Variables.Where(v => include is null || include(v)).Select(v => v.Name)];
        rng.Shuffle(pool);
        return pool[..Math.Min(pool.Length, rng.Next(1, maxCount + 1))];
    }

    /// <summary>The clamps in one line, for failure messages.</summary>
    public static string Describe(Clamps clamps)
    {
        ArgumentNullException.ThrowIfNull(clamps);
        var parts = new List<string>();
        parts.AddRange(clamps.Observed.Select(p => $"{p.Key}={p.Value}"));
        parts.AddRange(clamps.Interventions.Select(p => $"do({p.Key}={p.Value})"));
        parts.AddRange(clamps.Likelihoods.Select(p => $"lambda({p.Key})={Vector(p.Value)}"));
        parts.AddRange(clamps.SoftInterventions.Select(p => $"do({p.Key}~{Vector(p.Value)})"));
        return parts.Count == 0 ? "(no clamps)" : string.Join("; ", parts);
    }

    // Non-negative, not normalised, at scales from 1e-3 to 50; a third of them with some zeros (never all).
    private static double[] Likelihood(Random rng, int length)
    {
        double scale = rng.Next(3) switch { 0 => 1e-3, 1 => 1, _ => 50 };
        var lambda = new double[length];
        for (int s = 0; s < length; s++)
        {
            lambda[s] = scale * (0.05 + rng.NextDouble());
        }

        if (rng.Next(3) == 0)
        {
            int keep = rng.Next(length);
            for (int s = 0; s < length; s++)
            {
                if (s != keep && rng.Next(2) == 0)
                {
                    lambda[s] = 0;
                }
            }
        }

        return lambda;
    }

    private static string Vector(double[] values) =>
        "[" + string.Join(", ", values.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]";
}
