using Actinf.Bench.Analysis;

namespace Actinf.Bench.Tests.Analysis;

public class MannWhitneyTests
{
    // Exact cases, counted by hand: the two-sided p is 2·P(U ≤ min(u, n₁n₂ − u)), and P(U ≤ u) is the number of
    // ways to place the first sample among the pooled order with U ≤ u, over C(n₁ + n₂, n₁).
    // (R's wilcox.test agrees: W = 0, p = 0.1; W = 3, p = 0.7; W = 17, p = 0.1111; W = 0, p = 0.01587.)

    [Fact]
    public void Test_SeparatedThreeAndThree_UIsZeroAndPIsTwoTwentieths()
    {
        MannWhitneyResult result = MannWhitney.Test([1.0, 2.0, 3.0], [4.0, 5.0, 6.0]);

        // Only 1 of the C(6,3) = 20 placements has U = 0.
        Assert.Equal(0.0, result.U);
        Assert.Equal(9.0, result.SecondU);
        Assert.Equal(MannWhitneyMethod.Exact, result.Method);
        Assert.Equal(2.0 / 20.0, result.PValue, 15);
    }

    [Fact]
    public void Test_InterleavedThreeAndThree_UIsThreeAndPIsSevenTenths()
    {
        MannWhitneyResult result = MannWhitney.Test([1.0, 3.0, 5.0], [2.0, 4.0, 6.0]);

        // U = #{x > y} = (3 > 2) + (5 > 2, 5 > 4) = 3. Placements with U ≤ 3: 1 + 1 + 2 + 3 = 7 of 20.
        Assert.Equal(3.0, result.U);
        Assert.Equal(0.7, result.PValue, 15);
    }

    [Fact]
    public void Test_FiveAgainstFour_TextbookCount()
    {
        MannWhitneyResult result = MannWhitney.Test([19.0, 22.0, 16.0, 29.0, 24.0], [20.0, 11.0, 17.0, 12.0]);

        // U = 3 + 4 + 2 + 4 + 4 = 17 of n₁n₂ = 20; min(17, 3) = 3; partitions of 0..3 into at most 4 parts ≤ 5: 1 + 1 + 2 + 3 = 7 of C(9,4) = 126.
        Assert.Equal(17.0, result.U);
        Assert.Equal(2.0 * 7.0 / 126.0, result.PValue, 15);
        Assert.Equal(0.85, result.FirstGreaterProbability, 15);
    }

    [Fact]
    public void Test_SeparatedFourAndFive_PIsTwoOverC94()
    {
        MannWhitneyResult result = MannWhitney.Test([1.1, 2.2, 3.3, 4.4], [5.5, 6.6, 7.7, 8.8, 9.9]);

        Assert.Equal(0.0, result.U);
        Assert.Equal(2.0 / 126.0, result.PValue, 15);
    }

    [Fact]
    public void Test_Ties_UsesNormalApproximationWithTieCorrection()
    {
        MannWhitneyResult result = MannWhitney.Test([1.0, 2.0, 2.0, 3.0], [2.0, 3.0, 4.0, 5.0]);

        // Pooled ranks: 1 → 1; the three 2s → 3; the two 3s → 5.5; 4 → 7; 5 → 8. R₁ = 1 + 3 + 3 + 5.5 = 12.5, U = 12.5 − 10 = 2.5.
        // σ² = (16/12)(9 − (24 + 6)/(8·7)) = 11.2857…; z = (2.5 − 8 + 0.5)/σ = −1.48835; p = erfc(|z|/√2) = 0.136658.
        Assert.Equal(2.5, result.U);
        Assert.Equal(MannWhitneyMethod.NormalApproximation, result.Method);
        Assert.Equal(-1.4883513944689681, result.Z, 12);
        Assert.Equal(0.13665824773814753, result.PValue, 12);
    }

    [Fact]
    public void Test_FiftyAgainstFifty_UsesNormalApproximation()
    {
        double[] first = [.. Enumerable.Range(1, 50).Select(i => (double)i)];
        double[] second = [.. Enumerable.Range(1, 50).Select(j => 24.5 + j)];

        MannWhitneyResult result = MannWhitney.Test(first, second);

        // U = Σ_{i=26}^{50} (i − 25) = 325; σ = √(2500·101/12); z = (325 − 1250 + 0.5)/σ.
        Assert.Equal(325.0, result.U);
        Assert.Equal(MannWhitneyMethod.NormalApproximation, result.Method);
        Assert.Equal(-6.373336474860101, result.Z, 12);
        Assert.True(Math.Abs(result.PValue - 1.849594755819873e-10) <= 1e-9 * 1.849594755819873e-10, $"p = {result.PValue:R}");
    }

    [Fact]
    public void Test_AllValuesTied_PIsOne()
    {
        MannWhitneyResult result = MannWhitney.Test([5.0, 5.0, 5.0], [5.0, 5.0]);

        Assert.Equal(3.0, result.U);
        Assert.Equal(0.0, result.Z);
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void Test_IdenticalSamples_PIsOne()
    {
        double[] sample = [3.0, 1.0, 4.0, 1.5, 5.0, 9.0, 2.6];

        MannWhitneyResult result = MannWhitney.Test(sample, sample);

        Assert.Equal(sample.Length * sample.Length / 2.0, result.U);
        Assert.Equal(1.0, result.PValue, 12);
    }

    [Fact]
    public void Test_SwappedSamples_MirrorUAndKeepP()
    {
        var random = new Random(7);
        double[] a = [.. Enumerable.Range(0, 12).Select(_ => random.NextDouble())];
        double[] b = [.. Enumerable.Range(0, 9).Select(_ => random.NextDouble() + 0.2)];

        MannWhitneyResult ab = MannWhitney.Test(a, b);
        MannWhitneyResult ba = MannWhitney.Test(b, a);

        Assert.Equal(ab.U, ba.SecondU);
        Assert.Equal(ab.PValue, ba.PValue, 14);
        Assert.Equal(ab.Z, -ba.Z, 14);
    }

    [Theory]
    [InlineData(500, 0.0017922138114031473)]
    [InlineData(600, 0.02728809428825018)]
    [InlineData(700, 0.17013010311304386)]
    public void ExactLowerTail_FortyAndForty_MatchesIndependentCount(int u, double expected)
    {
        // Expected from the recursion f(m, n, u) = f(m − 1, n, u − n) + f(m, n − 1, u) (Mann and Whitney 1947),
        // summed over 0..u and divided by C(80, 40), in exact integer arithmetic.
        Assert.Equal(expected, MannWhitney.ExactLowerTail(40, 40, u), 14);
    }

    [Fact]
    public void ExactLowerTail_NearCentre_AgreesWithNormalApproximation()
    {
        // At u = 600 of 1600 the continuity-corrected normal tail is 0.027449 against the exact 0.027288.
        double sigma = Math.Sqrt(40.0 * 40.0 * 81.0 / 12.0);
        double normal = NormalDistribution.Cdf((600 - 800 + 0.5) / sigma);

        Assert.InRange(MannWhitney.ExactLowerTail(40, 40, 600) / normal, 0.98, 1.0);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(10, 7)]
    [InlineData(49, 49)]
    public void ExactLowerTail_AtMaximumU_IsOne(int m, int n)
    {
        Assert.Equal(1.0, MannWhitney.ExactLowerTail(m, n, m * n), 12);
    }

    [Fact]
    public void ExactLowerTail_MirroredU_SumsToOne()
    {
        // P(U ≤ u) + P(U ≤ mn − u − 1) = 1 for the symmetric distribution of U.
        for (int u = 0; u < 30; u++)
        {
            Assert.Equal(1.0, MannWhitney.ExactLowerTail(5, 6, u) + MannWhitney.ExactLowerTail(5, 6, 30 - u - 1), 14);
        }
    }

    [Fact]
    public void Test_EmptyFirst_ThrowsNamingIt()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => MannWhitney.Test([], [1.0]));
        Assert.Equal("first", e.ParamName);
    }

    [Fact]
    public void Test_NaNInSecond_ThrowsNamingIt()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => MannWhitney.Test([1.0], [2.0, double.NaN]));
        Assert.Equal("second", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }
}
