namespace Actinf.Causal.Conformance;

/// <summary>How <see cref="CausalFixtureRunner"/> finds networks and what it shares between fixture files.</summary>
public sealed class CausalFixtureOptions
{
    /// <summary>
    /// Folders searched in order for the fixture's network file name (<c>"alarm.bif"</c>); after them the
    /// runner looks in <c>&lt;fixture folder&gt;/../networks/</c>. Default: none (only the fallback).
    /// </summary>
    public IReadOnlyList<string> NetworkDirectories { get; init; } = [];

    /// <summary>
    /// A network file to use instead of looking up the fixture's <c>network</c> name, e.g. the XMLBIF copy
    /// <c>xmlbif/alarm.xml</c> of <c>alarm.bif</c> (every fixture for <c>&lt;net&gt;.bif</c> applies unchanged to it).
    /// The fixture's <c>network_sha256</c> names the original file, so it is not checked against this one.
    /// Default: null (look the name up).
    /// </summary>
    public string? NetworkFile { get; init; }

    /// <summary>
    /// Networks already loaded, shared by the files of one run so that each network is read once.
    /// Default: null (each <see cref="CausalFixtureRunner.RunFile(string, CausalFixtureOptions)"/> call loads afresh).
    /// </summary>
    public CausalNetworkCache? Cache { get; init; }
}
