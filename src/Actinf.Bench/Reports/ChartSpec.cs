using System.Text.Json.Nodes;

namespace Actinf.Bench.Reports;

/// <summary>One chart of a report: a Vega-Lite specification with its data inlined.</summary>
/// <param name="Name">File-name-safe identifier, e.g. <c>median-over-time</c> (the PNG is <c>charts/{Name}.png</c>).</param>
/// <param name="Title">Human title, used as the image's alt text.</param>
/// <param name="Spec">The Vega-Lite v6 specification.</param>
public sealed record ChartSpec(string Name, string Title, JsonObject Spec);
