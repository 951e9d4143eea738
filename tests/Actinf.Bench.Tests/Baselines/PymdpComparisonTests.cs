using Actinf.Bench.Baselines;
using Actinf.Bench.Replay;
using Actinf.Core.Agents;

namespace Actinf.Bench.Tests.Baselines;

public class PymdpComparisonTests
{
    private static StepReplayResult Result(string name, double median) => new()
    {
        Name = name,
        Source = name + ".json",
        Operations = StepOperations.PerceiveAndAct,
        Shortcuts = ComputeShortcuts.All,
        WarmupSteps = 5,
        Steps = 200,
        MedianMicroseconds = median,
        P95Microseconds = median * 2,
        MeanMicroseconds = median,
        MinMicroseconds = median / 2,
        MaxMicroseconds = median * 3,
        AllocatedBytesPerStep = 0,
        TotalSeconds = 1,
    };

    private static PymdpModelTimings Timings(string name, double median) =>
        new(name, null, null, null, null, new Dictionary<string, PymdpTiming> { ["step"] = new(median, median, median, median, 1) });

    [Fact]
    public void Speedup_WithBaseline_IsPymdpMedianOverOurs()
    {
        var comparison = new PymdpComparison(Result("m", 4.0), Timings("m", 100.0));

        Assert.Equal(25.0, comparison.Speedup);
    }

    [Fact]
    public void Speedup_WithoutBaseline_IsNull()
    {
        Assert.Null(new PymdpComparison(Result("m", 4.0), null).Speedup);
    }

    [Fact]
    public void PymdpModelTimings_WithoutStep_ThrowsArgumentException()
    {
        var e = Assert.Throws<ArgumentException>(() => new PymdpModelTimings("m", null, null, null, null, new Dictionary<string, PymdpTiming>()));

        Assert.Equal("timings", e.ParamName);
    }
}
