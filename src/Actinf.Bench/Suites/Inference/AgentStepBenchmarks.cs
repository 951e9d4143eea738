using Actinf.Bench.Replay;
using Actinf.Bench.Workloads;
using Actinf.Core.Agents;
using Actinf.Core.Io;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Inference;

/// <summary>
/// One agent step on every benchmark model (<c>tests/data/bench-models</c>): the full step of the model's
/// <c>bench</c> workload as the baseline, and state inference and policy inference alone.
/// </summary>
/// <remarks>
/// <para>Each case builds a fresh agent from the model file and runs the workload's warm-up steps in
/// <see cref="Setup"/>. The agent's stochastic choices are seeded by the model's settings, and the
/// observations replay the recording cyclically (step i feeds <c>observations[i % count]</c>), so every run
/// does the same work. pymdp's figures for the same workload are in <c>tests/data/pymdp-baseline.json</c>;
/// <c>actinf bench step</c> puts the two side by side.</para>
/// <para><see cref="InferStates"/> repeats state inference on the next observations without acting, and
/// <see cref="InferPolicies"/> re-plans from the posterior the warm-up left. With all shortcuts on, a lone
/// <see cref="InferPolicies"/> finds nothing changed and reuses every score, so it times the cache hit; with
/// <see cref="ComputeShortcuts.None"/> both time the whole computation, comparable with pymdp's
/// <c>infer_states</c> and <c>infer_policies</c>.</para>
/// <para>The median column is there to set next to pymdp's medians; BenchmarkDotNet's statistics are over
/// iteration means (many calls each), so its percentiles are not per-call percentiles like pymdp's p95
/// (<see cref="Replay.StepReplay"/> times single steps for that).</para>
/// <para>Run: <c>dotnet run -c Release --project src/Actinf.Bench -- --filter '*AgentStep*'</c>.</para>
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[BenchmarkCategory("inference")]
public class AgentStepBenchmarks
{
    private WorkloadRunner? _runner;

    /// <summary>The benchmark model's name (file name without <c>.json</c>).</summary>
    [ParamsSource(nameof(ModelNames))]
    public string Model { get; set; } = "";

    /// <summary>
    /// The engine's shortcuts: <see cref="ComputeShortcuts.All"/> (the default an agent runs with) or
    /// <see cref="ComputeShortcuts.CachesOnly"/> (every step computed in full) or
    /// <see cref="ComputeShortcuts.None"/> (the plain arithmetic, no caches).
    /// </summary>
    [Params(ComputeShortcuts.All, ComputeShortcuts.CachesOnly, ComputeShortcuts.None)]
    public ComputeShortcuts Shortcuts { get; set; } = ComputeShortcuts.All;

    /// <summary>Every model in the benchmark folder, in natural order (see <see cref="BenchModels.Names"/>).</summary>
    public static IEnumerable<string> ModelNames => BenchModels.Names();

    private WorkloadRunner Runner => _runner ?? throw new InvalidOperationException($"{nameof(Setup)} has not run.");

    /// <summary>Loads the model, builds the agent and runs the workload's warm-up steps.</summary>
    /// <exception cref="InvalidDataException">The model file has no <c>bench</c> object.</exception>
    [GlobalSetup]
    public void Setup()
    {
        string path = BenchModels.PathOf(Model);
        ComputeShortcuts shortcuts = Shortcuts;
        _runner = new WorkloadRunner(ModelJson.ReadFile(path), path, options => options with { Shortcuts = shortcuts });
        _runner.RunWarmup();
    }

    /// <summary>One full step: every op of the workload (e.g. infer_states, infer_policies, sample_action) on the next observation.</summary>
    /// <returns>The length of the action returned (keeps the call observable).</returns>
    [Benchmark(Baseline = true)]
    public int Step() => Runner.Step();

    /// <summary>State inference alone on the next observation.</summary>
    [Benchmark]
    public void InferStates() => Runner.InferStates();

    /// <summary>Policy inference alone (expected free energy of every policy and q(pi)).</summary>
    [Benchmark]
    public void InferPolicies() => Runner.InferPolicies();
}
