using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actinf.Bench.Reports;

/// <summary>
/// Renders the report's charts to files with the tool folder's <c>render.mjs</c>: SVG through Vega's
/// headless renderer (needs node), and PNG through a screenshot by a headless Chromium when one is found.
/// </summary>
public static class ChartRenderer
{
    /// <summary>Environment variable naming the Chromium (or Chrome) executable: <c>ACTINF_CHROMIUM</c>.</summary>
    public const string ChromiumVariable = "ACTINF_CHROMIUM";

    private static readonly string[] ChromiumNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>
    /// The headless browser to screenshot with: <see cref="ChromiumVariable"/> when set, else the first of
    /// chromium, chromium-browser, google-chrome and google-chrome-stable on the PATH; null when there is none.
    /// </summary>
    public static string? FindChromium()
    {
        string? fromVariable = Environment.GetEnvironmentVariable(ChromiumVariable);
        if (!string.IsNullOrEmpty(fromVariable))
        {
            return File.Exists(fromVariable) ? fromVariable : ExternalProcess.FindOnPath(fromVariable);
        }

        return ChromiumNames.Select(ExternalProcess.FindOnPath).FirstOrDefault(p => p is not null);
    }

    /// <summary>Renders every chart into <paramref name="chartsDirectory"/>.</summary>
    /// <param name="charts">The charts.</param>
    /// <param name="toolsDirectory">The prepared tool folder (with node_modules).</param>
    /// <param name="chartsDirectory">Where <c>{name}.svg</c> and <c>{name}.png</c> go; created if needed.</param>
    /// <param name="relativePrefix">How the report refers to that folder, e.g. <c>charts</c>.</param>
    /// <param name="chromium">The browser for PNGs, or null for SVG only.</param>
    /// <returns>
    /// Per chart the PNG, or the SVG when there is no PNG, as a path starting with <paramref name="relativePrefix"/>;
    /// and a notice when PNGs are missing. Never throws for a missing program.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="chromium"/> is null.</exception>
    public static ChartImages Render(IReadOnlyList<ChartSpec> charts, string toolsDirectory, string chartsDirectory, string relativePrefix, string? chromium)
    {
        ArgumentNullException.ThrowIfNull(charts);
        ArgumentNullException.ThrowIfNull(toolsDirectory);
        ArgumentNullException.ThrowIfNull(chartsDirectory);
        ArgumentNullException.ThrowIfNull(relativePrefix);
        if (charts.Count == 0)
        {
            return new ChartImages(new Dictionary<string, string>(), null);
        }

        string? node = ExternalProcess.FindOnPath("node");
        if (node is null)
        {
            return ChartImages.None("Chart images not rendered: node is not installed (the HTML report still draws the charts).");
        }

        Directory.CreateDirectory(chartsDirectory);
        foreach (ChartSpec chart in charts)
        {
            File.Delete(Path.Combine(chartsDirectory, chart.Name + ".png"));
            File.Delete(Path.Combine(chartsDirectory, chart.Name + ".svg"));
        }

        var specs = new JsonObject();
        foreach (ChartSpec chart in charts)
        {
            specs[chart.Name] = chart.Spec.DeepClone();
        }

        string specsPath = Path.Combine(Path.GetTempPath(), $"actinf-charts-{Guid.NewGuid():N}.json");
        File.WriteAllText(specsPath, specs.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        string? failure = null;
        try
        {
            string[] arguments = chromium is null
                ? [Path.Combine(toolsDirectory, "render.mjs"), specsPath, Path.GetFullPath(chartsDirectory)]
                : [Path.Combine(toolsDirectory, "render.mjs"), specsPath, Path.GetFullPath(chartsDirectory), chromium];
            (int code, _, string error) = ExternalProcess.Run(node, arguments, toolsDirectory, TimeSpan.FromMinutes(5));
            if (code != 0)
            {
                failure = $"render.mjs failed: {ExternalProcess.LastLine(error)}";
            }
        }
        catch (Win32Exception e)
        {
            failure = $"node could not be started: {e.Message}";
        }
        finally
        {
            File.Delete(specsPath);
        }

        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        bool allPng = true;
        foreach (ChartSpec chart in charts)
        {
            if (File.Exists(Path.Combine(chartsDirectory, chart.Name + ".png")))
            {
                paths[chart.Name] = $"{relativePrefix}/{chart.Name}.png";
            }
            else
            {
                allPng = false;
                if (File.Exists(Path.Combine(chartsDirectory, chart.Name + ".svg")))
                {
                    paths[chart.Name] = $"{relativePrefix}/{chart.Name}.svg";
                }
            }
        }

        string? notice = failure is not null ? $"Chart images incomplete: {failure} (the HTML report still draws the charts)."
            : chromium is null ? $"PNG charts not rendered: no headless Chromium found (install the Debian package chromium, or set {ChromiumVariable}); SVG versions are linked instead."
            : !allPng ? "Some PNG charts are missing: Chromium produced no screenshot; SVG versions are linked where available."
            : null;
        return new ChartImages(paths, notice);
    }
}
