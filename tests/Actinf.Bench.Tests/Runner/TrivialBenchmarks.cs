using Actinf.Bench.Runner;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Actinf.Bench.Tests.Runner;

/// <summary>A tiny suite for runner tests: two sums over a small array, the slower one the baseline.</summary>
[BenchmarkCategory(Suite)]
[SpeedupOverBaseline]
public class TrivialBenchmarks : ISuiteMetrics
{
    public const string Suite = "trivial";

    private double[] _values = [];

    [Params(16)]
    public int Size { get; set; }

    /// <summary>A tiny in-process job: a run of this class takes about a second.</summary>
    public static Job TinyJob { get; } = Job.Default
        .WithToolchain(InProcessEmitToolchain.DontLogOutput)
        .WithLaunchCount(1)
        .WithWarmupCount(1)
        .WithIterationCount(5)
        .WithIterationTime(TimeInterval.FromMilliseconds(5))
        .WithId("tiny");

    [GlobalSetup]
    public void Setup() => _values = [.. Enumerable.Range(1, Size).Select(i => (double)i)];

    [Benchmark(Baseline = true)]
    public double Twice()
    {
        double sum = 0;
        for (int r = 0; r < 2; r++)
        {
            foreach (double v in _values)
            {
                sum += v;
            }
        }

        return sum;
    }

    [Benchmark]
    public double Once()
    {
        double sum = 0;
        foreach (double v in _values)
        {
            sum += v;
        }

        return sum;
    }

    public IReadOnlyDictionary<string, double> ComputeMetrics(string benchmark) => new Dictionary<string, double>
    {
        ["size"] = Size,
        ["is_once"] = benchmark == nameof(Once) ? 1 : 0,
        ["not_finite"] = double.NaN,
    };
}

/// <summary>A second suite with a tag after its suite name, and several parameters (never run).</summary>
[BenchmarkCategory("trivial-other", "tag")]
public class OtherTrivialBenchmarks
{
    [Params(2, 1)]
    public int Zeta { get; set; }

    [Params(true)]
    public bool Alpha { get; set; }

    [Params(DayOfWeek.Monday)]
    public DayOfWeek Day { get; set; }

    [Benchmark]
    public int Work() => Zeta + (Alpha ? 1 : 0);
}

/// <summary>Not a suite: no category.</summary>
public class UncategorizedBenchmarks
{
    private readonly int _one = 1;

    [Benchmark]
    public int Work() => _one;
}

/// <summary>Not a suite: abstract, although categorized.</summary>
[BenchmarkCategory("abstract-suite")]
public abstract class AbstractTrivialBenchmarks
{
    private readonly int _one = 1;

    [Benchmark]
    public int Work() => _one;
}

/// <summary>A suite whose class sets its own job (out-of-process by default): the runner keeps it, in-process for quick runs.</summary>
[BenchmarkCategory("trivial-own-job")]
[SimpleJob(BenchmarkDotNet.Engines.RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1, id: "own")]
public class OwnJobBenchmarks
{
    private readonly int[] _values = [1, 2, 3];

    [Benchmark]
    public int Sum() => _values.Sum();
}
