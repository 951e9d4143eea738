namespace Actinf.Core.Conformance;

/// <summary>The outcome of running one reference fixture.</summary>
/// <param name="Name">Fixture name (its <c>name</c> key, else the file name).</param>
/// <param name="Path">File the fixture was read from.</param>
/// <param name="Kind"><c>agent</c> or <c>component</c> (or another format's kind).</param>
/// <param name="Source">Whose numbers the expectations are (<c>pymdp</c>, <c>spm</c>, ...).</param>
/// <param name="Count">Steps (agent) or cases (component) run.</param>
/// <param name="Compared">Numbers compared.</param>
/// <param name="MaxAbsError">Largest |computed - expected| over every compared number.</param>
/// <param name="Failures">What did not match (empty when the fixture passed), at most 20 entries.</param>
public sealed record FixtureResult(
    string Name,
    string Path,
    string Kind,
    string Source,
    int Count,
    long Compared,
    double MaxAbsError,
    IReadOnlyList<string> Failures)
{
    /// <summary>Whether every comparison held within the fixture's tolerance.</summary>
    public bool Passed => Failures.Count == 0;
}
