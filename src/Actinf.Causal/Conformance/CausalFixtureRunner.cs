using System.Diagnostics;
using Actinf.Causal.Inference;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Conformance;

/// <summary>
/// Runs <c>causal-fixtures/1</c> files (docs/spec/causal-fixture-format.md) against <see cref="ExactInference"/>:
/// finds and loads the network, checks its SHA-256, answers every query and compares each number with the
/// fixture's tolerances. Problems inside a fixture (a missing network, a bad query, an engine exception)
/// become failures that name the query id and field, never exceptions.
/// </summary>
/// <remarks>
/// <para>Network lookup: each folder of <see cref="CausalFixtureOptions.NetworkDirectories"/> in order, then
/// <c>&lt;fixture folder&gt;/../networks/</c> (the layout of <c>tests/data/causal</c>); the first folder holding
/// the fixture's <c>network</c> file name wins.</para>
/// <para>A <c>network_sha256</c> that does not match the file found is a failure (the fixture certifies that
/// exact file; a different one is most likely the wrong network or a modified copy). The queries still run,
/// so the report also shows whether the numbers agree.</para>
/// <para>Checks per kind: marginals (absolute), <c>evidence_probability</c> (relative), the joint table
/// entrywise (absolute); MPE: the assignment exactly when <c>unique</c>, and always ln W of the returned
/// assignment recomputed here from the CPT entries (surgery and likelihoods applied) against
/// <c>log_probability</c>, plus the engine's log, joint, posterior and evidence probabilities; MAP: the
/// assignment when unique, posterior, joint, log, evidence and runner-up probabilities.</para>
/// </remarks>
public static partial class CausalFixtureRunner
{
    /// <summary>The fixture format this runner reads.</summary>
    public const string Format = CausalFixture.Format;

    /// <summary>Failure messages kept per fixture file (the rest are counted).</summary>
    public const int MaxFailures = 100;

    /// <summary>
    /// Runs one fixture file, looking for its network in <paramref name="networkDirectories"/> in order,
    /// then in <c>&lt;fixture folder&gt;/../networks/</c>.
    /// </summary>
    /// <exception cref="IOException">The fixture file itself cannot be read.</exception>
    public static CausalFixtureResult RunFile(string fixturePath, IReadOnlyList<string> networkDirectories)
    {
        ArgumentNullException.ThrowIfNull(networkDirectories);
        return RunFile(fixturePath, new CausalFixtureOptions { NetworkDirectories = networkDirectories });
    }

    /// <summary>Runs one fixture file with <paramref name="options"/> (network folders, an explicit network file, a shared cache).</summary>
    /// <exception cref="IOException">The fixture file itself cannot be read.</exception>
    public static CausalFixtureResult RunFile(string fixturePath, CausalFixtureOptions options)
    {
        ArgumentNullException.ThrowIfNull(fixturePath);
        ArgumentNullException.ThrowIfNull(options);
        string json = File.ReadAllText(fixturePath);
        string name = Path.GetFileNameWithoutExtension(fixturePath);
        CausalFixture fixture;
        try
        {
            fixture = CausalFixture.Parse(json);
        }
        catch (FormatException e)
        {
            return Failed(name, fixturePath, "?", 0, $"{fixturePath}: {e.Message}");
        }

        return Run(fixture, fixturePath, options);
    }

    /// <summary>Runs a parsed fixture; <paramref name="fixturePath"/> anchors the <c>../networks</c> fallback and names the result.</summary>
    public static CausalFixtureResult Run(CausalFixture fixture, string fixturePath, CausalFixtureOptions options)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(fixturePath);
        ArgumentNullException.ThrowIfNull(options);
        string name = Path.GetFileNameWithoutExtension(fixturePath);
        var comparer = new CausalComparer(fixture.ProbabilityTolerance, fixture.RelativeTolerance, fixture.LogProbabilityTolerance, MaxFailures);

        var clock = Stopwatch.StartNew();
        IReadOnlyList<string> tried = [];
        string? networkPath = options.NetworkFile ?? FindNetwork(fixture.Network, fixturePath, options.NetworkDirectories, out tried);
        if (networkPath is null)
        {
            return Failed(name, fixturePath, fixture.Network, fixture.Queries.Count,
                $"network '{fixture.Network}' not found; looked in: {string.Join(", ", tried)}. Pass the folder holding it (--networks DIR).");
        }

        if (!File.Exists(networkPath))
        {
            return Failed(name, fixturePath, fixture.Network, fixture.Queries.Count, $"network file '{networkPath}' does not exist.");
        }

        CausalNetworkCache cache = options.Cache ?? new CausalNetworkCache();
        ExactInference engine;
        try
        {
            engine = cache.Engine(networkPath);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Failed(name, fixturePath, fixture.Network, fixture.Queries.Count,
                $"cannot load network '{networkPath}': {e.GetType().Name}: {e.Message}");
        }

        if (options.NetworkFile is null && fixture.NetworkSha256 is not null)
        {
            string actual = cache.Sha256(networkPath);
            if (!string.Equals(actual, fixture.NetworkSha256, StringComparison.Ordinal))
            {
                comparer.Fail($"network_sha256: '{networkPath}' has SHA-256 {actual}, the fixture expects {fixture.NetworkSha256} (a different file than the one the fixture was computed on).");
            }
        }

        TimeSpan loadTime = clock.Elapsed;
        var timings = new List<CausalQueryTiming>(fixture.Queries.Count);
        foreach (CausalQuery query in fixture.Queries)
        {
            int before = comparer.FailureCount;
            long start = Stopwatch.GetTimestamp();
            try
            {
                Check(engine, query, comparer);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                comparer.Fail($"{query.Id}: {e.GetType().Name}: {e.Message}");
            }

            timings.Add(new CausalQueryTiming(query.Id, query.Kind, Stopwatch.GetElapsedTime(start), comparer.FailureCount == before));
        }

        return new CausalFixtureResult(
            name,
            fixturePath,
            fixture.Network,
            networkPath,
            fixture.Queries.Count,
            comparer.Compared,
            comparer.MaxAbsError,
            comparer.MaxRelError,
            comparer.MaxLogError,
            comparer.Failures(),
            timings,
            loadTime);
    }

    /// <summary>
    /// Where the runner looks for <paramref name="network"/>: each of <paramref name="networkDirectories"/>
    /// in order, then <c>&lt;fixture folder&gt;/../networks/</c>.
    /// </summary>
    /// <returns>The first existing candidate, or null; <paramref name="candidates"/> lists every path tried.</returns>
    public static string? FindNetwork(string network, string fixturePath, IReadOnlyList<string> networkDirectories, out IReadOnlyList<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(fixturePath);
        ArgumentNullException.ThrowIfNull(networkDirectories);
        var tried = new List<string>(networkDirectories.Count + 1);
        foreach (string directory in networkDirectories)
        {
            tried.Add(Path.Combine(directory, network));
        }

        string fixtureDirectory = Path.GetDirectoryName(Path.GetFullPath(fixturePath)) ?? ".";
        tried.Add(Path.GetFullPath(Path.Combine(fixtureDirectory, "..", "networks", network)));
        candidates = tried;
        foreach (string candidate in tried)
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static CausalFixtureResult Failed(string name, string path, string network, int queries, string failure) =>
        new(name, path, network, null, queries, 0, 0, 0, 0, [failure], [], TimeSpan.Zero);
}
