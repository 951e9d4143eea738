using Actinf.Bench.Results;

namespace Actinf.Bench.Tests.Analysis;

/// <summary>
/// Synthetic benchmark results for the comparison, gate and report tests: seeded Gaussian samples around a
/// chosen median, and a fixed five-run history that is also checked in under tests/data/bench-results/.
/// None of these numbers were measured.
/// </summary>
internal static class SyntheticRuns
{
    public const string Commit = "synthetic";

    public static readonly MachineInfo Machine = new(2, "synthetic (tests/Actinf.Bench.Tests/Analysis/SyntheticRuns.cs)", 8L << 30, "Linux (synthetic)", "10.0.0");

    public static readonly DateTimeOffset Start = new(2025, 1, 6, 6, 0, 0, TimeSpan.Zero);

    /// <summary>A result whose samples are median · (1 + noise · N(0, 1)), rounded to 0.1 ns, from a seeded generator.</summary>
    public static BenchmarkResult Result(
        string id,
        double medianNs,
        double noise,
        int seed,
        int count = 20,
        double? allocated = 0,
        IReadOnlyDictionary<string, double>? metrics = null)
    {
        var random = new Random(seed);
        var samples = new double[count];
        for (int i = 0; i < count; i++)
        {
            double value = medianNs * (1.0 + (noise * Gaussian(random)));
            samples[i] = Math.Round(Math.Max(value, 0.01 * medianNs), 1);
        }

        return FromSamples(id, samples, allocated, metrics);
    }

    /// <summary>A result with the given samples and statistics computed from them.</summary>
    public static BenchmarkResult FromSamples(string id, double[] samples, double? allocated = 0, IReadOnlyDictionary<string, double>? metrics = null)
    {
        double[] sorted = [.. samples.Order()];
        double mean = samples.Average();
        double variance = samples.Length > 1 ? samples.Sum(s => (s - mean) * (s - mean)) / (samples.Length - 1) : 0.0;
        return new BenchmarkResult(
            id[..id.IndexOf('/', StringComparison.Ordinal)],
            id,
            samples,
            Round(mean),
            Round(Quantile(sorted, 0.5)),
            Round(Quantile(sorted, 0.95)),
            Round(Quantile(sorted, 0.99)),
            Round(Math.Sqrt(variance)),
            allocated,
            metrics ?? new Dictionary<string, double>());
    }

    public static BenchmarkRun Run(string runId, DateTimeOffset time, params BenchmarkResult[] results) =>
        new(BenchmarkRun.SchemaName, runId, time, Commit, false, Machine, [.. results.Select(r => r.Suite).Distinct().Order(StringComparer.Ordinal)], results);

    /// <summary>A copy of <paramref name="run"/> with every sample and time statistic multiplied by <paramref name="factor"/>.</summary>
    public static BenchmarkRun Scale(BenchmarkRun run, double factor, string? runId = null) => run with
    {
        RunId = runId ?? run.RunId + "-x" + factor.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Benchmarks = [.. run.Benchmarks.Select(b => b with
        {
            Samples = [.. b.Samples.Select(s => s * factor)],
            MeanNs = b.MeanNs * factor,
            MedianNs = b.MedianNs * factor,
            P95Ns = b.P95Ns * factor,
            P99Ns = b.P99Ns * factor,
            StdDevNs = b.StdDevNs * factor,
        })],
    };

    // Benchmark ids of the fixed history.
    public const string Tmaze = "inference/AgentStepBenchmarks.Step(model=tmaze)";
    public const string Grid = "inference/AgentStepBenchmarks.Step(model=grid7x7_plen3)";
    public const string Fpi = "inference/FpiBenchmarks.Infer(states=64)";
    public const string Mmp = "inference/MmpBenchmarks.Infer(horizon=3)";
    public const string TransitionCache = "caching/TransitionCacheBenchmarks.Lookup(size=256)";
    public const string LikelihoodCache = "caching/LikelihoodCacheBenchmarks.Lookup(size=64)";
    public const string Sparse = "selective/SelectiveUpdateBenchmarks.Sparse(levels=3)";
    public const string Hierarchical = "selective/SelectiveUpdateBenchmarks.Hierarchical(levels=4)";

    /// <summary>
    /// Five daily runs. Against the first (the baseline), the last has: <see cref="Grid"/> 32 % slower and
    /// allocating (severe), <see cref="Fpi"/> 12 % slower (moderate), <see cref="TransitionCache"/> 4 % slower
    /// with its hit rate fallen to 15 % and a speedup below 1, <see cref="Sparse"/> 2 % slower inside 15 % noise,
    /// <see cref="Hierarchical"/> 20 % faster, <see cref="Mmp"/> removed and <see cref="LikelihoodCache"/> added.
    /// </summary>
    public static IReadOnlyList<BenchmarkRun> History()
    {
        double[] grid = [1.00, 1.01, 1.04, 1.08, 1.32];
        double[] fpi = [1.00, 1.00, 1.02, 1.03, 1.12];
        double[] cache = [1.00, 1.00, 1.01, 1.00, 1.04];
        double[] sparse = [1.00, 0.99, 1.01, 1.00, 1.02];
        double[] hierarchical = [1.00, 0.98, 0.95, 0.90, 0.80];
        var runs = new List<BenchmarkRun>();
        for (int k = 0; k < 5; k++)
        {
            int seed = 1000 * (k + 1);
            bool latest = k == 4;
            var results = new List<BenchmarkResult>
            {
                Result(Tmaze, 12_000, 0.01, seed + 1),
                Result(Grid, 850_000 * grid[k], 0.02, seed + 2, allocated: latest ? 48 : 0),
                Result(Fpi, 2_500 * fpi[k], 0.02, seed + 3),
            };
            if (!latest)
            {
                results.Add(Result(Mmp, 60_000, 0.02, seed + 4));
            }

            results.Add(Result(TransitionCache, 300 * cache[k], 0.02, seed + 5, metrics: new Dictionary<string, double>
            {
                ["hit_rate"] = latest ? 0.15 : 0.87,
                ["speedup"] = latest ? 0.9 : 4.2,
                ["cache_bytes"] = 65_536,
            }));
            if (latest)
            {
                results.Add(Result(LikelihoodCache, 150, 0.02, seed + 6, metrics: new Dictionary<string, double>
                {
                    ["hit_rate"] = 0.62,
                    ["speedup"] = 2.1,
                    ["cache_bytes"] = 16_384,
                }));
            }

            results.Add(Result(Sparse, 40_000 * sparse[k], 0.15, seed + 7, allocated: null, metrics: new Dictionary<string, double>
            {
                ["ops_skipped"] = 600,
                ["ops_total"] = 1000,
                ["speedup"] = 1.8,
                ["max_deviation"] = 1e-12,
            }));
            results.Add(Result(Hierarchical, 95_000 * hierarchical[k], 0.02, seed + 8, allocated: null, metrics: new Dictionary<string, double>
            {
                ["speedup"] = 5.19 / hierarchical[k],
            }));
            DateTimeOffset time = Start.AddDays(k);
            runs.Add(Run($"{time.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-synthetic{k + 1}", time, [.. results]));
        }

        return runs;
    }

    /// <summary>tests/data/bench-results in the repository.</summary>
    public static string DataDirectory => RepositoryFolders.TestDataPath("bench-results");

    /// <summary>The checked-in file name of a run of <see cref="History"/>.</summary>
    public static string FileName(BenchmarkRun run) => run.RunId + ".json";

    /// <summary>Standard normal deviate (Box-Muller).</summary>
    public static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    private static double Round(double value) => Math.Round(value, 3);
}
