namespace Actinf.Causal.Conformance;

/// <summary>The outcome of running one <c>causal-fixtures/1</c> file against the exact engine.</summary>
/// <param name="Name">Fixture name: the file name without extension.</param>
/// <param name="Path">The fixture file.</param>
/// <param name="Network">The network's file name as the fixture gives it (<c>"alarm.bif"</c>), or <c>"?"</c>.</param>
/// <param name="NetworkPath">The network file actually used, or null when none was found or loaded.</param>
/// <param name="QueryCount">Queries in the file.</param>
/// <param name="Compared">Numbers and assignments compared.</param>
/// <param name="MaxAbsError">Largest |computed - expected| over compared probabilities (marginals, joint,
/// posterior and runner-up probabilities); relative and log comparisons are in the other two maxima.</param>
/// <param name="MaxRelError">Largest relative error of <c>evidence_probability</c> and <c>probability</c>.</param>
/// <param name="MaxLogError">Largest absolute error of <c>log_probability</c> (and of the recomputed ln W of MPE assignments).</param>
/// <param name="Failures">What did not match, each naming the query id, the field, expected and computed
/// values (empty when the fixture passed; at most <see cref="CausalFixtureRunner.MaxFailures"/> entries plus a count of the rest).</param>
/// <param name="Timings">Time per query, in file order (empty when the network could not be loaded).</param>
/// <param name="LoadTime">Time to read (or fetch from the cache) and hash the network.</param>
public sealed record CausalFixtureResult(
    string Name,
    string Path,
    string Network,
    string? NetworkPath,
    int QueryCount,
    long Compared,
    double MaxAbsError,
    double MaxRelError,
    double MaxLogError,
    IReadOnlyList<string> Failures,
    IReadOnlyList<CausalQueryTiming> Timings,
    TimeSpan LoadTime)
{
    /// <summary>Whether every query matched within the fixture's tolerances.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>Network load time plus the time of every query.</summary>
    public TimeSpan TotalTime
    {
        get
        {
            TimeSpan total = LoadTime;
            foreach (CausalQueryTiming t in Timings)
            {
                total += t.Elapsed;
            }

            return total;
        }
    }
}

/// <summary>How long one query took and whether it matched.</summary>
/// <param name="Id">The query id.</param>
/// <param name="Kind">The query kind.</param>
/// <param name="Elapsed">Wall-clock time of the engine call(s) and the comparisons.</param>
/// <param name="Passed">Whether the query matched.</param>
public sealed record CausalQueryTiming(string Id, CausalQueryKind Kind, TimeSpan Elapsed, bool Passed);
