using Actinf.Epistemic.Numerics;

namespace Actinf.Epistemic.Tests.Numerics;

public class LargestScoresTests
{
    // The definition, by sorting: positive scores by descending score, then ascending index; the first k; in index order.
    private static int[] BySorting(float[] scores, int k) =>
        [.. Enumerable.Range(0, scores.Length).Where(i => scores[i] > 0).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(k).Order()];

    [Theory]
    [InlineData(1, 1536, 64, 0)]
    [InlineData(2, 1536, 64, 8)]
    [InlineData(3, 100, 10, 3)]
    [InlineData(4, 50, 49, 2)]
    [InlineData(5, 7, 3, 1)]
    public void Select_RandomScoresWithTiesZerosAndNegatives_MatchesSorting(int seed, int n, int k, int distinctLevels)
    {
        var random = new Random(seed);
        for (int round = 0; round < 50; round++)
        {
            // distinctLevels > 0: few distinct values, so many ties at the cut; some zeros and negatives throughout.
            float[] scores = [.. Enumerable.Range(0, n).Select(_ =>
            {
                double u = random.NextDouble();
                if (u < 0.1)
                {
                    return 0f;
                }

                if (u < 0.2)
                {
                    return -(float)random.NextDouble();
                }

                return distinctLevels > 0 ? random.Next(1, distinctLevels + 1) : (float)random.NextDouble();
            })];
            var work = new float[n];
            var destination = new int[n];
            int count = LargestScores.Select(scores, k, work, destination);
            Assert.Equal(BySorting(scores, k), destination[..count]);
        }
    }

    [Fact]
    public void Select_FewerPositiveThanK_TakesEveryPositiveInIndexOrder()
    {
        float[] scores = [0f, 3f, -1f, 2f, float.NaN, 5f];
        var destination = new int[6];
        Assert.Equal(3, LargestScores.Select(scores, 5, new float[6], destination));
        Assert.Equal([1, 3, 5], destination[..3]);
        Assert.Equal(0, LargestScores.Select(scores, 0, new float[6], destination));
        Assert.Equal(0, LargestScores.Select([0f, -2f], 3, new float[2], destination));
    }

    [Fact]
    public void Select_ShortScratchOrDestination_ThrowsNamingTheArgument()
    {
        float[] scores = [1f, 2f, 3f];
        Assert.Equal("work", Assert.Throws<ArgumentException>(() => LargestScores.Select(scores, 2, new float[2], new int[2])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => LargestScores.Select(scores, 2, new float[3], new int[1])).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => LargestScores.Select(scores, -1, new float[3], new int[3]));
    }
}
