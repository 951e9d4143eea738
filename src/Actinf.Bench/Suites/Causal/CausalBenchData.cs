using Actinf.Bench.Workloads;
using Actinf.Causal.Conformance;
using Actinf.Causal.Inference;
using Actinf.Causal.Io;

namespace Actinf.Bench.Suites.Causal;

/// <summary>
/// Finds the causal test data (<c>tests/data/causal</c>: BIF networks and <c>causal-fixtures/1</c> query files)
/// and turns fixture queries into ready-to-run engine inputs for the causal benchmarks.
/// </summary>
/// <remarks>
/// The folder is <see cref="DirectoryVariable"/> when that environment variable is set, otherwise
/// <c>tests/data/causal</c> under the repository root (<see cref="BenchModels.FindRepositoryRoot"/>: the first
/// folder holding <c>Actinf.slnx</c> walking up from the binaries, then from the current directory).
/// BenchmarkDotNet runs each case of a full run from a generated project outside the repository, so
/// <see cref="CausalPerCallConfig"/> resolves the folder in the parent process and hands it to the case's
/// process through <see cref="DirectoryVariable"/>.
/// </remarks>
public static class CausalBenchData
{
    /// <summary>Environment variable that overrides the causal data folder.</summary>
    public const string DirectoryVariable = "ACTINF_CAUSAL_DATA";

    /// <summary>The causal data folder relative to the repository root.</summary>
    public static readonly string RelativeDirectory = Path.Combine("tests", "data", "causal");

    /// <summary>The causal data folder (see the remarks of <see cref="CausalBenchData"/>).</summary>
    /// <exception cref="DirectoryNotFoundException">
    /// <see cref="DirectoryVariable"/> names a missing folder, or no repository root was found.
    /// </exception>
    public static string ResolveDirectory()
    {
        string? overridden = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            string full = Path.GetFullPath(overridden);
            return Directory.Exists(full)
                ? full
                : throw new DirectoryNotFoundException($"{DirectoryVariable} is '{overridden}', which is not a folder. Point it at a folder with networks/*.bif and fixtures/*.json, or unset it to use {RelativeDirectory}.");
        }

        string root = BenchModels.FindRepositoryRoot()
            ?? throw new DirectoryNotFoundException($"No {BenchModels.SolutionFileName} above '{AppContext.BaseDirectory}' or '{Environment.CurrentDirectory}'. Run from inside the repository or set {DirectoryVariable} to the causal data folder.");
        string directory = Path.Combine(root, RelativeDirectory);
        return Directory.Exists(directory)
            ? directory
            : throw new DirectoryNotFoundException($"'{directory}' does not exist. Restore tests/data/causal or set {DirectoryVariable}.");
    }

    /// <summary>Loads a shipped network (<c>networks/NAME.bif</c>) and wraps it in an engine.</summary>
    /// <param name="network">Network name, e.g. <c>alarm</c>.</param>
    /// <param name="reuseOrders">Whether the engine keeps elimination orders across queries of the same structure.</param>
    /// <exception cref="FileNotFoundException">No such network file.</exception>
    public static ExactInference LoadEngine(string network, bool reuseOrders = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(network);
        string path = Path.Combine(ResolveDirectory(), "networks", network + ".bif");
        return File.Exists(path)
            ? new ExactInference(NetworkFile.Load(path), reuseOrders)
            : throw new FileNotFoundException($"No causal network '{network}' at '{path}'.", path);
    }

    /// <summary>The queries of <c>fixtures/NAME.json</c> of the given kinds, in file order, as engine inputs.</summary>
    /// <param name="network">Network name, e.g. <c>alarm</c>.</param>
    /// <param name="kinds">Query kinds to keep (e.g. <see cref="CausalQueryKind.Posterior"/>).</param>
    /// <exception cref="FileNotFoundException">No such fixture file.</exception>
    /// <exception cref="InvalidDataException">The fixture has no query of those kinds.</exception>
    public static IReadOnlyList<PreparedQuery> LoadQueries(string network, params CausalQueryKind[] kinds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(network);
        string path = Path.Combine(ResolveDirectory(), "fixtures", network + ".json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No causal fixture '{network}' at '{path}'.", path);
        }

        CausalFixture fixture = CausalFixture.Load(path);
        PreparedQuery[] queries = [.. fixture.Queries.Where(q => kinds.Contains(q.Kind)).Select(q => new PreparedQuery(q.Id, [.. q.Targets], q.ToClamps(), q))];
        return queries.Length > 0
            ? queries
            : throw new InvalidDataException($"{path} has no query of kind {string.Join(" or ", kinds)}.");
    }
}
