using System.Diagnostics;
using System.Diagnostics.Metrics;
using Actinf.Epistemic;
using Actinf.Epistemic.Contracts;
using Actinf.Server.Sessions;

namespace Actinf.Server.Telemetry;

/// <summary>
/// The server's instruments (System.Diagnostics.Metrics, meter <see cref="MeterName"/>): tool calls and their
/// latency, loaded sessions, open MCP-over-HTTP sessions, and the epistemic engine's own counters. Any
/// OpenTelemetry or <c>dotnet-counters</c> listener can read them; <c>/metrics</c> serves them in Prometheus text.
/// </summary>
public sealed class ServerMetrics
{
    /// <summary>The meter's name, for listeners (<c>dotnet-counters monitor --counters Actinf.Server</c>).</summary>
    public const string MeterName = "Actinf.Server";

    private readonly Meter _meter;
    private readonly Counter<long> _toolCalls;
    private readonly Histogram<double> _toolDuration;
    private int _httpSessions;

    /// <summary>Creates the instruments; the observable ones read <paramref name="registry"/> and <paramref name="engine"/> when collected.</summary>
    /// <param name="meterFactory">The host's meter factory (the meter is disposed with the host). Listeners find meters by name, process-wide: two servers in one process share the counts of <c>/metrics</c>.</param>
    /// <param name="registry">The session registry (loaded sessions).</param>
    /// <param name="engine">The engine (belief updates, EFE evaluations and cache, actions, feedback, timeouts).</param>
    public ServerMetrics(IMeterFactory meterFactory, SessionRegistry registry, ActiveInferenceEngine engine)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(engine);
        _meter = meterFactory.Create(new MeterOptions(MeterName) { Version = typeof(ServerMetrics).Assembly.GetName().Version?.ToString(3) });
        _toolCalls = _meter.CreateCounter<long>("actinf.tool.calls", "{call}", "Tool calls answered, by tool and outcome (ok, or the JSON-RPC error code).");
        _toolDuration = _meter.CreateHistogram<double>(
            "actinf.tool.duration",
            "s",
            "Server time of a tool call, from the arguments to the reply (session load and durable save included).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        _meter.CreateObservableGauge("actinf.sessions.loaded", () => registry.LoadedCount, "{session}", "Epistemic sessions held in memory (the rest stay in the store).");
        _meter.CreateObservableUpDownCounter("actinf.http.sessions", () => Volatile.Read(ref _httpSessions), "{session}", "Open MCP sessions of the Streamable HTTP transport.");
        _meter.CreateObservableCounter("actinf.engine.belief_updates", () => engine.GetMetrics().BeliefUpdates, "{update}", "Belief updates performed by the epistemic engine.");
        _meter.CreateObservableCounter("actinf.engine.efe_evaluations", () => engine.GetMetrics().EfeEvaluations, "{evaluation}", "Policy evaluations (expected free energy), cache hits included.");
        _meter.CreateObservableCounter("actinf.engine.efe_cache_hits", () => engine.GetMetrics().EfeCacheHits, "{hit}", "Policy evaluations answered by the EFE cache.");
        _meter.CreateObservableCounter("actinf.engine.actions_generated", () => engine.GetMetrics().ActionsGenerated, "{action}", "Epistemic actions returned to clients.");
        _meter.CreateObservableCounter("actinf.engine.actions_rated", () => engine.GetMetrics().ActionsRated, "{rating}", "Feedback ratings received.");
        _meter.CreateObservableCounter("actinf.engine.actions_helpful", () => engine.GetMetrics().ActionsHelpful, "{rating}", "Feedback ratings that said helpful.");
        _meter.CreateObservableCounter("actinf.engine.timeouts", () => engine.GetMetrics().Timeouts, "{operation}", "Operations that overran their budget and returned a marked partial result.");
        _meter.CreateObservableGauge("actinf.engine.helpful_rate", () => HelpfulRate(engine.GetMetrics()), "1", "Helpful ratings / ratings (seed 004 target: over 0.7); 0 before the first rating.");
    }

    /// <summary>Records one answered tool call.</summary>
    /// <param name="tool">The tool's name.</param>
    /// <param name="outcome">"ok", or the JSON-RPC error code as text.</param>
    /// <param name="elapsed">Server time of the call.</param>
    public void RecordToolCall(string tool, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "tool", tool }, { "outcome", outcome } };
        _toolCalls.Add(1, tags);
        _toolDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("tool", tool));
    }

    /// <summary>Counts an MCP HTTP session opened (+1) or closed (−1).</summary>
    /// <param name="delta">+1 or −1.</param>
    public void AddHttpSessions(int delta) => Interlocked.Add(ref _httpSessions, delta);

    private static double HelpfulRate(EngineMetrics m) => m.ActionsRated == 0 ? 0 : m.HelpfulRate;
}
