using Actinf.Bench.Replay;
using Actinf.Bench.Workloads;
using Actinf.Core.Io;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Inference;

/// <summary>
/// Dirichlet learning: one update of the likelihood concentrations pA (update_A) and of the transition
/// concentrations pB (update_B), each followed by the renormalisation of A or B and the refresh of what depends
/// on it (the likelihood-terms cache, compressed transitions, novelty weights).
/// </summary>
/// <remarks>
/// <para>Only learn_AB carries pA and pB among the benchmark models. Each case builds the agent (the file's
/// settings, all shortcuts) and runs the workload's warm-up steps, so that a posterior and an action exist.
/// <see cref="UpdateLikelihood"/> then learns from the next recorded observation (cycling) and the current
/// posterior; <see cref="UpdateTransitions"/> from the last action and the last two posteriors. Counts keep
/// growing over the millions of calls of a run, which does not change the work per call.</para>
/// </remarks>
[MemoryDiagnoser]
[BenchmarkCategory("inference")]
public class LearningBenchmarks
{
    private WorkloadRunner? _runner;
    private ReadOnlyMemory<int>[] _observations = [];
    private int _cursor;

    /// <summary>The models with pA and pB.</summary>
    public static IEnumerable<string> Models => ["learn_AB"];

    /// <summary>The benchmark model.</summary>
    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "learn_AB";

    private WorkloadRunner Runner => _runner ?? throw new InvalidOperationException($"{nameof(Setup)} has not run.");

    /// <summary>Builds the agent and runs the warm-up steps.</summary>
    /// <exception cref="InvalidOperationException">The model has no pA or pB (raised by the first call).</exception>
    [GlobalSetup]
    public void Setup()
    {
        string path = BenchModels.PathOf(Model);
        _runner = new WorkloadRunner(ModelJson.ReadFile(path), path);
        _runner.RunWarmup();
        _observations = [.. _runner.Workload.Observations];
        _cursor = 0;
    }

    /// <summary>update_A: Dirichlet update of pA from the next observation, renormalised A and refreshed caches.</summary>
    [Benchmark]
    public void UpdateLikelihood()
    {
        ReadOnlySpan<int> observation = _observations[_cursor].Span;
        _cursor = _cursor + 1 == _observations.Length ? 0 : _cursor + 1;
        Runner.Agent.UpdateLikelihood(observation);
    }

    /// <summary>update_B: Dirichlet update of pB from the last action and posteriors, renormalised B.</summary>
    [Benchmark]
    public void UpdateTransitions() => Runner.Agent.UpdateTransitions();
}
