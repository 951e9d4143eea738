using System.Globalization;
using Actinf.Bench.Analysis;
using Actinf.Bench.Results;
using Actinf.Bench.Runner;

namespace Actinf.Cli.Bench;

/// <summary>What <c>actinf bench run</c> prints: the plan (<c>--list</c>) and the summary after a run.</summary>
internal static class RunReportWriter
{
    /// <summary>Metrics shown in the summary table, in this order (the result file has them all).</summary>
    private static readonly string[] ShownMetrics =
        [MetricNames.Speedup, MetricNames.HitRate, MetricNames.OpsSkipped, MetricNames.OpsTotal, MetricNames.MaxDeviation, MetricNames.CacheBytes, "iterations"];

    /// <summary>Writes each suite with the ids of its benchmarks, as plain text.</summary>
    /// <param name="plan">The cases.</param>
    /// <param name="suites">The suites asked for (a suite without cases is listed too).</param>
    /// <param name="quick">Whether the plan is the quick subset.</param>
    /// <param name="output">Where to write.</param>
    public static void WritePlan(IReadOnlyList<PlannedBenchmark> plan, IReadOnlyList<string> suites, bool quick, TextWriter output)
    {
        foreach (string suite in suites)
        {
            PlannedBenchmark[] cases = [.. plan.Where(p => p.Suite == suite)];
            output.WriteLine($"{suite} ({cases.Length} {(cases.Length == 1 ? "benchmark" : "benchmarks")}{(quick ? ", quick" : "")})");
            foreach (PlannedBenchmark c in cases)
            {
                output.WriteLine($"  {c.Id}");
            }
        }

        output.WriteLine($"{plan.Count} benchmarks in {suites.Count} {(suites.Count == 1 ? "suite" : "suites")}.");
    }

    /// <summary>
    /// Writes, per suite, one plain line per benchmark (median, allocation per operation, the id without its suite,
    /// the main metrics), then the paths of the result file and the log. Plain text, never wrapped, so that ids
    /// stay whole for grep.
    /// </summary>
    /// <param name="output">Where to write.</param>
    /// <param name="outcome">The run.</param>
    public static void WriteSummary(TextWriter output, BenchmarkRunOutcome outcome)
    {
        BenchmarkRun run = outcome.Run;
        output.WriteLine($"run {run.RunId}{(run.Quick ? " (quick)" : "")}: {run.Benchmarks.Count} benchmarks, commit {run.GitCommit}, {run.Machine.Cores} cores, {run.Machine.CpuModel}");
        foreach (IGrouping<string, BenchmarkResult> suite in run.Benchmarks.GroupBy(b => b.Suite))
        {
            output.WriteLine();
            output.WriteLine($"{suite.Key}");
            output.WriteLine($"  {"median",10}  {"alloc/op",10}  benchmark");
            foreach (BenchmarkResult result in suite)
            {
                string id = result.Id.StartsWith(suite.Key + "/", StringComparison.Ordinal) ? result.Id[(suite.Key.Length + 1)..] : result.Id;
                string allocated = result.AllocatedBytesPerOp is double bytes ? DisplayFormat.Bytes(bytes) : "-";
                string metrics = Metrics(result.Metrics);
                output.WriteLine($"  {DisplayFormat.Time(result.MedianNs),10}  {allocated,10}  {id}{(metrics.Length == 0 ? "" : "  " + metrics)}");
            }
        }

        output.WriteLine();
        output.WriteLine($"results: {outcome.ResultPath}");
        output.WriteLine($"BenchmarkDotNet log: {outcome.LogPath}");
        output.Flush();
    }

    private static string Metrics(IReadOnlyDictionary<string, double> metrics) =>
        string.Join(" ", ShownMetrics.Where(metrics.ContainsKey).Select(k => $"{k}={Format(k, metrics[k])}"));

    private static string Format(string key, double value) => key switch
    {
        MetricNames.Speedup => value.ToString("0.00", CultureInfo.InvariantCulture) + "x",
        MetricNames.HitRate => DisplayFormat.Rate(value),
        MetricNames.CacheBytes => DisplayFormat.Bytes(value),
        MetricNames.MaxDeviation => value.ToString("G3", CultureInfo.InvariantCulture),
        _ => DisplayFormat.Number(value),
    };
}
