using Actinf.Bench.Results;

namespace Actinf.Bench.Analysis;

/// <summary>Makes a result file the baseline that later runs are gated against.</summary>
public static class BaselinePromotion
{
    /// <summary>Validates <paramref name="source"/> and copies it, byte for byte, to <paramref name="destination"/>.</summary>
    /// <param name="source">A result file (schema <c>actinf-bench-run/1</c>).</param>
    /// <param name="destination">The baseline path, e.g. <c>bench-results/baseline.json</c>; its folder is created and an existing file replaced.</param>
    /// <returns>The promoted run.</returns>
    /// <exception cref="FormatException">The file is not a result file, or fails <see cref="RunValidation.Problems"/> (the message lists every problem).</exception>
    /// <exception cref="FileNotFoundException"><paramref name="source"/> does not exist.</exception>
    /// <exception cref="ArgumentNullException">A path is null.</exception>
    public static BenchmarkRun Promote(string source, string destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);

        BenchmarkRun run = BenchmarkRunJson.ReadFile(source);
        IReadOnlyList<string> problems = RunValidation.Problems(run);
        if (problems.Count > 0)
        {
            throw new FormatException($"{source} cannot be a baseline: {string.Join("; ", problems)}.");
        }

        string from = Path.GetFullPath(source);
        string to = Path.GetFullPath(destination);
        if (!string.Equals(from, to, StringComparison.Ordinal))
        {
            string? folder = Path.GetDirectoryName(to);
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            File.Copy(from, to, overwrite: true);
        }

        return run;
    }
}
