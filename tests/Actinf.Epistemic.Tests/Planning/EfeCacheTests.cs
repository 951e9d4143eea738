using Actinf.Epistemic.Planning;

namespace Actinf.Epistemic.Tests.Planning;

public class EfeCacheTests
{
    private static PolicyEvaluation Evaluation(int plans) => new(
        [.. Enumerable.Range(0, plans).Select(i => new Plan([0, 1, 2, 3, 4], i, 0, 0, 0, 0))],
        new float[8], new float[8], new float[8], plans, plans, 0, false, false);

    [Fact]
    public void Add_BeyondBudget_EvictsLeastRecentlyUsedAndStaysUnderBudget()
    {
        var cache = new EfeCache(8_000);
        for (ulong k = 0; k < 100; k++)
        {
            cache.Add(k, Evaluation(16));
            Assert.True(cache.Bytes <= cache.CapacityBytes);
        }

        Assert.True(cache.Evictions > 0);
        Assert.False(cache.TryGet(0, out _));
        Assert.True(cache.TryGet(99, out _));
    }

    [Fact]
    public void TryGet_RecentlyUsed_SurvivesEviction()
    {
        var cache = new EfeCache(3 * (Evaluation(16).EstimatedBytes + 96));
        cache.Add(1, Evaluation(16));
        cache.Add(2, Evaluation(16));
        cache.Add(3, Evaluation(16));
        Assert.True(cache.TryGet(1, out _));
        cache.Add(4, Evaluation(16));
        Assert.True(cache.TryGet(1, out _));
        Assert.False(cache.TryGet(2, out _));
        Assert.Equal(2.0 / 3.0, cache.HitRate, 6);
    }

    [Fact]
    public void DefaultBudget_IsUnderOneMegabyte() => Assert.True(new Actinf.Epistemic.Configuration.PolicyEvaluatorOptions().CacheBytes <= 1 << 20);
}
