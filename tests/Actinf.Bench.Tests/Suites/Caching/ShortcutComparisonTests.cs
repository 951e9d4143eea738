using Actinf.Bench.Suites.Caching;
using Actinf.Core.Agents;

namespace Actinf.Bench.Tests.Suites.Caching;

public class ShortcutComparisonTests
{
    [Fact]
    public void Run_SameShortcutsOnBothSides_HasNoDeviationAndEqualCounters()
    {
        ShortcutComparison comparison = ShortcutComparison.Run("tmaze", ComputeShortcuts.All, ComputeShortcuts.All, steps: 40);

        Assert.Equal(0, comparison.MaxDeviation);
        Assert.Equal(comparison.On, comparison.Off);
        Assert.Equal(40, comparison.Steps);
        Assert.Equal(0, comparison.MemoryOverheadBytes);
        Assert.Equal(0, comparison.LikelihoodUpdates);
    }

    [Fact]
    public void Run_LearningWorkload_CountsLikelihoodUpdates()
    {
        ShortcutComparison comparison = ShortcutComparison.Run("learn_AB", ComputeShortcuts.CachesOnly, ComputeShortcuts.None, steps: 20);

        Assert.Equal(20, comparison.LikelihoodUpdates);
        Assert.True(comparison.On.CacheBytes > 0);
        Assert.Equal(0, comparison.Off.CacheBytes);
    }

    [Fact]
    public void Run_NonPositiveSteps_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ShortcutComparison.Run("tmaze", ComputeShortcuts.All, ComputeShortcuts.None, steps: 0));

        Assert.Equal("steps", e.ParamName);
    }
}
