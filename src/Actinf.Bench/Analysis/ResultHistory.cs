using Actinf.Bench.Results;

namespace Actinf.Bench.Analysis;

/// <summary>
/// The result files of a folder (default <see cref="DefaultDirectory"/>), oldest first: the history that
/// <c>bench gate</c> takes its newest run from and <c>bench report</c> charts.
/// </summary>
/// <remarks>
/// Only the folder's own <c>*.json</c> files are read (not subfolders such as <c>report/</c>), and
/// <see cref="BaselineFileName"/> is skipped: a baseline is a copy of a run already in the history. Files that
/// are not result files are listed in <see cref="Skipped"/> instead of failing the whole history, and a run id
/// seen twice is kept once (the first path in ordinal order). Runs are ordered by <see cref="BenchmarkRun.UtcTime"/>, then path.
/// </remarks>
public sealed class ResultHistory
{
    /// <summary>The results folder used when none is given: <c>bench-results</c> (relative to the current directory).</summary>
    public const string DefaultDirectory = "bench-results";

    /// <summary>File name of the baseline inside the results folder: <c>baseline.json</c>.</summary>
    public const string BaselineFileName = "baseline.json";

    private ResultHistory(string directory, IReadOnlyList<HistoryEntry> runs, IReadOnlyList<string> skipped)
    {
        Directory = directory;
        Runs = runs;
        Skipped = skipped;
    }

    /// <summary>The folder that was read.</summary>
    public string Directory { get; }

    /// <summary>Every result file, oldest first.</summary>
    public IReadOnlyList<HistoryEntry> Runs { get; }

    /// <summary>Files that were skipped, each as "path: reason".</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>The newest run, or null when the folder has none.</summary>
    public HistoryEntry? Latest => Runs.Count > 0 ? Runs[^1] : null;

    /// <summary>The default baseline path of a results folder: <paramref name="directory"/>/<see cref="BaselineFileName"/>.</summary>
    public static string DefaultBaselinePath(string directory = DefaultDirectory) => Path.Combine(directory, BaselineFileName);

    /// <summary>Reads every result file in <paramref name="directory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    public static ResultHistory Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{directory}: no such results folder; run 'actinf bench run' first or pass --history DIR.");
        }

        var runs = new List<HistoryEntry>();
        var skipped = new List<string>();
        var runIds = new HashSet<string>(StringComparer.Ordinal);
        string[] files = System.IO.Directory.GetFiles(directory, "*.json", SearchOption.TopDirectoryOnly);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (string path in files)
        {
            if (string.Equals(Path.GetFileName(path), BaselineFileName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            BenchmarkRun run;
            try
            {
                run = BenchmarkRunJson.ReadFile(path);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                skipped.Add($"{path}: {e.Message}");
                continue;
            }

            if (!runIds.Add(run.RunId))
            {
                skipped.Add($"{path}: run {run.RunId} already read from another file");
                continue;
            }

            runs.Add(new HistoryEntry(path, run));
        }

        HistoryEntry[] ordered = [.. runs.OrderBy(r => r.Run.UtcTime).ThenBy(r => r.Path, StringComparer.Ordinal)];
        return new ResultHistory(directory, ordered, skipped);
    }
}
