namespace Actinf.Bench.Reports;

/// <summary>The minified Vega, Vega-Lite and Vega-Embed builds that <see cref="HtmlReport"/> inlines, so the page draws its charts offline.</summary>
/// <param name="VegaJs">vega.min.js.</param>
/// <param name="VegaLiteJs">vega-lite.min.js.</param>
/// <param name="VegaEmbedJs">vega-embed.min.js.</param>
/// <param name="Versions">The three versions, e.g. <c>vega 6.4.0, vega-lite 6.4.3, vega-embed 7.3.0</c>.</param>
public sealed record ChartAssets(string VegaJs, string VegaLiteJs, string VegaEmbedJs, string Versions);
