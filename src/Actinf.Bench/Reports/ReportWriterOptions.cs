namespace Actinf.Bench.Reports;

/// <summary>How <see cref="ReportWriter.Write"/> finds its helpers; every default suits the CLI.</summary>
public sealed class ReportWriterOptions
{
    /// <summary>The chart tool folder; null (the default) to <see cref="ReportTools.FindDirectory"/>.</summary>
    public string? ToolsDirectory { get; init; }

    /// <summary>Run <c>npm ci</c> in the tool folder when its libraries are missing. Default true.</summary>
    public bool InstallTools { get; init; } = true;

    /// <summary>Render chart images (SVG with node, PNG with Chromium). Default true.</summary>
    public bool RenderImages { get; init; } = true;

    /// <summary>The headless browser for PNGs; null (the default) to <see cref="ChartRenderer.FindChromium"/> when <see cref="FindChromium"/> is true.</summary>
    public string? ChromiumPath { get; init; }

    /// <summary>Look for a Chromium when <see cref="ChromiumPath"/> is null. Default true; false renders SVG only.</summary>
    public bool FindChromium { get; init; } = true;
}
