using System.Globalization;
using Actinf.Bench.Analysis;
using Actinf.Bench.Results;

namespace Actinf.Bench.Reports;

/// <summary>
/// Turns <see cref="ReportData"/> into a <see cref="ReportDocument"/>: verdict and status table first, then
/// the executive summary, regressions, improvements, gate checks, recommendations, charts, the full
/// comparison, the latest run's metrics, the runs and the method.
/// </summary>
public static class ReportBuilder
{
    /// <summary>The document's title.</summary>
    public const string Title = "Actinf benchmark report";

    /// <summary>Builds the document.</summary>
    /// <param name="data">The analysed history.</param>
    /// <param name="charts">The charts to place (normally <see cref="ChartSpecs.Build"/>); null places none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    public static ReportDocument Build(ReportData data, IReadOnlyList<ChartSpec>? charts = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        charts ??= [];
        (ReportStatus status, string verdict) = Verdict(data);

        var sections = new List<ReportSection>
        {
            new("Executive summary", [new ReportBulletList(Summary(data))]),
        };
        if (data.Comparison is { } comparison)
        {
            sections.Add(new ReportSection("Regressions", [RegressionBlock(comparison)]));
            sections.Add(new ReportSection("Biggest improvements", [ImprovementBlock(comparison, data.Options.TopImprovements)]));
        }

        sections.Add(new ReportSection("Gate checks", GateBlocks(data)));
        sections.Add(new ReportSection("Recommendations", [new ReportBulletList(Recommendations.From(data))]));
        if (charts.Count > 0)
        {
            sections.Add(new ReportSection("Charts", [.. charts.Select(c => (ReportBlock)new ReportChart(c))]));
        }

        if (data.Comparison is { } all)
        {
            sections.Add(new ReportSection("All benchmarks: latest vs baseline", [ComparisonTable(all)]));
        }

        sections.Add(new ReportSection($"Latest run `{data.Latest.RunId}`", [LatestTable(data)]));
        sections.Add(new ReportSection("Runs", [RunsTable(data)]));
        sections.Add(new ReportSection("Method", [new ReportParagraph(Method(data.Options.Gate))]));
        return new ReportDocument(Title, status, verdict, Context(data), StatusTable(data), sections, charts);
    }

    private static (ReportStatus Status, string Text) Verdict(ReportData data)
    {
        RunComparison? comparison = data.Comparison;
        int severe = comparison?.Count(ChangeKind.Regression, Severity.Severe) ?? 0;
        int moderate = comparison?.Count(ChangeKind.Regression, Severity.Moderate) ?? 0;
        int hitRate = data.Checks.Count(c => c.Kind == GateCheckKind.HitRate && c.Outcome == GateOutcome.Failure);
        int allocation = data.Checks.Count(c => c.Kind == GateCheckKind.Allocation && c.Outcome == GateOutcome.Failure);
        var failures = new List<string>();
        AddCount(failures, severe, "severe regression", "severe regressions");
        AddCount(failures, hitRate, "cache below the minimum hit rate", "caches below the minimum hit rate");
        AddCount(failures, allocation, "benchmark above the allocation limit", "benchmarks above the allocation limit");
        if (failures.Count > 0)
        {
            if (comparison?.WorstRegression is { Severity: Severity.Severe } worst)
            {
                failures[0] += $" (worst `{worst.Id}` {DisplayFormat.Change(worst.ChangePercent)})";
            }

            return (ReportStatus.Failure, $"FAIL: {string.Join(", ", failures)}.");
        }

        if (moderate > 0)
        {
            var warn = new List<string>();
            AddCount(warn, moderate, "moderate regression", "moderate regressions");
            return (ReportStatus.Warning, $"WARN: {warn[0]} between {DisplayFormat.Threshold(data.Options.Gate.Comparison.WarnPercent)} and {DisplayFormat.Threshold(data.Options.Gate.Comparison.FailPercent)}; the gate passes.");
        }

        int improvements = comparison?.Count(ChangeKind.Improvement) ?? 0;
        string good = comparison is null ? "every hit-rate and allocation check passes"
            : improvements > 0 ? $"no regression beyond {DisplayFormat.Threshold(data.Options.Gate.Comparison.WarnPercent)}, {improvements} {(improvements == 1 ? "improvement" : "improvements")}"
            : $"no regression beyond {DisplayFormat.Threshold(data.Options.Gate.Comparison.WarnPercent)}";
        return (ReportStatus.Good, $"PASS: {good}.");
    }

    private static string Context(ReportData data)
    {
        BenchmarkRun latest = data.Latest;
        string run = $"Latest run `{latest.RunId}` ({Time(latest.UtcTime)}, commit `{latest.GitCommit}`{(latest.Quick ? ", quick" : "")})";
        return data.Baseline is { } baseline
            ? $"{run} vs baseline `{baseline.RunId}` ({Time(baseline.UtcTime)}, commit `{baseline.GitCommit}`, from {data.BaselineSource})."
            : $"{run}; no baseline, so timings are not compared.";
    }

    private static ReportTable StatusTable(ReportData data)
    {
        RunComparison? c = data.Comparison;
        string Count(ChangeKind kind, Severity? severity = null) =>
            c is null ? "n/a" : (severity is Severity s ? c.Count(kind, s) : c.Count(kind)).ToString(CultureInfo.InvariantCulture);
        int severe = c?.Count(ChangeKind.Regression, Severity.Severe) ?? 0;
        int moderate = c?.Count(ChangeKind.Regression, Severity.Moderate) ?? 0;
        int improvements = c?.Count(ChangeKind.Improvement) ?? 0;
        int metricFailures = data.Checks.Count(k => k.Kind is GateCheckKind.HitRate or GateCheckKind.Allocation && k.Outcome == GateOutcome.Failure);

        return new ReportTable(
            ["Outcome", "Benchmarks"],
            [
                new(["Severe regressions (fail)", Count(ChangeKind.Regression, Severity.Severe)], severe > 0 ? ReportStatus.Failure : ReportStatus.Neutral),
                new(["Moderate regressions (warn)", Count(ChangeKind.Regression, Severity.Moderate)], moderate > 0 ? ReportStatus.Warning : ReportStatus.Neutral),
                new(["Minor regressions", Count(ChangeKind.Regression, Severity.Minor)]),
                new(["Improvements", Count(ChangeKind.Improvement)], improvements > 0 ? ReportStatus.Good : ReportStatus.Neutral),
                new(["No significant change", Count(ChangeKind.Noise)]),
                new(["Added / removed", c is null ? "n/a" : $"{c.Count(ChangeKind.Added)} / {c.Count(ChangeKind.Removed)}"]),
                new(["Hit-rate and allocation checks failing", metricFailures.ToString(CultureInfo.InvariantCulture)], metricFailures > 0 ? ReportStatus.Failure : ReportStatus.Neutral),
            ],
            [1]);
    }

    private static List<string> Summary(ReportData data)
    {
        BenchmarkRun latest = data.Latest;
        string[] suites = [.. latest.Benchmarks.Select(b => b.Suite).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var items = new List<string>
        {
            $"**Runs analysed:** {data.Runs.Count}, from {Time(data.Runs[0].Run.UtcTime)} to {Time(latest.UtcTime)}.",
            $"**Latest run:** `{latest.RunId}` ({Time(latest.UtcTime)}, commit `{latest.GitCommit}`, {(latest.Quick ? "quick" : "full")}), "
                + $"{latest.Benchmarks.Count} benchmarks in {suites.Length} {(suites.Length == 1 ? "suite" : "suites")}: {string.Join(", ", suites)}.",
        };

        if (data.Comparison is { } c && data.Baseline is { } baseline)
        {
            items.Add($"**Baseline:** `{baseline.RunId}` ({Time(baseline.UtcTime)}, commit `{baseline.GitCommit}`), from {data.BaselineSource}.");
            int regressions = c.Count(ChangeKind.Regression);
            items.Add($"**Latest vs baseline:** {regressions} {(regressions == 1 ? "regression" : "regressions")} "
                + $"({c.Count(ChangeKind.Regression, Severity.Severe)} severe, {c.Count(ChangeKind.Regression, Severity.Moderate)} moderate, {c.Count(ChangeKind.Regression, Severity.Minor)} minor), "
                + $"{c.Count(ChangeKind.Improvement)} improved, {c.Count(ChangeKind.Noise)} unchanged within noise, "
                + $"{c.Count(ChangeKind.Added)} added, {c.Count(ChangeKind.Removed)} removed.");
            items.Add(c.WorstRegression is { } worst
                ? $"**Worst regression:** `{worst.Id}` {DisplayFormat.Change(worst.ChangePercent)} ({DisplayFormat.Time(worst.Baseline!.MedianNs)} -> {DisplayFormat.Time(worst.Current!.MedianNs)}, p {DisplayFormat.PValue(worst.Test?.PValue)}, {worst.Severity.ToString().ToLowerInvariant()})."
                : "**Worst regression:** none.");
            if (c.Improvements.Count > 0)
            {
                BenchmarkComparison best = c.Improvements[0];
                items.Add($"**Biggest improvement:** `{best.Id}` {DisplayFormat.Change(best.ChangePercent)} ({DisplayFormat.Time(best.Baseline!.MedianNs)} -> {DisplayFormat.Time(best.Current!.MedianNs)}).");
            }
        }
        else
        {
            items.Add("**Baseline:** none (a single run and no baseline file): timings are not compared; only the hit-rate and allocation gates apply.");
        }

        MachineInfo m = latest.Machine;
        items.Add($"**Machine:** {m.CpuModel}, {m.Cores} cores, {DisplayFormat.Bytes(m.MemoryBytes)} memory, {m.Os}, .NET {m.Dotnet}.");
        return items;
    }

    private static ReportBlock RegressionBlock(RunComparison comparison)
    {
        IReadOnlyList<BenchmarkComparison> rows = comparison.Regressions;
        if (rows.Count == 0)
        {
            return new ReportParagraph("None: no benchmark is significantly slower than the baseline.");
        }

        return new ReportTable(
            ["Benchmark", "Baseline median", "Latest median", "Change", "p", "Severity"],
            [.. rows.Select(r => new ReportRow(
                [r.Id, DisplayFormat.Time(r.Baseline!.MedianNs), DisplayFormat.Time(r.Current!.MedianNs), DisplayFormat.Change(r.ChangePercent), DisplayFormat.PValue(r.Test?.PValue), DisplayFormat.SeverityLabel(r)],
                RowStatus(r)))],
            [1, 2, 3, 4]);
    }

    private static ReportBlock ImprovementBlock(RunComparison comparison, int top)
    {
        IReadOnlyList<BenchmarkComparison> rows = comparison.Improvements;
        if (rows.Count == 0)
        {
            return new ReportParagraph("None: no benchmark is significantly faster than the baseline.");
        }

        return new ReportTable(
            ["Benchmark", "Baseline median", "Latest median", "Change", "p", "Magnitude"],
            [.. rows.Take(top).Select(r => new ReportRow(
                [r.Id, DisplayFormat.Time(r.Baseline!.MedianNs), DisplayFormat.Time(r.Current!.MedianNs), DisplayFormat.Change(r.ChangePercent), DisplayFormat.PValue(r.Test?.PValue), DisplayFormat.SeverityLabel(r)],
                ReportStatus.Good))],
            [1, 2, 3, 4]);
    }

    private static List<ReportBlock> GateBlocks(ReportData data)
    {
        GateOptions gate = data.Options.Gate;
        string limits = $"Limits: a significant regression warns from {DisplayFormat.Threshold(gate.Comparison.WarnPercent)} and fails above {DisplayFormat.Threshold(gate.Comparison.FailPercent)} "
            + $"(alpha {DisplayFormat.Number(gate.Comparison.Alpha)}); hit rate at least {DisplayFormat.Rate(gate.MinHitRate)}; allocation "
            + (gate.MaxAllocatedBytesPerOp is double max ? $"at most {DisplayFormat.Bytes(max)} per operation." : "not limited.");
        var blocks = new List<ReportBlock> { new ReportParagraph(limits) };
        if (data.Checks.Count == 0)
        {
            blocks.Add(new ReportParagraph("Every check passes."));
        }
        else
        {
            blocks.Add(new ReportBulletList([.. data.Checks.Select(c => $"{c.Outcome switch { GateOutcome.Failure => "**FAIL**", GateOutcome.Warning => "**WARN**", _ => "note" }} {c.Message}")]));
        }

        return blocks;
    }

    private static ReportTable ComparisonTable(RunComparison comparison) => new(
        ["Benchmark", "Suite", "Baseline median", "Latest median", "Change", "p", "Verdict", "Severity"],
        [.. comparison.Benchmarks.Select(r => new ReportRow(
            [
                r.Id,
                r.Suite,
                r.Baseline is null ? "-" : DisplayFormat.Time(r.Baseline.MedianNs),
                r.Current is null ? "-" : DisplayFormat.Time(r.Current.MedianNs),
                DisplayFormat.Change(r.ChangePercent),
                DisplayFormat.PValue(r.Test?.PValue),
                DisplayFormat.VerdictLabel(r),
                DisplayFormat.SeverityLabel(r),
            ],
            RowStatus(r)))],
        [2, 3, 4, 5]);

    private static ReportTable LatestTable(ReportData data) => new(
        ["Benchmark", "Median", "p95", "Stddev / median", "Samples", "Allocated / op", "Metrics"],
        [.. data.Latest.Benchmarks.Select(b => new ReportRow(
            [
                b.Id,
                DisplayFormat.Time(b.MedianNs),
                DisplayFormat.Time(b.P95Ns),
                b.MedianNs > 0.0 ? DisplayFormat.Rate(b.StdDevNs / b.MedianNs) : "n/a",
                (b.Samples?.Count ?? 0).ToString(CultureInfo.InvariantCulture),
                b.AllocatedBytesPerOp is double a ? DisplayFormat.Bytes(a) : "not measured",
                Metrics(b),
            ],
            data.Checks.Any(c => c.Outcome == GateOutcome.Failure && c.Kind is GateCheckKind.HitRate or GateCheckKind.Allocation && c.BenchmarkId == b.Id)
                ? ReportStatus.Failure
                : ReportStatus.Neutral))],
        [1, 2, 3, 4, 5]);

    private static ReportTable RunsTable(ReportData data) => new(
        ["Run", "Time (UTC)", "Commit", "Mode", "Benchmarks", "Machine"],
        [.. data.Runs.Select(e => new ReportRow(
            [
                e.Run.RunId,
                e.Run.UtcTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                e.Run.GitCommit,
                e.Run.Quick ? "quick" : "full",
                e.Run.Benchmarks.Count.ToString(CultureInfo.InvariantCulture),
                $"{e.Run.Machine.Cores} cores, {e.Run.Machine.Os}",
            ],
            e.Run.RunId == data.Baseline?.RunId ? ReportStatus.Good : ReportStatus.Neutral))],
        [4]);

    private static string Method(GateOptions gate) =>
        "Each benchmark is matched by id. Its baseline and latest samples (ns per operation) are compared with a two-sided "
        + $"Mann-Whitney U test at alpha {DisplayFormat.Number(gate.Comparison.Alpha)}: exact when both samples have fewer than {MannWhitney.ExactLimit} values and no ties, "
        + "otherwise the normal approximation with tie correction and a continuity correction of 1/2. Only a significant change counts; its severity "
        + $"comes from the change of the median: minor below {DisplayFormat.Threshold(gate.Comparison.WarnPercent)}, moderate up to {DisplayFormat.Threshold(gate.Comparison.FailPercent)}, "
        + "severe above. Faster benchmarks get the same magnitudes as improvements and never fail. See docs/benchmarks.md.";

    private static string Metrics(BenchmarkResult result) =>
        result.Metrics is null || result.Metrics.Count == 0
            ? "-"
            : string.Join(", ", result.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={DisplayFormat.Number(m.Value)}"));

    private static ReportStatus RowStatus(BenchmarkComparison row) => row.Kind switch
    {
        ChangeKind.Regression when row.Severity == Severity.Severe => ReportStatus.Failure,
        ChangeKind.Regression when row.Severity == Severity.Moderate => ReportStatus.Warning,
        ChangeKind.Improvement => ReportStatus.Good,
        _ => ReportStatus.Neutral,
    };

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static void AddCount(List<string> parts, int count, string singular, string plural)
    {
        if (count > 0)
        {
            parts.Add($"{count} {(count == 1 ? singular : plural)}");
        }
    }
}
