using Actinf.Bench.Workloads;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.EventProcessors;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Validators;
using Perfolizer.Horology;

namespace Actinf.Bench.Runner;

/// <summary>The BenchmarkDotNet jobs and configuration of <see cref="BenchmarkSuiteRunner"/>.</summary>
internal static class RunConfigs
{
    /// <summary>
    /// Quick: in-process (no build, no child process), 6 warm-up and 10 measured iterations of about 25 ms each,
    /// one launch. A case whose single call takes longer than 25 ms runs one call per iteration.
    /// </summary>
    public static Job Quick { get; } = Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1)
        .WithWarmupCount(6)
        .WithIterationCount(10)
        .WithIterationTime(TimeInterval.FromMilliseconds(25))
        .WithId("quick");

    /// <summary>
    /// Full: BenchmarkDotNet's default job (its own process per case, one launch, automatic warm-up and
    /// iteration counts until the mean is stable) with iterations of 250 ms instead of 500 ms and at most 30 of
    /// them instead of 100, so that a noisy shared machine does not stretch every case to 100 iterations.
    /// </summary>
    public static Job Full { get; } = Job.Default
        .WithIterationTime(TimeInterval.FromMilliseconds(250))
        .WithMaxIterationCount(30)
        .WithId("full");

    /// <summary>
    /// The job with <see cref="BenchModels.ModelsDirectoryVariable"/> set to the models folder this process
    /// resolves, so that a benchmark process started from BenchmarkDotNet's generated project (outside the
    /// repository) loads the same models. Unchanged when the folder cannot be resolved (the benchmarks will
    /// then report the error).
    /// </summary>
    public static Job WithModelsDirectory(Job job)
    {
        try
        {
            return job.WithEnvironmentVariable(BenchModels.ModelsDirectoryVariable, BenchModels.ResolveDirectory());
        }
        catch (DirectoryNotFoundException)
        {
            return job;
        }
    }

    /// <summary>
    /// One job, the memory diagnoser, BenchmarkDotNet's default columns, a single logger (never the console),
    /// no exporters (the runner writes its own JSON), and the optimisation validator unless
    /// <paramref name="allowUnoptimized"/>.
    /// </summary>
    public static IConfig Create(Job job, ILogger logger, EventProcessor? events, string artifactsPath, bool allowUnoptimized)
    {
        ManualConfig config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(logger)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(artifactsPath)
            .WithOptions(ConfigOptions.DisableLogFile);
        if (events is not null)
        {
            config = config.AddEventProcessor(events);
        }

        return allowUnoptimized
            ? config.WithOptions(ConfigOptions.DisableOptimizationsValidator)
            : config.AddValidator(JitOptimizationsValidator.FailOnError);
    }
}
