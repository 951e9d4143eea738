using Actinf.Bench.Analysis;
using Actinf.Bench.Results;

namespace Actinf.Bench.Tests.Analysis;

public class RunValidationTests
{
    [Fact]
    public void Problems_SyntheticRun_None()
    {
        Assert.Empty(RunValidation.Problems(SyntheticRuns.History()[0]));
    }

    [Fact]
    public void Problems_EmptyRun_Reported()
    {
        BenchmarkRun run = SyntheticRuns.History()[0] with { Benchmarks = [] };

        Assert.Equal(["the run has no benchmarks"], RunValidation.Problems(run));
    }

    [Fact]
    public void Problems_EveryDefect_NamesTheBenchmark()
    {
        BenchmarkResult good = SyntheticRuns.Result("caching/C.Lookup", 100, 0.01, 1);
        BenchmarkRun run = SyntheticRuns.Run(
            "r",
            SyntheticRuns.Start,
            good,
            good,
            good with { Id = "caching/NoSamples", Samples = [] },
            good with { Id = "caching/Negative", Samples = [1.0, -2.0] },
            good with { Id = "caching/ZeroMedian", MedianNs = 0 },
            good with { Id = "caching/Alloc", AllocatedBytesPerOp = -1 },
            good with { Id = "caching/Rate", Metrics = new Dictionary<string, double> { ["hit_rate"] = 1.5, ["speedup"] = double.NaN } },
            good with { Id = " " });

        IReadOnlyList<string> problems = RunValidation.Problems(run);

        Assert.Equal(
            [
                "caching/C.Lookup: id listed twice",
                "caching/NoSamples: no samples (the comparison needs the measured times)",
                "caching/Negative: a sample is not a finite positive time",
                "caching/ZeroMedian: median_ns 0 is not a finite positive time",
                "caching/Alloc: allocated_bytes_per_op -1 is negative or not finite",
                "caching/Rate: hit_rate 1.5 is outside 0..1",
                "caching/Rate: metric speedup is not finite",
                "benchmark #7: empty id",
            ],
            problems);
    }
}
