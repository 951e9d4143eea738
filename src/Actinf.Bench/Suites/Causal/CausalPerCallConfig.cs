using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;

namespace Actinf.Bench.Suites.Causal;

/// <summary>
/// The causal suite's job: one call per iteration (invocation count 1, unroll 1), 20 warm-up and 400 measured
/// iterations, no outlier removed, so BenchmarkDotNet's statistics (median, P95, max) are per-call latencies,
/// comparable with the per-call median and p95 of the pgmpy / networkx reference timings
/// (tests/data/causal/pgmpy-baseline.md).
/// </summary>
/// <remarks>
/// <para>A benchmark that cycles through a fixture's queries therefore reports the distribution over calls of
/// every query, as pgmpy's figures do. The job also carries <see cref="CausalBenchData.DirectoryVariable"/>,
/// resolved here in the parent process, because a full run starts each case from a generated project outside
/// the repository; the config raises the build timeout of that project to
/// <see cref="GeneratedProjectBuildTimeout"/>.</para>
/// </remarks>
public class CausalPerCallConfig : ManualConfig
{
    /// <summary>
    /// How long a full run may take to build BenchmarkDotNet's generated project (its default is 2 minutes,
    /// which a loaded 2-core machine exceeded, leaving every case without measurements).
    /// </summary>
    public static readonly TimeSpan GeneratedProjectBuildTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Creates the config: 20 warm-up and 400 measured calls.</summary>
    public CausalPerCallConfig()
        : this("PerCall", 20, 400)
    {
    }

    /// <summary>Creates a per-call config with other counts (for cases of a second or more per call).</summary>
    /// <param name="id">Job id.</param>
    /// <param name="warmup">Warm-up calls.</param>
    /// <param name="iterations">Measured calls.</param>
    protected CausalPerCallConfig(string id, int warmup, int iterations)
    {
        Job job = Job.Default
            .WithStrategy(RunStrategy.Throughput)
            .WithLaunchCount(1)
            .WithWarmupCount(warmup)
            .WithIterationCount(iterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove)
            .WithGcForce(false)
            .WithId(id);
        try
        {
            job = job.WithEnvironmentVariable(CausalBenchData.DirectoryVariable, CausalBenchData.ResolveDirectory());
        }
        catch (DirectoryNotFoundException)
        {
            // Inside a case's own process (or outside the repository): the benchmarks report the error when they load data.
        }

        AddJob(job);
        AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.P100);
        WithBuildTimeout(GeneratedProjectBuildTimeout);
    }
}
