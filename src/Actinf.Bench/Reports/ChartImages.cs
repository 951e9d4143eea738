namespace Actinf.Bench.Reports;

/// <summary>The chart images a Markdown report can link to.</summary>
/// <param name="Paths">Chart name → path relative to the report (e.g. <c>charts/median-over-time.png</c>).</param>
/// <param name="Notice">Why some or all images are missing, or null when every chart has one.</param>
public sealed record ChartImages(IReadOnlyDictionary<string, string> Paths, string? Notice)
{
    /// <summary>No images, for the given reason.</summary>
    public static ChartImages None(string notice) => new(new Dictionary<string, string>(), notice);
}
