namespace Actinf.Core.Kernels;

/// <summary>Special functions needed by Dirichlet evidence (log-gamma).</summary>
public static class SpecialFunctions
{
    private const double HalfLogTwoPi = 0.91893853320467274178032973640562;
    private const double EulerGamma = 0.57721566490153286060651209008240;

    // ζ(k) - 1 for k = 2..SeriesTerms+1: exact closed forms for even k ≤ 8, known constants for odd
    // k ≤ 9, and direct sums (which converge fast) beyond.
    private const int SeriesTerms = 40;
    private static readonly double[] ZetaMinusOne = BuildZetaMinusOne();

    /// <summary>
    /// ln Γ(x) for x &gt; 0, accurate to a few ulps absolute near its roots (x = 1, 2) and relative elsewhere.
    /// </summary>
    /// <remarks>
    /// On [1.5, 2.5] it sums ln Γ(2 + z) = (1 - γ)z + Σ_{k≥2} (-1)^k (ζ(k) - 1) z^k / k (|z| ≤ 1/2, so the
    /// terms fall by at least 4 per order); [0.5, 1.5) uses ln Γ(1 + z) = ln Γ(2 + z) - ln(1 + z); smaller x
    /// move up, and x in (2.5, 15) moves down, by the recurrence Γ(x + 1) = x Γ(x); from 15 on, Stirling's
    /// series with seven correction terms (truncation below 1e-19).
    /// x = 0 gives +∞; x &lt; 0 and NaN give NaN (Dirichlet concentrations are positive).
    /// </remarks>
    public static double LogGamma(double x)
    {
        if (double.IsNaN(x) || x < 0)
        {
            return double.NaN;
        }

        if (x == 0)
        {
            return double.PositiveInfinity;
        }

        if (double.IsPositiveInfinity(x))
        {
            return x;
        }

        if (x < 0.5)
        {
            // ln Γ(x) = ln Γ(x + 1) - ln x, with x + 1 in [1, 1.5).
            return LogGammaTwoPlus(x) - Log1P(x) - Math.Log(x);
        }

        if (x < 1.5)
        {
            return LogGammaTwoPlus(x - 1) - Log1P(x - 1);
        }

        if (x <= 2.5)
        {
            return LogGammaTwoPlus(x - 2);
        }

        if (x < 15)
        {
            double product = 1;
            while (x > 2.5)
            {
                x -= 1;
                product *= x;
            }

            return LogGammaTwoPlus(x - 2) + Math.Log(product);
        }

        double inv = 1.0 / x;
        double inv2 = inv * inv;
        // Stirling series: 1/(12x) - 1/(360x^3) + 1/(1260x^5) - 1/(1680x^7) + 1/(1188x^9) - 691/(360360x^11) + 1/(156x^13)
        double series = 1.0 / 156;
        series = (series * inv2) - (691.0 / 360360);
        series = (series * inv2) + (1.0 / 1188);
        series = (series * inv2) - (1.0 / 1680);
        series = (series * inv2) + (1.0 / 1260);
        series = (series * inv2) - (1.0 / 360);
        series = ((series * inv2) + (1.0 / 12)) * inv;
        return ((x - 0.5) * Math.Log(x)) - x + HalfLogTwoPi + series;
    }

    /// <summary>ln Γ(2 + z) for |z| ≤ 1 (used with |z| ≤ 1/2): (1 - γ)z + Σ_{k≥2} (-1)^k (ζ(k) - 1) z^k / k.</summary>
    private static double LogGammaTwoPlus(double z)
    {
        double sum = 0;
        double power = -z; // (-z)^k = (-1)^k z^k from k = 1
        for (int k = 2; k <= SeriesTerms + 1; k++)
        {
            power *= -z;
            sum += ZetaMinusOne[k - 2] * power / k;
        }

        return ((1 - EulerGamma) * z) + sum;
    }

    /// <summary>ln(1 + z) without cancellation for small z (Goldberg's correction).</summary>
    private static double Log1P(double z)
    {
        double u = 1 + z;
        return u == 1 ? z : Math.Log(u) * z / (u - 1);
    }

    private static double[] BuildZetaMinusOne()
    {
        var values = new double[SeriesTerms];
        double pi2 = Math.PI * Math.PI;
        values[0] = (pi2 / 6) - 1;                              // ζ(2)
        values[1] = 0.20205690315959428540;                     // ζ(3) - 1 (Apéry's constant)
        values[2] = (pi2 * pi2 / 90) - 1;                       // ζ(4)
        values[3] = 0.036927755143369926331;                    // ζ(5) - 1
        values[4] = (pi2 * pi2 * pi2 / 945) - 1;                // ζ(6)
        values[5] = 0.0083492773819228268398;                   // ζ(7) - 1
        values[6] = (pi2 * pi2 * pi2 * pi2 / 9450) - 1;         // ζ(8)
        values[7] = 0.0020083928260822144179;                   // ζ(9) - 1
        for (int k = 10; k <= SeriesTerms + 1; k++)
        {
            // Σ_{n≥2} n^-k: terms below 60^-10 ≈ 2e-18 of a value ≥ 2^-k; the tail is bounded by ∫.
            double sum = 0;
            for (int n = 60; n >= 2; n--)
            {
                sum += Math.Pow(n, -k);
            }

            sum += Math.Pow(60.5, 1 - k) / (k - 1);
            values[k - 2] = sum;
        }

        return values;
    }
}
