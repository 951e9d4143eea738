using Actinf.Epistemic.Planning;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Epistemic;

/// <summary>
/// One expected-free-energy evaluation of one action: the exact linear-Gaussian information gain over the
/// action's dimensions and the combination with its pragmatic value (seed 004 budget 10 ms; target over
/// 100,000 evaluations per second). Operations per second are in the Op/s column.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project src/Actinf.Bench -- --filter '*ExpectedFreeEnergyBenchmarks*'</c>.</remarks>
[MemoryDiagnoser]
[BenchmarkCategory("epistemic")]
[OperationsPerSecond]
public class ExpectedFreeEnergyBenchmarks
{
    private float[] _precision = [];
    private float[] _scratch = [];

    /// <summary>Dimensions the action reveals: 64 (the default per gap) or 1536 (the whole embedding).</summary>
    [Params(64, 1536)]
    public int Dimensions { get; set; } = 64;

    /// <summary>Seeded belief precisions in [1, 11).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(4);
        _precision = [.. Enumerable.Range(0, Dimensions).Select(_ => 1f + (10f * (float)random.NextDouble()))];
        _scratch = new float[Dimensions];
    }

    /// <summary>G = -2·(b·½ Σ ln(1 + p_a/p) + (1-b)·pragmatic) for one action.</summary>
    /// <returns>G.</returns>
    [Benchmark]
    public float SingleActionEfe()
    {
        float gain = ExpectedFreeEnergy.InformationGain(_precision, 1.3f, _scratch);
        return ExpectedFreeEnergy.Combine(gain, 0.25f, 0.5f);
    }
}
