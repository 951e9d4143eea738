namespace Actinf.Bench.Analysis;

/// <summary>
/// The two-sided Mann-Whitney U test (Wilcoxon rank-sum test): do two independent samples come from one
/// distribution, or does one tend to be larger? It compares ranks, not values, so a few outliers in timing
/// samples cannot fake or hide a shift.
/// </summary>
/// <remarks>
/// <para>
/// U of the first sample is R₁ − n₁(n₁ + 1)/2, where R₁ is the sum of its ranks in the pooled sample
/// (tied values share the mean of their ranks). Under the null hypothesis E[U] = n₁n₂/2 and
/// Var[U] = n₁n₂/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1))), with N = n₁ + n₂ and t the size of each group of tied values.
/// </para>
/// <para>
/// The p-value is exact, from the permutation distribution of U, when both samples have fewer than
/// <see cref="ExactLimit"/> values and no value is tied: p = min(1, 2 · P(U ≤ min(u, n₁n₂ − u))). Otherwise it
/// uses the normal approximation with the tie-corrected variance and a continuity correction of ½ toward the
/// mean (never past it): z = sign(d) · max(|d| − ½, 0)/σ with d = u − n₁n₂/2, and p = 2Φ(−|z|).
/// These are the rules of R's <c>wilcox.test</c> with its defaults (exact below 50, <c>correct = TRUE</c>).
/// When every value is tied, σ = 0 and the test reports z = 0, p = 1.
/// </para>
/// </remarks>
public static class MannWhitney
{
    /// <summary>Both samples must be smaller than this, and free of ties, for the exact p-value.</summary>
    public const int ExactLimit = 50;

    /// <summary>Tests whether <paramref name="first"/> and <paramref name="second"/> come from one distribution (two-sided).</summary>
    /// <param name="first">The first sample (e.g. the baseline's times); order does not matter.</param>
    /// <param name="second">The second sample (e.g. the new times).</param>
    /// <returns>U of the first sample, z, the two-sided p-value and the method used.</returns>
    /// <exception cref="ArgumentException">A sample is empty or contains NaN.</exception>
    public static MannWhitneyResult Test(ReadOnlySpan<double> first, ReadOnlySpan<double> second)
    {
        Require(first, nameof(first));
        Require(second, nameof(second));

        int n1 = first.Length;
        int n2 = second.Length;
        int total = n1 + n2;

        // Pool the samples, remembering which value came from the first, and sort by value.
        var pooled = new (double Value, bool First)[total];
        for (int i = 0; i < n1; i++)
        {
            pooled[i] = (first[i], true);
        }

        for (int j = 0; j < n2; j++)
        {
            pooled[n1 + j] = (second[j], false);
        }

        Array.Sort(pooled, static (a, b) => a.Value.CompareTo(b.Value));

        // Mid-ranks: a run of t tied values at 1-based positions i+1..i+t all get rank i + (t + 1)/2.
        double firstRankSum = 0.0;
        double tieTerm = 0.0;
        for (int i = 0; i < total;)
        {
            int end = i + 1;
            while (end < total && pooled[end].Value == pooled[i].Value)
            {
                end++;
            }

            int t = end - i;
            double rank = i + ((t + 1) / 2.0);
            for (int k = i; k < end; k++)
            {
                if (pooled[k].First)
                {
                    firstRankSum += rank;
                }
            }

            tieTerm += ((double)t * t * t) - t;
            i = end;
        }

        double product = (double)n1 * n2;
        double u = firstRankSum - (n1 * (n1 + 1.0) / 2.0);
        double variance = product / 12.0 * ((total + 1.0) - (tieTerm / ((double)total * (total - 1.0))));
        double sigma = Math.Sqrt(Math.Max(variance, 0.0));
        double d = u - (product / 2.0);
        double z = sigma > 0.0 ? Math.Sign(d) * Math.Max(Math.Abs(d) - 0.5, 0.0) / sigma : 0.0;

        bool exact = tieTerm == 0.0 && n1 < ExactLimit && n2 < ExactLimit;
        double p = exact
            ? Math.Min(1.0, 2.0 * ExactLowerTail(n1, n2, (int)Math.Min(u, product - u)))
            : sigma > 0.0 ? NormalDistribution.Erfc(Math.Abs(z) / Math.Sqrt(2.0)) : 1.0;
        return new MannWhitneyResult(u, z, Math.Clamp(p, 0.0, 1.0), exact ? MannWhitneyMethod.Exact : MannWhitneyMethod.NormalApproximation, n1, n2);
    }

    /// <summary>
    /// P(U ≤ <paramref name="u"/>) under the null hypothesis for samples of sizes <paramref name="m"/> and
    /// <paramref name="n"/> without ties: the share of the C(m + n, m) ways to place the first sample's values
    /// among the pooled order whose U is at most <paramref name="u"/>.
    /// </summary>
    internal static double ExactLowerTail(int m, int n, int u)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(u);

        // ways[k][s]: placements of k first-sample values among the first i pooled positions with U = s.
        // The k-th first-sample value at 1-based position i lies above i − k second-sample values, so it adds i − k to U.
        // Sums above u are dropped: U only grows.
        var ways = new double[m + 1][];
        for (int k = 0; k <= m; k++)
        {
            ways[k] = new double[u + 1];
        }

        ways[0][0] = 1.0;
        for (int i = 1; i <= m + n; i++)
        {
            for (int k = Math.Min(i, m); k >= 1; k--)
            {
                int add = i - k;
                if (add > n || add > u)
                {
                    continue;
                }

                double[] into = ways[k];
                double[] from = ways[k - 1];
                for (int s = u - add; s >= 0; s--)
                {
                    into[s + add] += from[s];
                }
            }
        }

        double favourable = 0.0;
        foreach (double count in ways[m])
        {
            favourable += count;
        }

        return favourable / Binomial(m + n, m);
    }

    private static double Binomial(int n, int k)
    {
        double result = 1.0;
        for (int i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }

    private static void Require(ReadOnlySpan<double> sample, string paramName)
    {
        if (sample.IsEmpty)
        {
            throw new ArgumentException("The sample is empty; the Mann-Whitney test needs at least one value in each sample.", paramName);
        }

        for (int i = 0; i < sample.Length; i++)
        {
            if (double.IsNaN(sample[i]))
            {
                throw new ArgumentException($"The sample has NaN at index {i}; remove failed measurements before testing.", paramName);
            }
        }
    }
}
