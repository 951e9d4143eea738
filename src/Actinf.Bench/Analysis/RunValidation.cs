using Actinf.Bench.Results;

namespace Actinf.Bench.Analysis;

/// <summary>Checks that a run can serve as a baseline: every benchmark has usable samples and statistics.</summary>
public static class RunValidation
{
    /// <summary>Lists what is wrong with <paramref name="run"/>; empty when it is a usable baseline.</summary>
    /// <remarks>
    /// Required: at least one benchmark; non-empty, unique ids; at least one sample per benchmark, every sample
    /// finite and positive; a finite, positive median; allocation absent or finite and non-negative; finite
    /// metrics, with <c>hit_rate</c> in [0, 1].
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    public static IReadOnlyList<string> Problems(BenchmarkRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var problems = new List<string>();
        if (run.Benchmarks.Count == 0)
        {
            problems.Add("the run has no benchmarks");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < run.Benchmarks.Count; i++)
        {
            BenchmarkResult b = run.Benchmarks[i];
            string name = string.IsNullOrWhiteSpace(b.Id) ? $"benchmark #{i}" : b.Id;
            if (string.IsNullOrWhiteSpace(b.Id))
            {
                problems.Add($"{name}: empty id");
            }
            else if (!seen.Add(b.Id))
            {
                problems.Add($"{name}: id listed twice");
            }

            if (b.Samples is null || b.Samples.Count == 0)
            {
                problems.Add($"{name}: no samples (the comparison needs the measured times)");
            }
            else if (b.Samples.Any(s => !double.IsFinite(s) || s <= 0.0))
            {
                problems.Add($"{name}: a sample is not a finite positive time");
            }

            if (!double.IsFinite(b.MedianNs) || b.MedianNs <= 0.0)
            {
                problems.Add($"{name}: median_ns {b.MedianNs} is not a finite positive time");
            }

            if (b.AllocatedBytesPerOp is double allocated && (!double.IsFinite(allocated) || allocated < 0.0))
            {
                problems.Add($"{name}: allocated_bytes_per_op {allocated} is negative or not finite");
            }

            foreach ((string key, double value) in b.Metrics ?? new Dictionary<string, double>())
            {
                if (!double.IsFinite(value))
                {
                    problems.Add($"{name}: metric {key} is not finite");
                }
                else if (key == MetricNames.HitRate && value is < 0.0 or > 1.0)
                {
                    problems.Add($"{name}: hit_rate {DisplayFormat.Number(value)} is outside 0..1");
                }
            }
        }

        return problems;
    }
}
