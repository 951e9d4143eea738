using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using Actinf.Bench.Results;
using Actinf.Bench.Workloads;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Validators;

namespace Actinf.Bench.Runner;

/// <summary>
/// Runs benchmark suites with BenchmarkDotNet, adds each case's suite metrics and writes one result file per
/// run (<c>OUT/run-RUNID.json</c>, schema actinf-bench-run/1): the engine of <c>actinf bench run</c>.
/// </summary>
/// <remarks>
/// <para>A run: resolve the suites (<see cref="SuiteCatalog"/>); convert each class to its cases (all, or the
/// <see cref="QuickSelection"/> subset); compute, untimed, the metrics of <see cref="ISuiteMetrics"/> classes
/// (first: in-process this also brings the engine's code to an optimised JIT tier before anything is timed);
/// measure every case with one configuration (<see cref="BenchmarkRunOptions.Quick"/>); derive the speedups of
/// <see cref="SpeedupOverBaselineAttribute"/> classes from the medians; map each report with
/// <see cref="ResultMapper"/>; write the file.</para>
/// <para>Every case runs the run's job, except in classes that set their own (a <c>[Config]</c> or
/// <c>[SimpleJob]</c> attribute, e.g. one call per iteration for per-call latency percentiles): those keep their
/// job, moved in-process for quick runs. A class must not declare several jobs: ids do not name the job.</para>
/// <para>BenchmarkDotNet's own output goes to <c>OUT/run-RUNID.log</c>, never to the console; progress goes to an
/// <see cref="IRunProgress"/>. Its scratch folder is a temporary folder, deleted after the run.</para>
/// </remarks>
public sealed class BenchmarkSuiteRunner
{
    /// <summary>Creates a runner over a catalog of suites.</summary>
    /// <param name="catalog">The suites; null for <see cref="SuiteCatalog.Default"/>.</param>
    public BenchmarkSuiteRunner(SuiteCatalog? catalog = null) => Catalog = catalog ?? SuiteCatalog.Default;

    /// <summary>The suites this runner knows.</summary>
    public SuiteCatalog Catalog { get; }

    /// <summary>The cases a run with <paramref name="options"/> would measure, in order, without running anything.</summary>
    /// <param name="options">The run's options (suites and quick are read).</param>
    /// <exception cref="ArgumentException">An unknown suite; the message lists the known ones.</exception>
    public IReadOnlyList<PlannedBenchmark> Plan(BenchmarkRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> suites = Catalog.Resolve(options.Suites);
        Job job = JobOf(options);
        IConfig config = ManualConfig.CreateEmpty().AddJob(job).AddLogger(NullLogger.Instance);
        return [.. Convert(suites, config, job, options.Quick).Select(c => c.Planned)];
    }

    /// <summary>Measures the suites and writes the result file.</summary>
    /// <param name="options">What to run and where to write.</param>
    /// <param name="progress">Progress sink; null for none.</param>
    /// <returns>The run, the paths of its result file and log, and the cases that failed.</returns>
    /// <exception cref="ArgumentException">An unknown suite; the message lists the known ones.</exception>
    /// <exception cref="InvalidOperationException">A benchmark assembly is a Debug build (and <see cref="BenchmarkRunOptions.AllowUnoptimizedBuild"/> is off), or the suites have no cases.</exception>
    /// <exception cref="IOException">The output folder cannot be written.</exception>
    public BenchmarkRunOutcome Run(BenchmarkRunOptions options, IRunProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        progress ??= RunProgress.None;
        IReadOnlyList<string> suites = Catalog.Resolve(options.Suites);
        if (!options.AllowUnoptimizedBuild)
        {
            CheckOptimized(suites.SelectMany(Catalog.TypesOf));
        }

        DateTimeOffset started = DateTimeOffset.UtcNow;
        string runId = NewRunId(started);
        Directory.CreateDirectory(options.OutputDirectory);
        string resultPath = Path.Combine(options.OutputDirectory, $"run-{runId}.json");
        string logPath = Path.Combine(options.OutputDirectory, $"run-{runId}.log");
        string artifacts = Path.Combine(Path.GetTempPath(), $"actinf-bench-{runId}");
        var failures = new List<string>();
        var results = new List<BenchmarkResult>();

        try
        {
            using (var log = new StreamWriter(logPath))
            {
                var logger = new StreamLogger(log);
                var events = new ProgressEvents(progress);
                Job job = JobOf(options);
                IConfig config = RunConfigs.Create(job, logger, events, artifacts, options.AllowUnoptimizedBuild);
                List<PlannedCase> cases = Convert(suites, config, job, options.Quick);
                if (cases.Count == 0)
                {
                    throw new InvalidOperationException($"The suites {string.Join(", ", suites)} have no benchmark cases to run.");
                }

                foreach (PlannedCase c in cases)
                {
                    events.Add(c.Case, c.Planned);
                }

                logger.WriteLineInfo($"// actinf bench run {runId}: {cases.Count} cases of {string.Join(", ", suites)} ({(options.Quick ? "quick" : "full")})");
                progress.Started([.. cases.Select(c => c.Planned)]);

                // The metric passes come first: they are untimed either way, and in-process they also bring the
                // engine's code to an optimised JIT tier before anything is measured (a cold first case otherwise
                // times tier-0 code for its first second or so).
                progress.Stage("computing metrics (untimed)");
                Dictionary<BenchmarkCase, IReadOnlyDictionary<string, double>> metrics = ComputeMetrics(cases, logger, failures);

                progress.Stage("measuring (BenchmarkDotNet)");
                BenchmarkRunInfo[] infos = [.. cases.GroupBy(c => c.Info).Select(g => new BenchmarkRunInfo([.. g.Select(c => c.Case)], g.Key.Type, g.Key.Config))];
                Summary[] summaries = BenchmarkRunner.Run(infos);
                results.AddRange(Collect(cases, summaries, metrics, logger, failures));
            }

            progress.Stage("writing results");
            var run = new BenchmarkRun(
                BenchmarkRun.SchemaName,
                runId,
                started,
                GitCommit.Detect(BenchModels.FindRepositoryRoot() ?? Environment.CurrentDirectory),
                options.Quick,
                MachineProbe.Current(),
                suites,
                results);
            BenchmarkRunJson.WriteFile(run, resultPath);
            return new BenchmarkRunOutcome(run, resultPath, logPath, failures);
        }
        finally
        {
            DeleteQuietly(artifacts);
        }
    }

    /// <summary>A new run id: the UTC start time and six random hex digits, e.g. <c>20260110T053012Z-3fa2c1</c>.</summary>
    /// <param name="utc">The start time.</param>
    public static string NewRunId(DateTimeOffset utc) =>
        utc.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + System.Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    private static Dictionary<BenchmarkCase, IReadOnlyDictionary<string, double>> ComputeMetrics(List<PlannedCase> cases, ILogger logger, List<string> failures)
    {
        long started = Stopwatch.GetTimestamp();
        Dictionary<BenchmarkCase, IReadOnlyDictionary<string, double>> metrics = CaseMetrics.Compute(
            cases.Select(c => c.Case),
            (benchmarkCase, e) =>
            {
                string id = cases.First(c => c.Case == benchmarkCase).Planned.Id;
                failures.Add($"{id}: metric pass failed: {e.Message}");
                logger.WriteLineError($"// metric pass of {id} failed: {e}");
            });
        logger.WriteLineInfo(string.Create(CultureInfo.InvariantCulture, $"// metric passes: {metrics.Count} cases in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
        return metrics;
    }

    private static List<BenchmarkResult> Collect(
        List<PlannedCase> cases, Summary[] summaries, Dictionary<BenchmarkCase, IReadOnlyDictionary<string, double>> metrics, ILogger logger, List<string> failures)
    {
        var reports = new Dictionary<BenchmarkCase, BenchmarkReport>();
        foreach (Summary summary in summaries)
        {
            // Non-critical validation messages (e.g. "no exporters": the runner writes its own file) are in the log only.
            foreach (ValidationError error in summary.ValidationErrors.Where(e => e.IsCritical))
            {
                failures.Add($"validation: {error.Message}");
            }

            foreach (BenchmarkReport report in summary.Reports)
            {
                reports[report.BenchmarkCase] = report;
            }
        }

        var medians = new Dictionary<BenchmarkCase, double>();
        foreach (PlannedCase c in cases)
        {
            if (reports.TryGetValue(c.Case, out BenchmarkReport? report) && report.Success && report.ResultStatistics is { N: > 0 } statistics)
            {
                medians[c.Case] = statistics.Median;
            }
            else
            {
                failures.Add($"{c.Planned.Id}: no measurements (see the log)");
            }
        }

        Dictionary<BenchmarkCase, double> speedups = CaseMetrics.Speedups(medians);

        var results = new List<BenchmarkResult>(medians.Count);
        foreach (PlannedCase c in cases)
        {
            if (!medians.ContainsKey(c.Case))
            {
                continue;
            }

            var caseMetrics = new Dictionary<string, double>(StringComparer.Ordinal);
            if (metrics.TryGetValue(c.Case, out IReadOnlyDictionary<string, double>? computed))
            {
                foreach ((string key, double value) in computed)
                {
                    if (double.IsFinite(value))
                    {
                        caseMetrics[key] = value;
                    }
                    else
                    {
                        logger.WriteLineError($"// {c.Planned.Id}: metric {key} is {value}; not written");
                    }
                }
            }

            if (speedups.TryGetValue(c.Case, out double speedup))
            {
                caseMetrics[CaseMetrics.Speedup] = speedup;
            }

            if (ResultMapper.Map(c.Planned.Suite, reports[c.Case], caseMetrics) is BenchmarkResult result)
            {
                results.Add(result);
            }
        }

        return results;
    }

    private List<PlannedCase> Convert(IReadOnlyList<string> suites, IConfig config, Job runJob, bool quick)
    {
        var cases = new List<PlannedCase>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (string suite in suites)
        {
            foreach (Type type in Catalog.TypesOf(suite))
            {
                BenchmarkRunInfo info = BenchmarkConverter.TypeToBenchmarks(type, config);
                IReadOnlyList<BenchmarkCase> converted = WithClassJobs(info.BenchmarksCases, runJob, quick);
                IReadOnlyList<BenchmarkCase> selected = quick ? QuickSelection.Select(converted) : converted;
                foreach ((BenchmarkCase benchmarkCase, string id) in selected.Select(c => (c, BenchmarkIds.Of(suite, c))).OrderBy(c => c.Item2, StringComparer.Ordinal))
                {
                    if (!ids.Add(id))
                    {
                        throw new InvalidOperationException($"Two benchmark cases have the id '{id}'; ids must be unique within a run.");
                    }

                    cases.Add(new PlannedCase(new PlannedBenchmark(suite, id), benchmarkCase, info));
                }
            }
        }

        return cases;
    }

    /// <summary>
    /// A class that sets its own job (a <c>[Config]</c> or <c>[SimpleJob]</c> attribute, e.g. one call per
    /// iteration for per-call latencies) keeps it instead of the run's job: BenchmarkDotNet would otherwise run
    /// every case once per job, under the same id. Quick runs move such a job in-process; full runs pass it the
    /// models folder, as they do their own job.
    /// </summary>
    private static BenchmarkCase[] WithClassJobs(BenchmarkCase[] cases, Job runJob, bool quick)
    {
        if (cases.All(c => c.Job.Id == runJob.Id))
        {
            return cases;
        }

        return [.. cases.Where(c => c.Job.Id != runJob.Id).Select(c =>
        {
            if (c.Job.Infrastructure.Toolchain?.IsInProcess == true)
            {
                return c;
            }

            Job job = new(c.Job.Id, c.Job);
            job = quick ? job.WithToolchain(InProcessEmitToolchain.Instance) : RunConfigs.WithModelsDirectory(job);
            return BenchmarkCase.Create(c.Descriptor, job.Freeze(), c.Parameters, c.Config);
        })];
    }

    private static Job JobOf(BenchmarkRunOptions options) => options.Job ?? (options.Quick ? RunConfigs.Quick : RunConfigs.WithModelsDirectory(RunConfigs.Full));

    private static void CheckOptimized(IEnumerable<Type> types)
    {
        foreach (Assembly assembly in types.Select(t => t.Assembly).Distinct())
        {
            if (assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true)
            {
                throw new InvalidOperationException(
                    $"{assembly.GetName().Name} was compiled without optimisations (a Debug build), so its timings would be meaningless. "
                    + "Build and run in Release: dotnet run -c Release --project src/Actinf.Cli -- bench run");
            }
        }
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover scratch folder in the temp directory is harmless.
        }
    }

    private sealed record PlannedCase(PlannedBenchmark Planned, BenchmarkCase Case, BenchmarkRunInfo Info);
}
