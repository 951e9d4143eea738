using System.ComponentModel;
using System.Text.Json;

namespace Actinf.Bench.Reports;

/// <summary>
/// The repository's chart tool folder, <see cref="RelativeDirectory"/>: a <c>package.json</c> and
/// <c>package-lock.json</c> pinning vega, vega-lite and vega-embed, and <c>render.mjs</c>. Its
/// <c>node_modules</c> is not committed; <see cref="Prepare"/> installs it with <c>npm ci</c> on demand.
/// </summary>
public static class ReportTools
{
    /// <summary>Where the tools live, relative to the repository root: <c>tools/report</c>.</summary>
    public const string RelativeDirectory = "tools/report";

    /// <summary>Environment variable that points at the tool folder explicitly: <c>ACTINF_REPORT_TOOLS</c>.</summary>
    public const string DirectoryVariable = "ACTINF_REPORT_TOOLS";

    private static readonly (string Package, string File)[] Libraries =
    [
        ("vega", "build/vega.min.js"),
        ("vega-lite", "build/vega-lite.min.js"),
        ("vega-embed", "build/vega-embed.min.js"),
    ];

    /// <summary>
    /// Finds the tool folder: <paramref name="explicitDirectory"/> when given, else <see cref="DirectoryVariable"/>,
    /// else <see cref="RelativeDirectory"/> in the current directory or one of its parents, else in a parent of
    /// the running program.
    /// </summary>
    /// <returns>The folder (it has a package.json), or null.</returns>
    public static string? FindDirectory(string? explicitDirectory = null)
    {
        if (explicitDirectory is not null)
        {
            return File.Exists(Path.Combine(explicitDirectory, "package.json")) ? Path.GetFullPath(explicitDirectory) : null;
        }

        string? fromVariable = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrEmpty(fromVariable))
        {
            return FindDirectory(fromVariable);
        }

        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, RelativeDirectory);
                if (File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Loads the chart libraries, running <c>npm ci</c> first when they are not installed and <paramref name="install"/> allows it.</summary>
    /// <param name="toolsDirectory">The tool folder; null to <see cref="FindDirectory"/>.</param>
    /// <param name="install">Whether to run <c>npm ci</c> (needs npm and the npm registry) when <c>node_modules</c> is missing.</param>
    /// <param name="log">Progress lines (stderr in the CLI).</param>
    /// <returns>The libraries, or the reason they are unavailable; never throws for a missing tool.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    public static ReportToolsState Prepare(string? toolsDirectory, bool install, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        string? directory = FindDirectory(toolsDirectory);
        if (directory is null)
        {
            return new ReportToolsState(null, null, toolsDirectory is null
                ? $"the chart tool folder {RelativeDirectory} was not found (run from the repository, or set {DirectoryVariable})"
                : $"{toolsDirectory} is not a chart tool folder (no package.json)");
        }

        if (!Installed(directory))
        {
            if (!install)
            {
                return new ReportToolsState(directory, null, $"the chart libraries are not installed (run 'npm ci' in {directory})");
            }

            string? npm = ExternalProcess.FindOnPath("npm");
            if (npm is null)
            {
                return new ReportToolsState(directory, null, $"npm is not installed, so the pinned chart libraries in {directory} cannot be installed");
            }

            log.WriteLine($"installing the chart libraries: npm ci in {directory} ...");
            try
            {
                (int code, _, string error) = ExternalProcess.Run(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], directory, TimeSpan.FromMinutes(10));
                if (code != 0 || !Installed(directory))
                {
                    return new ReportToolsState(directory, null, $"npm ci failed in {directory}: {ExternalProcess.LastLine(error)}");
                }
            }
            catch (Win32Exception e)
            {
                return new ReportToolsState(directory, null, $"npm could not be started: {e.Message}");
            }
        }

        try
        {
            string[] code = [.. Libraries.Select(l => File.ReadAllText(Path.Combine(directory, "node_modules", l.Package, l.File)))];
            string versions = string.Join(", ", Libraries.Select(l => $"{l.Package} {Version(directory, l.Package)}"));
            return new ReportToolsState(directory, new ChartAssets(code[0], code[1], code[2], versions), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return new ReportToolsState(directory, null, $"the chart libraries in {directory} could not be read: {e.Message}");
        }
    }

    private static bool Installed(string directory) =>
        Libraries.All(l => File.Exists(Path.Combine(directory, "node_modules", l.Package, l.File)));

    private static string Version(string directory, string package)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "node_modules", package, "package.json")));
        return json.RootElement.TryGetProperty("version", out JsonElement version) ? version.GetString() ?? "?" : "?";
    }
}
