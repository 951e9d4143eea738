using Actinf.Bench.Runner;
using Spectre.Console;

namespace Actinf.Cli.Bench;

/// <summary>Draws a <see cref="BenchmarkSuiteRunner"/> run as one Spectre progress bar per suite, naming the case being measured.</summary>
/// <remarks>
/// The display is redrawn here, between cases, never by a background thread: BenchmarkDotNet's in-process
/// allocation counts are process-wide (<c>GC.GetTotalAllocatedBytes</c>), so a drawing thread would show up as
/// bytes allocated by the benchmark.
/// </remarks>
internal sealed class SpectreRunProgress(ProgressContext context) : IRunProgress
{
    private readonly Dictionary<string, ProgressTask> _suites = new(StringComparer.Ordinal);
    private ProgressTask? _stage;

    /// <inheritdoc/>
    public void Started(IReadOnlyList<PlannedBenchmark> plan)
    {
        foreach (IGrouping<string, PlannedBenchmark> suite in plan.GroupBy(p => p.Suite))
        {
            _suites[suite.Key] = context.AddTask(Label(suite.Key, null), autoStart: false, maxValue: suite.Count());
        }

        context.Refresh();
    }

    /// <inheritdoc/>
    public void BenchmarkStarted(PlannedBenchmark benchmark)
    {
        if (_suites.TryGetValue(benchmark.Suite, out ProgressTask? task))
        {
            task.StartTask();
            task.Description = Label(benchmark.Suite, benchmark.Id);
            context.Refresh();
        }
    }

    /// <inheritdoc/>
    public void BenchmarkFinished(PlannedBenchmark benchmark, bool success)
    {
        if (_suites.TryGetValue(benchmark.Suite, out ProgressTask? task))
        {
            task.Increment(1);
            if (task.IsFinished)
            {
                task.Description = Label(benchmark.Suite, null);
                task.StopTask();
            }

            context.Refresh();
        }
    }

    /// <inheritdoc/>
    public void Stage(string description)
    {
        Complete();
        _stage = context.AddTask(Markup.Escape(description), maxValue: 1);
        _stage.IsIndeterminate = true;
        context.Refresh();
    }

    /// <summary>Marks the current stage done (call when the run has returned).</summary>
    public void Complete()
    {
        if (_stage is not null)
        {
            _stage.IsIndeterminate = false;
            _stage.Value = _stage.MaxValue;
            _stage.StopTask();
            context.Refresh();
        }
    }

    private static string Label(string suite, string? id)
    {
        string name = $"[bold]{Markup.Escape(suite)}[/]";
        if (id is null)
        {
            return name;
        }

        // The case without its suite prefix, shortened to keep the bar on one line.
        string shortId = id.StartsWith(suite + "/", StringComparison.Ordinal) ? id[(suite.Length + 1)..] : id;
        return $"{name} {Markup.Escape(shortId.Length > 48 ? shortId[..47] + "…" : shortId)}";
    }
}
