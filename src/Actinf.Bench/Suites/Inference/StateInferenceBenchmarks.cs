using Actinf.Bench.Replay;
using Actinf.Bench.Runner;
using Actinf.Bench.Workloads;
using Actinf.Core.Agents;
using Actinf.Core.Io;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Inference;

/// <summary>
/// State inference by fixed-point iteration (FPI) and by marginal message passing (MMP) on the same models:
/// the time of one inference, and as metrics how many iterations it ran and the free energy they reached.
/// </summary>
/// <remarks>
/// <para>Each case builds an agent from the model with <see cref="Algorithm"/> (an FPI model run with MMP gets
/// an inference horizon of <see cref="MmpHorizon"/>; an MMP model run with FPI ignores its horizon) and
/// <see cref="ComputeShortcuts.CachesOnly"/>, so no inference is skipped; it runs the workload's warm-up steps,
/// then a call infers states on the next recorded observation without acting (as
/// <see cref="AgentStepBenchmarks.InferStates"/> does).</para>
/// <para>Metrics (untimed: a fresh agent, the warm-up, then <see cref="MetricInferences"/> inferences as
/// timed): <c>iterations</c> (mean iterations per inference: FPI stops when F changes by less than dF_tol or at
/// num_iter, and one factor is solved exactly in 1; MMP always runs num_iter), <c>iterations_max</c>, and the
/// free-energy trace of the last inference (<see cref="Agent.FreeEnergyTrace"/>, nats): <c>free_energy_first</c>,
/// <c>free_energy_last</c>, and <c>free_energy_iter_i</c> for each entry i (FPI with several factors: at the
/// uniform start and after each iteration; MMP: mean over policies after each iteration).</para>
/// </remarks>
[MemoryDiagnoser]
[BenchmarkCategory("inference")]
public class StateInferenceBenchmarks : ISuiteMetrics
{
    /// <summary>Inference horizon H given to FPI models run with MMP (mmp_h3's own).</summary>
    public const int MmpHorizon = 3;

    /// <summary>State inferences of the metric pass.</summary>
    public const int MetricInferences = 50;

    private WorkloadRunner? _runner;

    /// <summary>Two FPI models (two and three factors) and the MMP model.</summary>
    public static IEnumerable<string> Models => ["tmaze", "random_3f3m", "mmp_h3"];

    /// <summary>The benchmark model.</summary>
    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "tmaze";

    /// <summary>The state-inference algorithm.</summary>
    [Params(InferenceAlgorithm.Fpi, InferenceAlgorithm.Mmp)]
    public InferenceAlgorithm Algorithm { get; set; } = InferenceAlgorithm.Fpi;

    private WorkloadRunner Runner => _runner ?? throw new InvalidOperationException($"{nameof(Setup)} has not run.");

    /// <summary>Builds the agent and runs the warm-up steps.</summary>
    [GlobalSetup]
    public void Setup() => _runner = Build();

    /// <summary>State inference on the next observation.</summary>
    [Benchmark]
    public void InferStates() => Runner.InferStates();

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> ComputeMetrics(string benchmark)
    {
        WorkloadRunner runner = Build();
        long total = 0;
        int max = 0;
        for (int i = 0; i < MetricInferences; i++)
        {
            runner.InferStates();
            total += runner.Agent.InferenceIterations;
            max = Math.Max(max, runner.Agent.InferenceIterations);
        }

        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["iterations"] = (double)total / MetricInferences,
            ["iterations_max"] = max,
        };
        ReadOnlySpan<double> trace = runner.Agent.FreeEnergyTrace;
        if (!trace.IsEmpty)
        {
            metrics["free_energy_first"] = trace[0];
            metrics["free_energy_last"] = trace[^1];
            for (int i = 0; i < trace.Length; i++)
            {
                metrics[$"free_energy_iter_{i}"] = trace[i];
            }
        }

        return metrics;
    }

    private WorkloadRunner Build()
    {
        string path = BenchModels.PathOf(Model);
        InferenceAlgorithm algorithm = Algorithm;
        var runner = new WorkloadRunner(ModelJson.ReadFile(path), path, options => options with
        {
            Algorithm = algorithm,
            InferenceHorizon = algorithm == InferenceAlgorithm.Mmp ? Math.Max(options.InferenceHorizon, MmpHorizon) : options.InferenceHorizon,
            Shortcuts = ComputeShortcuts.CachesOnly,
        });
        runner.RunWarmup();
        return runner;
    }
}
