using Actinf.Bench.Analysis;
using BenchmarkDotNet.Jobs;

namespace Actinf.Bench.Runner;

/// <summary>What <see cref="BenchmarkSuiteRunner.Run"/> measures and where it writes.</summary>
public sealed record BenchmarkRunOptions
{
    /// <summary>Suites to run (case-insensitive names); empty means every suite. Default empty.</summary>
    public IReadOnlyList<string> Suites { get; init; } = [];

    /// <summary>
    /// The quick configuration: in-process, 6 warm-up and 10 measured iterations of about 25 ms, on the models
    /// of <see cref="QuickSelection"/>. Otherwise BenchmarkDotNet's default job (a separate process per case,
    /// automatic warm-up, 15 to 30 iterations of 250 ms) on every model. Default false.
    /// </summary>
    public bool Quick { get; init; }

    /// <summary>Folder of the result file and the log. Default <see cref="ResultHistory.DefaultDirectory"/>.</summary>
    public string OutputDirectory { get; init; } = ResultHistory.DefaultDirectory;

    /// <summary>
    /// Measure even when a benchmark assembly was compiled without optimisations (a Debug build). Off by
    /// default: such timings are meaningless. Tests turn it on for their tiny runs.
    /// </summary>
    public bool AllowUnoptimizedBuild { get; init; }

    /// <summary>Replaces the job (tests use a tiny in-process one); null uses <see cref="Quick"/>'s choice.</summary>
    internal Job? Job { get; init; }
}
