namespace Actinf.Bench.Tests.Runner;

/// <summary>Tests that run BenchmarkDotNet in-process: one at a time (its measurements and process settings are process-wide).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BenchmarkDotNetTests
{
    public const string Name = "BenchmarkDotNet";
}
