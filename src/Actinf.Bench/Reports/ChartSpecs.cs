using System.Text.Json.Nodes;
using Actinf.Bench.Analysis;
using Actinf.Bench.Results;

namespace Actinf.Bench.Reports;

/// <summary>
/// The report's Vega-Lite charts, data inlined: the median of each benchmark over the runs, the latest run's
/// change against the baseline coloured by severity, cache hit rates and allocation per operation.
/// </summary>
/// <remarks>A chart without data (no baseline, no <c>hit_rate</c> metric, no allocation measured) is left out.</remarks>
public static class ChartSpecs
{
    /// <summary>Name of the median-over-time chart.</summary>
    public const string MedianOverTime = "median-over-time";

    /// <summary>Name of the latest-versus-baseline chart.</summary>
    public const string LatestVersusBaseline = "latest-vs-baseline";

    /// <summary>Name of the cache hit-rate chart.</summary>
    public const string CacheHitRates = "cache-hit-rates";

    /// <summary>Name of the allocation chart.</summary>
    public const string Allocations = "allocations";

    /// <summary>Every chart name, in report order.</summary>
    public static IReadOnlyList<string> Names { get; } = [MedianOverTime, LatestVersusBaseline, CacheHitRates, Allocations];

    private const string Schema = "https://vega.github.io/schema/vega-lite/v6.json";
    private const int Width = 640;

    // Status → colour, shared by the change chart's legend: red fails, orange warns, grey is noise, green is faster.
    private static readonly string[] StatusDomain = ["severe regression", "moderate regression", "minor regression", "noise", "improvement"];
    private static readonly string[] StatusRange = ["#d62728", "#ff7f0e", "#e7ba52", "#9e9e9e", "#2ca02c"];

    /// <summary>Builds every chart that has data.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    public static IReadOnlyList<ChartSpec> Build(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var charts = new List<ChartSpec> { MedianChart(data) };
        if (data.Comparison is { } comparison && comparison.Benchmarks.Any(b => b.ChangePercent is not null))
        {
            charts.Add(ChangeChart(comparison));
        }

        if (HitRateChart(data) is { } hitRates)
        {
            charts.Add(hitRates);
        }

        if (AllocationChart(data.Latest) is { } allocations)
        {
            charts.Add(allocations);
        }

        return charts;
    }

    /// <summary>The legend label of a comparison row: its severity for regressions, "improvement" or "noise" otherwise.</summary>
    public static string StatusLabel(BenchmarkComparison row) => row.Kind switch
    {
        ChangeKind.Regression => row.Severity.ToString().ToLowerInvariant() + " regression",
        ChangeKind.Improvement => "improvement",
        _ => "noise",
    };

    private static ChartSpec MedianChart(ReportData data)
    {
        var values = new JsonArray();
        double min = double.PositiveInfinity;
        double max = 0.0;
        foreach (HistoryEntry entry in data.Runs)
        {
            foreach (BenchmarkResult result in entry.Run.Benchmarks)
            {
                if (!(result.MedianNs > 0.0) || !double.IsFinite(result.MedianNs))
                {
                    continue;
                }

                min = Math.Min(min, result.MedianNs);
                max = Math.Max(max, result.MedianNs);
                values.Add(new JsonObject
                {
                    ["run"] = entry.Run.RunId,
                    ["time"] = entry.Run.UtcTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                    ["benchmark"] = result.Id,
                    ["median_ns"] = result.MedianNs,
                    ["median"] = DisplayFormat.Time(result.MedianNs),
                });
            }
        }

        bool log = max > 0.0 && max / min > data.Options.LogScaleRatio;
        var y = new JsonObject
        {
            ["field"] = "median_ns",
            ["type"] = "quantitative",
            ["title"] = log ? "median (ns per operation, log scale)" : "median (ns per operation)",
        };
        if (log)
        {
            y["scale"] = new JsonObject { ["type"] = "log" };
        }

        var spec = Base("Median time per operation, by run", values);
        spec["height"] = 320;
        spec["mark"] = new JsonObject { ["type"] = "line", ["point"] = true };
        spec["encoding"] = new JsonObject
        {
            ["x"] = new JsonObject
            {
                ["field"] = "time",
                ["type"] = "temporal",
                ["title"] = "run time (UTC)",
                ["scale"] = new JsonObject { ["type"] = "utc" },
                ["axis"] = new JsonObject { ["format"] = "%Y-%m-%d %H:%M", ["labelAngle"] = -30 },
            },
            ["y"] = y,
            ["color"] = new JsonObject
            {
                ["field"] = "benchmark",
                ["type"] = "nominal",
                ["legend"] = new JsonObject { ["orient"] = "bottom", ["columns"] = 1, ["labelLimit"] = 600 },
            },
            ["tooltip"] = Tooltip(("benchmark", "nominal"), ("run", "nominal"), ("median", "nominal")),
        };
        return new ChartSpec(MedianOverTime, "Median time per operation, by run", spec);
    }

    private static ChartSpec ChangeChart(RunComparison comparison)
    {
        var values = new JsonArray();
        foreach (BenchmarkComparison row in comparison.Benchmarks)
        {
            if (row.ChangePercent is double change)
            {
                values.Add(new JsonObject
                {
                    ["benchmark"] = row.Id,
                    ["change_percent"] = Math.Round(change, 2),
                    ["status"] = StatusLabel(row),
                    ["p"] = DisplayFormat.PValue(row.Test?.PValue),
                });
            }
        }

        var thresholds = new JsonArray
        {
            new JsonObject { ["x"] = comparison.Options.WarnPercent, ["label"] = "warn" },
            new JsonObject { ["x"] = comparison.Options.FailPercent, ["label"] = "fail" },
        };
        var spec = Base("Latest run vs baseline: change of the median (positive is slower)", values);
        spec["height"] = new JsonObject { ["step"] = 22 };
        spec["layer"] = new JsonArray
        {
            new JsonObject
            {
                ["mark"] = "bar",
                ["encoding"] = new JsonObject
                {
                    ["y"] = new JsonObject { ["field"] = "benchmark", ["type"] = "nominal", ["sort"] = "-x", ["title"] = null, ["axis"] = new JsonObject { ["labelLimit"] = 600 } },
                    ["x"] = new JsonObject { ["field"] = "change_percent", ["type"] = "quantitative", ["title"] = "change of median vs baseline (%)" },
                    ["color"] = new JsonObject
                    {
                        ["field"] = "status",
                        ["type"] = "nominal",
                        ["title"] = "verdict",
                        ["scale"] = new JsonObject { ["domain"] = Strings(StatusDomain), ["range"] = Strings(StatusRange) },
                        ["legend"] = new JsonObject { ["orient"] = "bottom" },
                    },
                    ["tooltip"] = Tooltip(("benchmark", "nominal"), ("change_percent", "quantitative"), ("status", "nominal"), ("p", "nominal")),
                },
            },
            new JsonObject
            {
                ["data"] = new JsonObject { ["values"] = thresholds },
                ["mark"] = new JsonObject { ["type"] = "rule", ["strokeDash"] = new JsonArray(4, 4), ["color"] = "#555555" },
                ["encoding"] = new JsonObject { ["x"] = new JsonObject { ["field"] = "x", ["type"] = "quantitative" } },
            },
        };
        return new ChartSpec(LatestVersusBaseline, "Latest run vs baseline: change of the median", spec);
    }

    private static ChartSpec? HitRateChart(ReportData data)
    {
        var values = new JsonArray();
        foreach (BenchmarkResult result in data.Latest.Benchmarks)
        {
            if (result.Metrics is not null && result.Metrics.TryGetValue(MetricNames.HitRate, out double rate) && double.IsFinite(rate))
            {
                values.Add(new JsonObject
                {
                    ["benchmark"] = result.Id,
                    ["hit_rate"] = rate,
                    ["gate"] = rate >= data.Options.Gate.MinHitRate ? "passes" : "below minimum",
                });
            }
        }

        if (values.Count == 0)
        {
            return null;
        }

        var spec = Base($"Cache hit rate, latest run (minimum {DisplayFormat.Rate(data.Options.Gate.MinHitRate)})", values);
        spec["height"] = new JsonObject { ["step"] = 22 };
        spec["layer"] = new JsonArray
        {
            new JsonObject
            {
                ["mark"] = "bar",
                ["encoding"] = new JsonObject
                {
                    ["y"] = new JsonObject { ["field"] = "benchmark", ["type"] = "nominal", ["title"] = null, ["axis"] = new JsonObject { ["labelLimit"] = 600 } },
                    ["x"] = new JsonObject
                    {
                        ["field"] = "hit_rate",
                        ["type"] = "quantitative",
                        ["title"] = "hit rate",
                        ["scale"] = new JsonObject { ["domain"] = new JsonArray(0, 1) },
                        ["axis"] = new JsonObject { ["format"] = "%" },
                    },
                    ["color"] = new JsonObject
                    {
                        ["field"] = "gate",
                        ["type"] = "nominal",
                        ["title"] = "gate",
                        ["scale"] = new JsonObject { ["domain"] = new JsonArray("passes", "below minimum"), ["range"] = new JsonArray("#2ca02c", "#d62728") },
                        ["legend"] = new JsonObject { ["orient"] = "bottom" },
                    },
                    ["tooltip"] = Tooltip(("benchmark", "nominal"), ("hit_rate", "quantitative")),
                },
            },
            new JsonObject
            {
                ["data"] = new JsonObject { ["values"] = new JsonArray(new JsonObject { ["x"] = data.Options.Gate.MinHitRate }) },
                ["mark"] = new JsonObject { ["type"] = "rule", ["strokeDash"] = new JsonArray(4, 4), ["color"] = "#555555" },
                ["encoding"] = new JsonObject { ["x"] = new JsonObject { ["field"] = "x", ["type"] = "quantitative" } },
            },
        };
        return new ChartSpec(CacheHitRates, "Cache hit rate, latest run", spec);
    }

    private static ChartSpec? AllocationChart(BenchmarkRun latest)
    {
        var values = new JsonArray();
        foreach (BenchmarkResult result in latest.Benchmarks)
        {
            if (result.AllocatedBytesPerOp is double bytes && double.IsFinite(bytes))
            {
                values.Add(new JsonObject { ["benchmark"] = result.Id, ["suite"] = result.Suite, ["bytes"] = bytes });
            }
        }

        if (values.Count == 0)
        {
            return null;
        }

        var spec = Base("Allocated bytes per operation, latest run", values);
        spec["height"] = new JsonObject { ["step"] = 22 };
        spec["mark"] = "bar";
        spec["encoding"] = new JsonObject
        {
            ["y"] = new JsonObject { ["field"] = "benchmark", ["type"] = "nominal", ["title"] = null, ["axis"] = new JsonObject { ["labelLimit"] = 600 } },
            ["x"] = new JsonObject { ["field"] = "bytes", ["type"] = "quantitative", ["title"] = "bytes per operation" },
            ["color"] = new JsonObject { ["field"] = "suite", ["type"] = "nominal", ["legend"] = new JsonObject { ["orient"] = "bottom" } },
            ["tooltip"] = Tooltip(("benchmark", "nominal"), ("bytes", "quantitative")),
        };
        return new ChartSpec(Allocations, "Allocated bytes per operation, latest run", spec);
    }

    private static JsonObject Base(string title, JsonArray values) => new()
    {
        ["$schema"] = Schema,
        ["title"] = title,
        ["width"] = Width,
        ["data"] = new JsonObject { ["values"] = values },
        ["config"] = new JsonObject { ["font"] = "sans-serif", ["background"] = "white" },
    };

    private static JsonArray Tooltip(params (string Field, string Type)[] fields)
    {
        var array = new JsonArray();
        foreach ((string field, string type) in fields)
        {
            array.Add(new JsonObject { ["field"] = field, ["type"] = type });
        }

        return array;
    }

    private static JsonArray Strings(string[] values)
    {
        var array = new JsonArray();
        foreach (string value in values)
        {
            array.Add(value);
        }

        return array;
    }
}
