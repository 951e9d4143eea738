using System.Globalization;
using System.Net;
using Actinf.Server.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace Actinf.Server.Tests.Http;

/// <summary>
/// Tests that read <c>/metrics</c>. The meter is looked up by name, process-wide, so the servers of other tests
/// running at the same time would add their calls to the counts: these tests run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMeters
{
    public const string Name = "process-wide meters";
}

[Collection(ProcessWideMeters.Name)]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_CountEveryToolCallByOutcome_InPrometheusText()
    {
        await using HttpPair http = await HttpPair.StartAsync();
        await using McpClient client = await http.ConnectAsync();
        Guid id = (await HttpPair.CallAsync(client, "session_create")).GetProperty("session_id").GetGuid();
        for (int i = 0; i < 3; i++)
        {
            await HttpPair.CallAsync(client, "observe", new() { ["session_id"] = id, ["text"] = $"message number {i}" });
        }

        await Assert.ThrowsAsync<McpProtocolException>(async () => await client.CallToolAsync("observe", new Dictionary<string, object?> { ["session_id"] = Guid.NewGuid(), ["text"] = "x" }));

        using HttpResponseMessage response = await http.Http.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        string text = await response.Content.ReadAsStringAsync();
        Assert.Equal(3, Sample(text, "actinf_tool_calls_total", "tool=\"observe\"", "outcome=\"ok\""));
        Assert.Equal(1, Sample(text, "actinf_tool_calls_total", "tool=\"observe\"", "outcome=\"-32000\""));
        Assert.Equal(1, Sample(text, "actinf_tool_calls_total", "tool=\"session_create\"", "outcome=\"ok\""));
        Assert.Equal(4, Sample(text, "actinf_tool_duration_seconds_count", "tool=\"observe\""));
        Assert.Equal(3, Sample(text, "actinf_engine_belief_updates_total"));
        Assert.Equal(1, Sample(text, "actinf_http_sessions"));
    }

    [Fact]
    public async Task Metrics_IncludeTheRuntimesAllocationAndCollections()
    {
        await using HttpPair http = await HttpPair.StartAsync();
        string before = await http.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        _ = new byte[1 << 20]; // a megabyte the counter must see
        string after = await http.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        double allocated = Sample(after, "dotnet_gc_heap_total_allocated_bytes_total") - Sample(before, "dotnet_gc_heap_total_allocated_bytes_total");
        Assert.True(allocated >= 1 << 20, $"allocated between the scrapes: {allocated} bytes");
        Assert.True(Sample(after, "dotnet_gc_pause_time_seconds_total") >= 0);
        Assert.Contains("dotnet_gc_collections_total{", after, StringComparison.Ordinal);
    }

    /// <summary>The value of the one sample of <paramref name="metric"/> whose labels contain every one of <paramref name="labels"/>.</summary>
    private static double Sample(string prometheusText, string metric, params string[] labels)
    {
        double? found = null;
        foreach (string line in prometheusText.Split('\n'))
        {
            if (line.StartsWith('#') || !(line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal)))
            {
                continue;
            }

            if (labels.All(l => line.Contains(l, StringComparison.Ordinal)))
            {
                Assert.Null(found);
                string[] parts = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ');
                found = double.Parse(parts[0], CultureInfo.InvariantCulture);
            }
        }

        Assert.True(found.HasValue, $"no sample {metric} with {string.Join(", ", labels)} in:\n{prometheusText}");
        return found.Value;
    }
}
