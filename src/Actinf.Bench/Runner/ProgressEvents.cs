using BenchmarkDotNet.EventProcessors;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Actinf.Bench.Runner;

/// <summary>Forwards BenchmarkDotNet's per-case events to an <see cref="IRunProgress"/>.</summary>
internal sealed class ProgressEvents(IRunProgress progress) : EventProcessor
{
    private readonly Dictionary<BenchmarkCase, PlannedBenchmark> _planned = [];

    /// <summary>Registers a case so that its events name it.</summary>
    public void Add(BenchmarkCase benchmarkCase, PlannedBenchmark planned) => _planned[benchmarkCase] = planned;

    /// <inheritdoc/>
    public override void OnStartRunBenchmark(BenchmarkCase benchmarkCase)
    {
        if (_planned.TryGetValue(benchmarkCase, out PlannedBenchmark? planned))
        {
            progress.BenchmarkStarted(planned);
        }
    }

    /// <inheritdoc/>
    public override void OnEndRunBenchmark(BenchmarkCase benchmarkCase, BenchmarkReport report)
    {
        if (_planned.TryGetValue(benchmarkCase, out PlannedBenchmark? planned))
        {
            progress.BenchmarkFinished(planned, report.Success && report.ResultStatistics is not null);
        }
    }
}
