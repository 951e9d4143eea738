using Actinf.Epistemic;
using Actinf.Epistemic.Contracts;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Actinf.Bench.Suites.Epistemic;

/// <summary>
/// Memory per session: 10,000 sessions created in a fresh engine, each fed one question (seed 004 budget:
/// 2 MB per session). With OperationsPerInvoke = 10,000 the Allocated column is bytes allocated per session,
/// an upper bound of what a session retains (it includes the transient results of the belief update).
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project src/Actinf.Bench -- --filter '*SessionMemoryBenchmarks*'</c>.</remarks>
[MemoryDiagnoser]
[BenchmarkCategory("epistemic")]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class SessionMemoryBenchmarks
{
    private const int Sessions = 10_000;
    private float[][] _embeddings = [];

    /// <summary>Precomputes the embeddings.</summary>
    [GlobalSetup]
    public void Setup() => _embeddings = EpistemicWorkload.Embeddings(1536);

    /// <summary>Creates 10,000 sessions with one observation each; returns the estimated bytes of the last one.</summary>
    /// <returns>Session.EstimatedBytes of the last session.</returns>
    [Benchmark(OperationsPerInvoke = Sessions)]
    public long CreateSessionsWithOneObservation()
    {
        using var engine = new ActiveInferenceEngine();
        Guid last = Guid.Empty;
        for (int s = 0; s < Sessions; s++)
        {
            last = engine.CreateSession().SessionId;
            int i = s % _embeddings.Length;
            (string text, string domain) = EpistemicWorkload.Questions[i];
            engine.Observe(new ObserveRequest(last, text, _embeddings[i], Domain: domain));
        }

        return engine.GetSession(last).EstimatedBytes;
    }
}
