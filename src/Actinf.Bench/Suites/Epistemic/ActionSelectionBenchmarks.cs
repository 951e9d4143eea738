using Actinf.Epistemic;
using Actinf.Epistemic.Actions;
using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Contracts;
using Actinf.Epistemic.Sessions;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Epistemic;

/// <summary>
/// Action generation and end-to-end action selection on a session that has seen the workload's questions
/// (seed 004 budgets 5 ms and 20 ms).
/// </summary>
/// <remarks>
/// <para>The clock moves past the 60 s cooldown before each call, so every call sees the same rate limiter.
/// <see cref="GenerateActions"/> runs the action generator with the EFE cache warm (gap identification,
/// candidates, ranking, wording; the plan evaluation is a cache hit). <see cref="SelectActionsEndToEnd"/> is
/// the engine's <c>SelectActions</c> with the cache disabled: gaps, depth-5 planning, wording, response.
/// <see cref="ObserveAndSelect"/> adds the belief update of a new question before the selection.</para>
/// <para>Run: <c>dotnet run -c Release --project src/Actinf.Bench -- --filter '*ActionSelectionBenchmarks*'</c>.</para>
/// </remarks>
[MemoryDiagnoser]
[BenchmarkCategory("epistemic")]
public class ActionSelectionBenchmarks : IDisposable
{
    private readonly SteppingClock _clock = new();
    private ActiveInferenceEngine? _cachedEngine;
    private ActiveInferenceEngine? _coldEngine;
    private EpistemicActionGenerator? _generator;
    private Session? _session;
    private Guid _coldSession;
    private float[][] _embeddings = [];
    private int _cursor;

    /// <summary>Builds two engines (EFE cache on and off) with one session each, fed the workload's questions.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _cachedEngine = new ActiveInferenceEngine(timeProvider: _clock);
        _coldEngine = new ActiveInferenceEngine(new EngineOptions { PolicyEvaluator = new() { CacheBytes = 0 } }, timeProvider: _clock);
        Guid cached = _cachedEngine.CreateSession().SessionId;
        _coldSession = _coldEngine.CreateSession().SessionId;
        _embeddings = EpistemicWorkload.Embeddings(1536);
        for (int i = 0; i < 3; i++)
        {
            (string text, string domain) = EpistemicWorkload.Questions[i];
            _cachedEngine.Observe(new ObserveRequest(cached, text, _embeddings[i], Domain: domain));
            _coldEngine.Observe(new ObserveRequest(_coldSession, text, _embeddings[i], Domain: domain));
        }

        _session = _cachedEngine.Find(cached);
        _generator = new EpistemicActionGenerator(_cachedEngine.Options, _cachedEngine.Evaluator, _cachedEngine.RevealModel, _clock);
        GenerateActions();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Cleanup();
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the engines.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _cachedEngine?.Dispose();
        _coldEngine?.Dispose();
    }

    /// <summary>The action generator on a session (forced, at most 3 actions; plan evaluation from the cache).</summary>
    /// <returns>Actions generated.</returns>
    [Benchmark]
    public int GenerateActions()
    {
        _clock.Advance(TimeSpan.FromSeconds(61));
        return _generator!.Generate(_session!, 3, 0.3f, force: true, TimeSpan.FromSeconds(1)).Actions.Count;
    }

    /// <summary>The engine's SelectActions (forced) without the EFE cache: the whole critical path.</summary>
    /// <returns>Actions returned.</returns>
    [Benchmark(Baseline = true)]
    public int SelectActionsEndToEnd()
    {
        _clock.Advance(TimeSpan.FromSeconds(61));
        return _coldEngine!.SelectActions(new EpistemicActionRequest(_coldSession, Force: true)).Actions.Count;
    }

    /// <summary>A new question (belief update) followed by SelectActions without the cache.</summary>
    /// <returns>Actions returned.</returns>
    [Benchmark]
    public int ObserveAndSelect()
    {
        _clock.Advance(TimeSpan.FromSeconds(61));
        int i = _cursor;
        _cursor = (_cursor + 1) % _embeddings.Length;
        (string text, string domain) = EpistemicWorkload.Questions[i];
        _coldEngine!.Observe(new ObserveRequest(_coldSession, text, _embeddings[i], Domain: domain));
        return _coldEngine.SelectActions(new EpistemicActionRequest(_coldSession, Force: true)).Actions.Count;
    }
}
