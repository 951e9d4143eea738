using System.Globalization;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Tests.Oracle;

/// <summary>Shape of the random networks made by <see cref="RandomNetworks"/>.</summary>
internal sealed record RandomNetworkOptions
{
    /// <summary>The plain setting: 3..9 variables, 2..4 states, up to 3 parents, dense rows.</summary>
    public static RandomNetworkOptions Default { get; } = new();

    /// <summary>Fewest variables.</summary>
    public int MinVariables { get; init; } = 3;

    /// <summary>Most variables.</summary>
    public int MaxVariables { get; init; } = 9;

    /// <summary>Fewest states per variable.</summary>
    public int MinStates { get; init; } = 2;

    /// <summary>Most states per variable.</summary>
    public int MaxStates { get; init; } = 4;

    /// <summary>Most parents per variable.</summary>
    public int MaxParents { get; init; } = 3;

    /// <summary>Probability that a CPT entry is exactly 0 (every row keeps at least one positive entry).</summary>
    public double StructuralZeroRate { get; init; }

    /// <summary>Probability that a CPT row is near-deterministic (one entry 1 - (k-1) eps, eps 1e-3 or 1e-6).</summary>
    public double NearDeterministicRate { get; init; }

    /// <summary>Largest joint table (product of the cardinalities); states are cut until it fits.</summary>
    public int MaxJointSize { get; init; } = 200_000;
}

/// <summary>
/// Seeded random discrete Bayesian networks for property tests against <see cref="Enumeration"/>.
/// Variables are named <c>X0..Xn-1</c> in declaration order, but the DAG follows a random topological order
/// (so declaration order is not topological) and each variable lists its parents in random order (so CPT
/// layouts are not sorted by index). States of Xi are <c>xi_0..</c>.
/// </summary>
internal static class RandomNetworks
{
    /// <summary>The network of <paramref name="seed"/> under <paramref name="options"/>.</summary>
    public static BayesianNetwork Create(int seed, RandomNetworkOptions? options = null)
    {
        options ??= RandomNetworkOptions.Default;
        var rng = new Random(seed);
        int n = rng.Next(options.MinVariables, options.MaxVariables + 1);
        var cardinalities = new int[n];
        for (int i = 0; i < n; i++)
        {
            cardinalities[i] = rng.Next(options.MinStates, options.MaxStates + 1);
        }

        while (cardinalities.Aggregate(1L, (a, c) => a * c) > options.MaxJointSize)
        {
            int i = rng.Next(n);
            cardinalities[i] = Math.Max(options.MinStates, cardinalities[i] - 1);
        }

        string[] names = [.. Enumerable.Range(0, n).Select(i => "X" + i.ToString(CultureInfo.InvariantCulture))];
        var builder = new NetworkBuilder("random-" + seed.ToString(CultureInfo.InvariantCulture));
        for (int i = 0; i < n; i++)
        {
            string[] states = [.. Enumerable.Range(0, cardinalities[i]).Select(s => string.Create(CultureInfo.InvariantCulture, $"x{i}_{s}"))];
            builder.AddVariable(names[i], states);
        }

        int[] order = [.. Enumerable.Range(0, n)];
        rng.Shuffle(order);
        for (int position = 0; position < n; position++)
        {
            int child = order[position];
            int parentCount = rng.Next(0, Math.Min(position, options.MaxParents) + 1);
            int[] earlier = order[..position];
            rng.Shuffle(earlier);
            int[] parents = earlier[..parentCount];
            int rows = parents.Aggregate(1, (a, p) => a * cardinalities[p]);
            var table = new double[rows * cardinalities[child]];
            for (int r = 0; r < rows; r++)
            {
                FillRow(rng, table.AsSpan(r * cardinalities[child], cardinalities[child]), options);
            }

            builder.SetTable(names[child], [.. parents.Select(p => names[p])], table);
        }

        return builder.Build();
    }

    /// <summary>
    /// A Dirichlet-like random distribution: Exp(1) draws raised to a random power (1, 2 or 4: from flat to
    /// peaked), floored at 1e-6 so products of a few entries stay far from underflow, then normalised.
    /// With <paramref name="zeroRate"/> &gt; 0 some entries are exactly 0 (never all of them).
    /// </summary>
    public static void FillDistribution(Random rng, Span<double> row, double zeroRate = 0)
    {
        ArgumentNullException.ThrowIfNull(rng);
        int power = 1 << rng.Next(3);
        double sum = 0;
        for (int s = 0; s < row.Length; s++)
        {
            row[s] = Math.Max(1e-6, Math.Pow(-Math.Log(1 - rng.NextDouble()), power));
        }

        if (zeroRate > 0)
        {
            int keep = rng.Next(row.Length);
            for (int s = 0; s < row.Length; s++)
            {
                if (s != keep && rng.NextDouble() < zeroRate)
                {
                    row[s] = 0;
                }
            }
        }

        foreach (double x in row)
        {
            sum += x;
        }

        for (int s = 0; s < row.Length; s++)
        {
            row[s] /= sum;
        }
    }

    private static void FillRow(Random rng, Span<double> row, RandomNetworkOptions options)
    {
        if (rng.NextDouble() < options.NearDeterministicRate)
        {
            double eps = rng.Next(2) == 0 ? 1e-3 : 1e-6;
            row.Fill(eps);
            row[rng.Next(row.Length)] = 1 - ((row.Length - 1) * eps);
            if (options.StructuralZeroRate > 0)
            {
                // A deterministic-with-zeros row: the small entries may vanish too.
                for (int s = 0; s < row.Length; s++)
                {
                    if (row[s] == eps && rng.NextDouble() < options.StructuralZeroRate)
                    {
                        row[s] = 0;
                    }
                }

                double sum = 0;
                foreach (double x in row)
                {
                    sum += x;
                }

                for (int s = 0; s < row.Length; s++)
                {
                    row[s] /= sum;
                }
            }

            return;
        }

        FillDistribution(rng, row, options.StructuralZeroRate);
    }
}
