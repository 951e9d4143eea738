namespace Actinf.Bench.Reports;

/// <summary>What <see cref="ReportTools.Prepare"/> found: the chart libraries, or why they are missing.</summary>
/// <param name="Directory">The tool folder (<c>tools/report</c>), or null when none was found.</param>
/// <param name="Assets">The libraries to inline, or null.</param>
/// <param name="Problem">Why <paramref name="Assets"/> is null; null when they loaded.</param>
public sealed record ReportToolsState(string? Directory, ChartAssets? Assets, string? Problem);
