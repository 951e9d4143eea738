using Actinf.Core.Io;

namespace Actinf.Bench.Workloads;

/// <summary>
/// Finds the benchmark models (<c>tests/data/bench-models/*.json</c>) and loads them with their
/// <c>bench</c> workload.
/// </summary>
/// <remarks>
/// The folder is <see cref="ModelsDirectoryVariable"/> when that environment variable is set, otherwise
/// <c>tests/data/bench-models</c> under the repository root: the first folder holding
/// <see cref="SolutionFileName"/> found walking up from <see cref="AppContext.BaseDirectory"/> (then from the
/// current directory). BenchmarkDotNet runs each case from a generated project under <c>artifacts/</c>, which
/// is why the search walks up instead of trusting the working directory.
/// </remarks>
public static class BenchModels
{
    /// <summary>Environment variable that overrides the folder of benchmark models.</summary>
    public const string ModelsDirectoryVariable = "ACTINF_BENCH_MODELS";

    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFileName = "Actinf.slnx";

    /// <summary>The models folder relative to the repository root.</summary>
    public static readonly string RelativeModelsDirectory = Path.Combine("tests", "data", "bench-models");

    /// <summary>
    /// The repository root: the nearest folder holding <see cref="SolutionFileName"/>, walking up from
    /// <paramref name="start"/>, or when it is null from <see cref="AppContext.BaseDirectory"/> and then the
    /// current directory.
    /// </summary>
    /// <param name="start">Folder to start from; null for the defaults.</param>
    /// <returns>The root folder, or null when no ancestor holds the solution file.</returns>
    public static string? FindRepositoryRoot(string? start = null)
    {
        if (start is not null)
        {
            return WalkUp(start);
        }

        return WalkUp(AppContext.BaseDirectory) ?? WalkUp(Environment.CurrentDirectory);
    }

    /// <summary>The folder of benchmark models (see the remarks of <see cref="BenchModels"/>).</summary>
    /// <exception cref="DirectoryNotFoundException">
    /// <see cref="ModelsDirectoryVariable"/> names a missing folder, or no repository root was found.
    /// </exception>
    public static string ResolveDirectory()
    {
        string? overridden = Environment.GetEnvironmentVariable(ModelsDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            string full = Path.GetFullPath(overridden);
            return Directory.Exists(full)
                ? full
                : throw new DirectoryNotFoundException($"{ModelsDirectoryVariable} is '{overridden}', which is not a folder. Point it at a folder of actinf-model/1 files with a \"bench\" object, or unset it to use {RelativeModelsDirectory}.");
        }

        string? root = FindRepositoryRoot();
        if (root is null)
        {
            throw new DirectoryNotFoundException($"No {SolutionFileName} above '{AppContext.BaseDirectory}' or '{Environment.CurrentDirectory}'. Run from inside the repository or set {ModelsDirectoryVariable} to the folder of benchmark models.");
        }

        string directory = Path.Combine(root, RelativeModelsDirectory);
        return Directory.Exists(directory)
            ? directory
            : throw new DirectoryNotFoundException($"'{directory}' does not exist. Copy the benchmark models there or set {ModelsDirectoryVariable}.");
    }

    /// <summary>Names of the models in a folder (file names without <c>.json</c>), in natural order (grid3x3 before grid15x15).</summary>
    /// <param name="directory">The folder; null for <see cref="ResolveDirectory"/>.</param>
    /// <exception cref="DirectoryNotFoundException">The folder could not be found.</exception>
    public static IReadOnlyList<string> Names(string? directory = null)
    {
        directory ??= ResolveDirectory();
        var names = Directory.EnumerateFiles(directory, "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToList();
        names.Sort(NaturalOrder.Compare);
        return names;
    }

    /// <summary>The path of a named model.</summary>
    /// <param name="name">Model name (file name without <c>.json</c>).</param>
    /// <param name="directory">The folder; null for <see cref="ResolveDirectory"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">No such model in the folder.</exception>
    public static string PathOf(string name, string? directory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        directory ??= ResolveDirectory();
        string path = Path.Combine(directory, name + ".json");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"No benchmark model '{name}' in '{directory}'. Known: {string.Join(", ", Names(directory))}.", path);
    }

    /// <summary>Reads a named model and checks that it has a <c>bench</c> object.</summary>
    /// <param name="name">Model name (file name without <c>.json</c>).</param>
    /// <param name="directory">The folder; null for <see cref="ResolveDirectory"/>.</param>
    /// <exception cref="FileNotFoundException">No such model.</exception>
    /// <exception cref="InvalidDataException">The file has no <c>bench</c> object.</exception>
    public static ModelDocument Load(string name, string? directory = null)
    {
        string path = PathOf(name, directory);
        ModelDocument document = ModelJson.ReadFile(path);
        _ = RequireWorkload(document, path);
        return document;
    }

    /// <summary>The document's <c>bench</c> workload, or a clear error naming the file.</summary>
    /// <param name="document">A model document.</param>
    /// <param name="source">Where it came from (a path), for the message.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="InvalidDataException">The document has no <c>bench</c> object, or it holds no observations.</exception>
    public static BenchWorkload RequireWorkload(ModelDocument document, string source)
    {
        ArgumentNullException.ThrowIfNull(document);
        BenchWorkload workload = document.Bench
            ?? throw new InvalidDataException($"{source} has no \"bench\" object, so there is no workload to replay. Benchmark models (tests/data/bench-models/*.json) carry one: {{\"seed\", \"warmup\", \"iterations\", \"ops\", \"observations\"}}.");
        return workload.Observations.Count == 0
            ? throw new InvalidDataException($"{source}: \"bench\".\"observations\" is empty; it needs warmup + iterations entries.")
            : workload;
    }

    private static string? WalkUp(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
