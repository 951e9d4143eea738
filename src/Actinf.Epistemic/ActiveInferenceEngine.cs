using System.Buffers;
using System.Collections.Concurrent;
using Actinf.Epistemic.Actions;
using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Contracts;
using Actinf.Epistemic.Errors;
using Actinf.Epistemic.Inference;
using Actinf.Epistemic.Learning;
using Actinf.Epistemic.Model;
using Actinf.Epistemic.Observations;
using Actinf.Epistemic.Planning;
using Actinf.Epistemic.Sessions;
using Microsoft.Extensions.AI;

namespace Actinf.Epistemic;

/// <summary>
/// The epistemic engine (seed 004 REQ-ACTINF-001): sessions of beliefs over an embedding space, a shared
/// hierarchical generative model, variational belief updates, expected-free-energy planning and epistemic
/// actions learned from feedback. Inputs and outputs are plain records (see <see cref="Contracts"/>) so an
/// MCP server can expose them directly.
/// </summary>
/// <remarks>
/// Thread-safe: sessions live in a concurrent dictionary and every operation on a session holds that
/// session's lock; the model, the EFE cache and the reveal model have their own locks. Failed operations
/// leave the session unchanged. Time (timestamps, rate limits, feedback decay, budgets) comes from the
/// injected <see cref="TimeProvider"/>.
/// </remarks>
public sealed partial class ActiveInferenceEngine : IDisposable
{
    private readonly ConcurrentDictionary<Guid, Session> _sessions = new();
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly HashedNgramEmbeddingGenerator? _builtIn;
    private readonly TimeProvider _time;
    private readonly EpistemicActionGenerator _generator;
    private readonly object _metricsGate = new();
    private long _beliefUpdates;
    private double _beliefLatencyUs;
    private double _efeLatencyUs;
    private long _actionsGenerated;
    private double _uncertaintyReduction;
    private long _timeouts;

    /// <summary>Creates an engine.</summary>
    /// <param name="options">Configuration (null: the seed 004 defaults); validated here.</param>
    /// <param name="embeddingGenerator">Embeds texts without an embedding (null: the built-in <see cref="HashedNgramEmbeddingGenerator"/> of dimension d_0).</param>
    /// <param name="timeProvider">Clock (null: <see cref="TimeProvider.System"/>).</param>
    /// <exception cref="ActiveInferenceException"><see cref="ErrorKind.ConfigurationError"/> naming the invalid setting.</exception>
    public ActiveInferenceEngine(EngineOptions? options = null, IEmbeddingGenerator<string, Embedding<float>>? embeddingGenerator = null, TimeProvider? timeProvider = null)
    {
        Options = options ?? new EngineOptions();
        Options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        Model = new HierarchicalGenerativeModel(Options.Model);
        Updater = new BeliefUpdater(Options.BeliefUpdater);
        Cache = new EfeCache(Options.PolicyEvaluator.CacheBytes);
        Evaluator = new PolicyEvaluator(Options.PolicyEvaluator, Cache);
        RevealModel = new ActionRevealModel(Options.Learning, _time);
        _generator = new EpistemicActionGenerator(Options, Evaluator, RevealModel, _time);
        if (embeddingGenerator is null)
        {
            _builtIn = new HashedNgramEmbeddingGenerator(Model.ObservationDimension);
            _embeddings = _builtIn;
        }
        else
        {
            _embeddings = embeddingGenerator;
            _builtIn = embeddingGenerator as HashedNgramEmbeddingGenerator;
        }
    }

    /// <summary>The validated configuration.</summary>
    public EngineOptions Options { get; }

    /// <summary>The shared generative model.</summary>
    public HierarchicalGenerativeModel Model { get; }

    /// <summary>The belief updater.</summary>
    public BeliefUpdater Updater { get; }

    /// <summary>The policy evaluator.</summary>
    public PolicyEvaluator Evaluator { get; }

    /// <summary>The EFE cache.</summary>
    public EfeCache Cache { get; }

    /// <summary>The learned reveal precisions.</summary>
    public ActionRevealModel RevealModel { get; }

    /// <summary>Ids of the live sessions.</summary>
    public IReadOnlyCollection<Guid> SessionIds => [.. _sessions.Keys];

    /// <summary>Creates a session with prior beliefs.</summary>
    /// <param name="sessionId">Id to use (null: a new version-7 GUID from the clock).</param>
    /// <returns>The session's id and creation time.</returns>
    /// <exception cref="ActiveInferenceException"><see cref="ErrorKind.Internal"/> when the id is already in use.</exception>
    public SessionInfo CreateSession(Guid? sessionId = null)
    {
        DateTimeOffset now = _time.GetUtcNow();
        Guid id = sessionId ?? Guid.CreateVersion7(now);
        var session = new Session(id, Options, now);
        if (!_sessions.TryAdd(id, session))
        {
            throw new ActiveInferenceException(ErrorKind.Internal, $"Session {id} already exists.");
        }

        return new SessionInfo(id, now);
    }

    /// <summary>Removes a session.</summary>
    /// <param name="sessionId">The id.</param>
    /// <returns>Whether it existed.</returns>
    public bool RemoveSession(Guid sessionId) => _sessions.TryRemove(sessionId, out _);

    /// <summary>A summary of a session.</summary>
    /// <param name="sessionId">The id.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ActiveInferenceException"><see cref="ErrorKind.SessionNotFound"/>.</exception>
    public SessionSnapshot GetSession(Guid sessionId)
    {
        Session s = Find(sessionId);
        lock (s.Gate)
        {
            float p0 = Options.Model.LayerPrecisions[0];
            return new SessionSnapshot(
                s.Id,
                s.Beliefs.Belief.ObservationCount,
                s.Uncertainty,
                s.Beliefs.Belief.Entropy,
                1f - s.Uncertainty,
                s.Coherence,
                s.Quadrant,
                s.Beliefs.FreeEnergy,
                s.Domains.Values.ToDictionary(d => d.Name, d => d.Uncertainty(p0), StringComparer.Ordinal),
                s.EstimatedBytes);
        }
    }

    /// <summary>
    /// Incorporates an observation. Without an embedding the text is embedded by the built-in generator
    /// (a custom generator requires <see cref="ObserveAsync"/>).
    /// </summary>
    /// <param name="request">The observation.</param>
    /// <returns>The belief update's outcome.</returns>
    /// <exception cref="ActiveInferenceException">
    /// SessionNotFound; BeliefUpdateFailed (wrong dimension); NumericalInstability (NaN, infinity, zero vector). The session is unchanged on failure.
    /// </exception>
    /// <exception cref="InvalidOperationException">No embedding and a custom (asynchronous) generator is configured.</exception>
    public ObserveResult Observe(ObserveRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Embedding is { } given)
        {
            return ObserveEmbedding(request, given.Span);
        }

        if (_builtIn is null)
        {
            throw new InvalidOperationException("A custom embedding generator is configured; call ObserveAsync for text without an embedding.");
        }

        var vector = new float[_builtIn.Dimensions];
        _builtIn.Embed(request.Text ?? string.Empty, vector);
        return ObserveEmbedding(request, vector);
    }

    /// <summary>Incorporates an observation, embedding its text with the configured generator when needed.</summary>
    /// <param name="request">The observation.</param>
    /// <param name="cancellationToken">Cancels the embedding call.</param>
    /// <returns>The belief update's outcome.</returns>
    /// <exception cref="ActiveInferenceException">As <see cref="Observe"/>.</exception>
    public async Task<ObserveResult> ObserveAsync(ObserveRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Embedding is not null)
        {
            return Observe(request);
        }

        Find(request.SessionId);
        GeneratedEmbeddings<Embedding<float>> generated = await _embeddings.GenerateAsync([request.Text ?? string.Empty], null, cancellationToken).ConfigureAwait(false);
        if (generated.Count != 1)
        {
            throw new ActiveInferenceException(ErrorKind.BeliefUpdateFailed, $"The embedding generator returned {generated.Count} embeddings for one text.");
        }

        return ObserveEmbedding(request, generated[0].Vector.Span);
    }

    /// <summary>Sets the session's goals (replacing previous ones); texts without embeddings use the built-in generator.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="goals">The goals (weights &gt; 0).</param>
    /// <exception cref="ActiveInferenceException">SessionNotFound; NumericalInstability / BeliefUpdateFailed for bad embeddings; ConfigurationError for a non-positive weight.</exception>
    /// <exception cref="InvalidOperationException">A goal without embedding and a custom generator.</exception>
    public void SetGoals(Guid sessionId, IReadOnlyList<GoalInput> goals)
    {
        ArgumentNullException.ThrowIfNull(goals);
        Session s = Find(sessionId);
        int d0 = Model.ObservationDimension;
        var prepared = new List<GoalPreference>(goals.Count);
        foreach (GoalInput g in goals)
        {
            if (!(g.Weight > 0) || !float.IsFinite(g.Weight))
            {
                throw new ActiveInferenceException(ErrorKind.ConfigurationError, $"Goal weight {g.Weight} of \"{g.Description}\" must be finite and positive.");
            }

            float[] raw;
            if (g.Embedding is { } e)
            {
                raw = e.ToArray();
            }
            else
            {
                if (_builtIn is null)
                {
                    throw new InvalidOperationException("A custom embedding generator is configured; give goals an embedding.");
                }

                raw = new float[d0];
                _builtIn.Embed(g.Description ?? string.Empty, raw);
            }

            var scaled = new float[d0];
            EmbeddingScaling.ToModelUnits(raw, scaled);
            prepared.Add(new GoalPreference(scaled, g.Weight, g.Description ?? string.Empty));
        }

        lock (s.Gate)
        {
            s.Goals = prepared;
            s.Changed |= SessionStateParts.Goals;
        }
    }

    /// <summary>Selects epistemic actions for a session (the <c>epistemic_action</c> tool).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The response: actions (empty below the uncertainty threshold unless forced), uncertainty, quadrant, UTL metrics, pulse.</returns>
    /// <exception cref="ActiveInferenceException">SessionNotFound; ActionGenerationFailed for a bad request.</exception>
    public EpistemicActionResponse SelectActions(EpistemicActionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        long start = _time.GetTimestamp();
        if (request.MaxActions < 0 || !(request.MinRelevance >= 0 && request.MinRelevance <= 1))
        {
            throw new ActiveInferenceException(ErrorKind.ActionGenerationFailed, $"MaxActions ({request.MaxActions}) must be ≥ 0 and MinRelevance ({request.MinRelevance}) in [0, 1].");
        }

        Session s = Find(request.SessionId);
        lock (s.Gate)
        {
            ActionSelection selection = request.MaxActions == 0
                ? new ActionSelection([], [], null, [], 0, false)
                : _generator.Generate(s, request.MaxActions, request.MinRelevance, request.Force, Options.ActionTimeout);
            s.Touch(_time.GetUtcNow());
            s.Changed |= SessionStateParts.Actions;
            var outputs = selection.Actions.Select(a => new EpistemicActionOutput(a.Id, a.ActionType, a.Content, a.TargetConcept, a.ExpectedInfoGain, a.Relevance, a.Priority)).ToArray();
            TimeSpan elapsed = _time.GetElapsedTime(start);
            bool timedOut = selection.TimedOut || elapsed > Options.ActionTimeout;
            lock (_metricsGate)
            {
                _actionsGenerated += outputs.Length;
                if (selection.Evaluation is { FromCache: false })
                {
                    _efeLatencyUs = _efeLatencyUs == 0 ? elapsed.TotalMicroseconds : (0.9 * _efeLatencyUs) + (0.1 * elapsed.TotalMicroseconds);
                }

                if (timedOut)
                {
                    _timeouts++;
                }
            }

            return new EpistemicActionResponse(
                outputs,
                s.Uncertainty,
                s.Quadrant,
                new UtlMetrics(s.Uncertainty, s.Coherence, s.LearningScore),
                CognitivePulse.From(s.Uncertainty, s.Coherence),
                (float)elapsed.TotalMilliseconds,
                timedOut);
        }
    }

    /// <summary>Rates an issued action; updates how much its type reveals in its domain (seed 002 decay).</summary>
    /// <param name="request">The rating.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ActiveInferenceException">SessionNotFound; ActionGenerationFailed when the action id is unknown to the session.</exception>
    public FeedbackResult RecordFeedback(FeedbackRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Session s = Find(request.SessionId);
        lock (s.Gate)
        {
            for (int i = s.IssuedActions.Count - 1; i >= 0; i--)
            {
                IssuedAction a = s.IssuedActions[i];
                if (a.Id != request.ActionId)
                {
                    continue;
                }

                if (a.Rated)
                {
                    return new FeedbackResult(false, a.ActionType, a.Domain, RevealModel.RevealPrecision(a.ActionType, a.Domain), RevealModel.HelpfulRate);
                }

                RevealModel.RecordFeedback(a.ActionType, a.Domain, request.Helpful);
                ReplaceIssued(s, i, a with { Rated = true });
                s.Changed |= SessionStateParts.Actions;
                return new FeedbackResult(true, a.ActionType, a.Domain, RevealModel.RevealPrecision(a.ActionType, a.Domain), RevealModel.HelpfulRate);
            }
        }

        throw new ActiveInferenceException(ErrorKind.ActionGenerationFailed, $"Action '{request.ActionId}' was not issued in session {request.SessionId} (or is older than the last {Options.Session.IssuedActionHistory} actions).");
    }

    /// <summary>Exports a session's whole state as versioned JSON.</summary>
    /// <param name="sessionId">The session.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ActiveInferenceException">SessionNotFound.</exception>
    public string ExportSession(Guid sessionId)
    {
        Session s = Find(sessionId);
        lock (s.Gate)
        {
            return SessionStateJson.Serialize(SessionStateMapper.Export(s));
        }
    }

    /// <summary>Exports a session's whole state as versioned UTF-8 JSON into <paramref name="destination"/>.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="destination">Receives the UTF-8 bytes of the same document as <see cref="ExportSession(Guid)"/>.</param>
    /// <exception cref="ActiveInferenceException">SessionNotFound.</exception>
    /// <remarks>For servers that store every update: with a reused buffer the document (about 130 KB after a hundred
    /// observations) is never materialised as a string, which would be a large-object-heap allocation per save.</remarks>
    public void ExportSession(Guid sessionId, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Session s = Find(sessionId);
        lock (s.Gate)
        {
            SessionStateJson.Serialize(SessionStateMapper.Export(s), destination);
        }
    }

    /// <summary>Imports a session exported by <see cref="ExportSession(Guid)"/> (replacing a live session with the same id when <paramref name="replace"/>).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="replace">Replace an existing session with the same id.</param>
    /// <returns>The imported session's id.</returns>
    /// <exception cref="ActiveInferenceException">InvalidModel (version, shapes); NumericalInstability (non-finite values); Internal (id in use and not replacing).</exception>
    public SessionInfo ImportSession(string json, bool replace = false)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Add(SessionStateMapper.Import(SessionStateJson.Deserialize(json), Options), replace);
    }

    /// <summary>Imports a session from the UTF-8 JSON of <see cref="ExportSession(Guid, IBufferWriter{byte})"/> (or of <see cref="ExportSession(Guid)"/>).</summary>
    /// <param name="utf8Json">The UTF-8 bytes.</param>
    /// <param name="replace">Replace an existing session with the same id.</param>
    /// <returns>The imported session's id.</returns>
    /// <exception cref="ActiveInferenceException">InvalidModel (JSON, version, shapes); NumericalInstability (non-finite values); Internal (id in use and not replacing).</exception>
    public SessionInfo ImportSession(ReadOnlySpan<byte> utf8Json, bool replace = false) =>
        Add(SessionStateMapper.Import(SessionStateJson.Deserialize(utf8Json), Options), replace);

    private SessionInfo Add(Session session, bool replace)
    {
        if (replace)
        {
            _sessions[session.Id] = session;
        }
        else if (!_sessions.TryAdd(session.Id, session))
        {
            throw new ActiveInferenceException(ErrorKind.Internal, $"Session {session.Id} already exists; pass replace: true to overwrite it.");
        }

        return new SessionInfo(session.Id, session.CreatedAt);
    }

    /// <summary>A snapshot of the engine's counters.</summary>
    /// <returns>The metrics.</returns>
    public EngineMetrics GetMetrics()
    {
        lock (_metricsGate)
        {
            return new EngineMetrics(
                _sessions.Count,
                _beliefUpdates,
                _beliefLatencyUs,
                Evaluator.Evaluations,
                _efeLatencyUs,
                Cache.Hits,
                Cache.Misses,
                Cache.Bytes,
                _actionsGenerated,
                RevealModel.Rated,
                RevealModel.Helpful,
                RevealModel.HelpfulRate,
                _uncertaintyReduction,
                _timeouts);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Model.Dispose();
        Updater.Dispose();
        Evaluator.Dispose();
        if (_builtIn is not null && ReferenceEquals(_builtIn, _embeddings))
        {
            _builtIn.Dispose();
        }
    }

    internal Session Find(Guid sessionId) =>
        _sessions.TryGetValue(sessionId, out Session? s)
            ? s
            : throw new ActiveInferenceException(ErrorKind.SessionNotFound, $"Session not found: {sessionId}. Create it with CreateSession or import it.");

    private static void ReplaceIssued(Session s, int index, IssuedAction updated) => s.IssuedActions.Set(index, updated);

    private ObserveResult ObserveEmbedding(ObserveRequest request, ReadOnlySpan<float> embedding)
    {
        Session s = Find(request.SessionId);
        string domain = request.Domain ?? string.Empty;
        lock (s.Gate)
        {
            EmbeddingScaling.ToModelUnits(embedding, s.Scratch);
            DateTimeOffset now = request.Timestamp ?? _time.GetUtcNow();
            float before = s.Uncertainty;
            BeliefUpdateResult update = Updater.Update(s.Beliefs, s.Scratch, Model, Options.PrecisionWeight, Options.BeliefTimeout, _time, s.Trace);
            float[] stored = (float[])s.Scratch.Clone();
            double absError = 0;
            DomainBelief domainBelief = s.GetOrAddDomain(domain, now);
            s.ObserveDomain(domainBelief, stored, now);
            for (int i = 0; i < stored.Length; i++)
            {
                absError += Math.Abs(stored[i] - s.Beliefs.Belief.Mean[i]);
            }

            s.PredictionErrors.Add(new PredictionErrorRecord(now, domain, update.Surprise, (float)(absError / stored.Length), (float[])s.Beliefs.LayerErrors.Clone()));
            s.History.Add(new Observation(stored, request.Text ?? string.Empty, request.Source, domain, now));
            s.CurrentDomain = domain;
            s.Touch(now);
            s.Changed |= SessionStateParts.Beliefs;
            s.RefreshSummaries(before);
            lock (_metricsGate)
            {
                _beliefUpdates++;
                double us = update.Elapsed.TotalMicroseconds;
                _beliefLatencyUs = _beliefUpdates == 1 ? us : (0.9 * _beliefLatencyUs) + (0.1 * us);
                _uncertaintyReduction += update.EntropyReduction;
                if (update.TimedOut)
                {
                    _timeouts++;
                }
            }

            return new ObserveResult(s.Id, update, s.Trace.Iterations.ToArray(), s.Uncertainty, domainBelief.Uncertainty(Options.Model.LayerPrecisions[0]), s.Quadrant, s.Beliefs.Belief.ObservationCount);
        }
    }
}
