using Actinf.Bench.Replay;
using Actinf.Bench.Runner;
using Actinf.Bench.Workloads;
using Actinf.Core.Agents;
using Actinf.Core.Io;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Inference;

/// <summary>
/// Policy inference computed in full: the expected free energy G of every policy and q(pi), with the
/// per-model caches on and no reuse of earlier scores (<see cref="ComputeShortcuts.CachesOnly"/>).
/// </summary>
/// <remarks>
/// <para>Each case builds an agent, runs the workload's warm-up steps, then re-plans from the posterior the
/// warm-up left. <see cref="AgentStepBenchmarks.InferPolicies"/> times the same call under every shortcut
/// setting; this class adds the size of the work as metrics (untimed, over <see cref="MetricInferences"/>
/// inferences): <c>policies</c> (P), <c>policy_length</c> (T), <c>policy_steps</c> (P·T, what a plain evaluation
/// scores) and <c>nodes_scored</c> (predicted states actually scored per inference: the prefix tree's nodes
/// for FPI, P·steps of the window for MMP).</para>
/// </remarks>
[MemoryDiagnoser]
[BenchmarkCategory("inference")]
public class PolicyInferenceBenchmarks : ISuiteMetrics
{
    /// <summary>Policy inferences of the metric pass.</summary>
    public const int MetricInferences = 10;

    private WorkloadRunner? _runner;

    /// <summary>Policy trees of depth 1 to 3, several factors, MMP, and parameter information gain (learn_AB).</summary>
    public static IEnumerable<string> Models => ["tmaze_plen2", "grid7x7_plen3", "random_3f3m", "mmp_h3", "learn_AB"];

    /// <summary>The benchmark model.</summary>
    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "tmaze_plen2";

    private WorkloadRunner Runner => _runner ?? throw new InvalidOperationException($"{nameof(Setup)} has not run.");

    /// <summary>Builds the agent and runs the warm-up steps.</summary>
    [GlobalSetup]
    public void Setup() => _runner = Build();

    /// <summary>Expected free energy of every policy and the policy posterior.</summary>
    [Benchmark]
    public void InferPolicies() => Runner.InferPolicies();

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> ComputeMetrics(string benchmark)
    {
        WorkloadRunner runner = Build();
        ComputeCounters before = runner.Agent.Counters;
        for (int i = 0; i < MetricInferences; i++)
        {
            runner.InferPolicies();
        }

        ComputeCounters after = runner.Agent.Counters;
        int policies = runner.Agent.NumPolicies;
        int length = runner.Agent.Model.Policies.Length;
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["policies"] = policies,
            ["policy_length"] = length,
            ["policy_steps"] = (double)policies * length,
            ["nodes_scored"] = (double)(after.PolicyNodesScored - before.PolicyNodesScored) / MetricInferences,
        };
    }

    private WorkloadRunner Build()
    {
        string path = BenchModels.PathOf(Model);
        var runner = new WorkloadRunner(ModelJson.ReadFile(path), path, options => options with { Shortcuts = ComputeShortcuts.CachesOnly });
        runner.RunWarmup();
        return runner;
    }
}
