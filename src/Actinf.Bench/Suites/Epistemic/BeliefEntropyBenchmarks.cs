using Actinf.Epistemic.Beliefs;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Epistemic;

/// <summary>
/// The entropy of a 1536-d diagonal Gaussian belief, computed for every session snapshot (so for every MCP reply):
/// <see cref="DiagonalGaussianBelief.EntropyOf"/> (vectorised logarithms in double) against the scalar
/// <c>Math.Log</c> loop it replaced.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project src/Actinf.Bench -- --filter '*BeliefEntropyBenchmarks*'</c>.</remarks>
[MemoryDiagnoser]
[BenchmarkCategory("epistemic")]
public class BeliefEntropyBenchmarks
{
    private float[] _precision = [];

    /// <summary>Seeded precisions from the floor 1e-6 to 1e6, log-uniform.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(9);
        _precision = new float[1536];
        for (int i = 0; i < _precision.Length; i++)
        {
            _precision[i] = (float)Math.Pow(10, -6 + (12 * random.NextDouble()));
        }
    }

    /// <summary>½ Σ ln(2πe / p_i) with one <c>Math.Log</c> per dimension (the former code).</summary>
    /// <returns>The entropy in nats.</returns>
    [Benchmark(Baseline = true)]
    public double ScalarLoop()
    {
        double log2PiE = Math.Log(2 * Math.PI * Math.E);
        double sum = 0;
        foreach (float p in _precision)
        {
            sum += log2PiE - Math.Log(p);
        }

        return 0.5 * sum;
    }

    /// <summary><see cref="DiagonalGaussianBelief.EntropyOf"/>.</summary>
    /// <returns>The entropy in nats.</returns>
    [Benchmark]
    public double Vectorised() => DiagonalGaussianBelief.EntropyOf(_precision);
}
