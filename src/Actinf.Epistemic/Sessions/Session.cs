using System.Numerics.Tensors;
using Actinf.Epistemic.Actions;
using Actinf.Epistemic.Beliefs;
using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Inference;
using Actinf.Epistemic.Observations;

namespace Actinf.Epistemic.Sessions;

/// <summary>
/// The whole state of one conversation (seed 004 SessionBeliefs): hierarchical beliefs, goals, the bounded
/// prediction-error buffer, per-domain beliefs, the bounded observation history, the Johari quadrant, the
/// rate limiter and the issued actions. Mutated only by the engine under <see cref="Gate"/>.
/// </summary>
public sealed class Session
{
    private readonly Dictionary<string, DomainBelief> _domains = new(StringComparer.Ordinal);

    internal Session(Guid id, EngineOptions options, DateTimeOffset now)
    {
        Id = id;
        Options = options;
        CreatedAt = now;
        LastUpdate = now;
        GenerativeModelOptions model = options.Model;
        Beliefs = new HierarchicalBeliefs(model.LayerDimensions, model.LayerPrecisions[0]);
        Trace = new BeliefUpdateTrace(options.BeliefUpdater.MaxIterations);
        PredictionErrors = new PredictionErrorBuffer(options.Session.PredictionErrorBuffer);
        History = new BoundedRing<Observation>(options.Session.ObservationHistory);
        IssuedActions = new BoundedRing<IssuedAction>(options.Session.IssuedActionHistory);
        RateLimiter = new ActionRateLimiter(options.Actions.ActionCooldown, options.Actions.MaxPerType);
        Scratch = new float[model.LayerDimensions[0]];
        Uncertainty = 1f;
        Quadrant = JohariQuadrant.Unknown;
    }

    /// <summary>Session id.</summary>
    public Guid Id { get; }

    /// <summary>The engine options the session was created with.</summary>
    public EngineOptions Options { get; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Time of the last observation or selection (only moves forward: an observation stamped earlier leaves it).</summary>
    public DateTimeOffset LastUpdate { get; private set; }

    /// <summary>Beliefs at every layer.</summary>
    public HierarchicalBeliefs Beliefs { get; }

    /// <summary>Per-iteration metrics of the last belief update.</summary>
    public BeliefUpdateTrace Trace { get; }

    /// <summary>Goal preferences.</summary>
    public IReadOnlyList<GoalPreference> Goals { get; internal set; } = [];

    /// <summary>Recent prediction errors.</summary>
    public PredictionErrorBuffer PredictionErrors { get; }

    /// <summary>Recent observations, oldest first.</summary>
    public BoundedRing<Observation> History { get; }

    /// <summary>Issued actions awaiting or having feedback.</summary>
    public BoundedRing<IssuedAction> IssuedActions { get; }

    /// <summary>The per-type rate limiter.</summary>
    public ActionRateLimiter RateLimiter { get; }

    /// <summary>Per-domain beliefs.</summary>
    public IReadOnlyDictionary<string, DomainBelief> Domains => _domains;

    /// <summary>Domain of the latest observation ("" when none).</summary>
    public string CurrentDomain { get; internal set; } = string.Empty;

    /// <summary>Uncertainty level U in [0, 1] (see <see cref="UncertaintyLevel"/>).</summary>
    public float Uncertainty { get; internal set; }

    /// <summary>Coherence in [0, 1]: mean over the history of max(0, cos(observation, belief mean)).</summary>
    public float Coherence { get; internal set; }

    /// <summary>Learning score in [0, 1]: 1 - U_after / U_before of the last update (fraction of uncertainty removed).</summary>
    public float LearningScore { get; internal set; }

    /// <summary>The Johari quadrant.</summary>
    public JohariQuadrant Quadrant { get; internal set; }

    /// <summary>Counter of issued actions (makes action ids unique).</summary>
    public long ActionCounter { get; internal set; }

    /// <summary>The parts changed since the engine last handed them out (all of them for a new or imported session).</summary>
    internal SessionStateParts Changed { get; set; } = SessionStateParts.All;

    /// <summary>Lock serialising all operations on the session.</summary>
    internal object Gate { get; } = new();

    /// <summary>Scratch of length d_0 (scaled observation).</summary>
    internal float[] Scratch { get; }

    /// <summary>Approximate bytes held by the session (arrays, buffers, strings).</summary>
    public long EstimatedBytes
    {
        get
        {
            long bytes = 256 + Beliefs.EstimatedBytes + (4L * Scratch.Length) + (Options.BeliefUpdater.MaxIterations * 40L);
            for (int i = 0; i < History.Count; i++)
            {
                bytes += 96 + (4L * History[i].Embedding.Length) + (2L * History[i].Text.Length) + (2L * History[i].Domain.Length);
            }

            bytes += PredictionErrors.Records.Capacity * 16L;
            for (int i = 0; i < PredictionErrors.Records.Count; i++)
            {
                bytes += 96 + (4L * PredictionErrors.Records[i].LayerErrors.Count);
            }

            foreach (DomainBelief d in _domains.Values)
            {
                bytes += 96 + (4L * d.Centroid.Length) + (2L * d.Name.Length);
            }

            foreach (GoalPreference g in Goals)
            {
                bytes += 64 + (4L * g.Embedding.Length) + (2L * g.Description.Length);
            }

            bytes += IssuedActions.Capacity * 8L + (IssuedActions.Count * 120L);
            bytes += RateLimiter.MaxPerType * 6L * 16L;
            return bytes;
        }
    }

    /// <summary>
    /// Moves the last update forward to <paramref name="time"/> (never back). Monotone on purpose: a session stored in
    /// parts takes the latest of its parts' times as its own, which is then the value the live session had.
    /// </summary>
    internal void Touch(DateTimeOffset time)
    {
        if (time > LastUpdate)
        {
            LastUpdate = time;
        }
    }

    internal DomainBelief GetOrAddDomain(string name, DateTimeOffset now)
    {
        if (_domains.TryGetValue(name, out DomainBelief? existing))
        {
            return existing;
        }

        if (_domains.Count >= Options.Session.MaxDomains)
        {
            DomainBelief oldest = _domains.Values.MinBy(d => d.LastSeen)!;
            _domains.Remove(oldest.Name);
        }

        var created = new DomainBelief(name, Scratch.Length) { LastSeen = now };
        _domains[name] = created;
        return created;
    }

    internal void AddDomain(DomainBelief domain) => _domains[domain.Name] = domain;

    /// <summary>Updates the domain's summary belief with an observation (model units).</summary>
    internal void ObserveDomain(DomainBelief domain, ReadOnlySpan<float> observation, DateTimeOffset now)
    {
        float p0Prior = Options.Model.LayerPrecisions[0];
        float volatility = Options.BeliefUpdater.Volatility;
        float meanSigma = TensorPrimitives.Average<float>(Beliefs.ErrorVariance);
        double e2 = 0;
        for (int i = 0; i < observation.Length; i++)
        {
            double e = observation[i] - (domain.Count == 0 ? 0f : domain.Centroid[i]);
            e2 += e * e;
        }

        e2 /= observation.Length;
        float p0 = domain.EvidencePrecision > 0 ? 1f / ((1f / domain.EvidencePrecision) + volatility) : 0f;
        float predicted = (1f / (p0 + p0Prior)) + meanSigma;
        float excess = MathF.Max(0f, (float)e2 - predicted);
        float prior = p0 > 0 ? 1f / ((1f / p0) + excess) : 0f;
        float obsPrecision = Options.PrecisionWeight / MathF.Max(meanSigma, Options.BeliefUpdater.MinErrorVariance);
        domain.EvidencePrecision = prior + obsPrecision;
        domain.Surprise = JohariClassifier.Surprise(e2 / predicted);
        domain.Count++;
        float rate = 1f / Math.Min(domain.Count, 8);
        for (int i = 0; i < observation.Length; i++)
        {
            domain.Centroid[i] += rate * (observation[i] - domain.Centroid[i]);
        }

        domain.LastSeen = now;
    }

    /// <summary>Recomputes U, coherence and the quadrant (from U and the latest observation's surprise).</summary>
    internal void RefreshSummaries(float uncertaintyBefore)
    {
        Uncertainty = Beliefs.Belief.UncertaintyLevel;
        LearningScore = uncertaintyBefore > 0 ? Math.Clamp(1f - (Uncertainty / uncertaintyBefore), 0f, 1f) : 0f;
        float[] mean = Beliefs.Belief.Mean;
        float meanNorm = TensorPrimitives.Norm(mean);
        double coherence = 0;
        for (int i = 0; i < History.Count; i++)
        {
            ReadOnlySpan<float> o = History[i].Embedding.Span;
            float on = TensorPrimitives.Norm(o);
            if (meanNorm > 0 && on > 0)
            {
                coherence += Math.Max(0f, TensorPrimitives.Dot(o, mean) / (on * meanNorm));
            }
        }

        Coherence = History.Count == 0 ? 0f : (float)(coherence / History.Count);
        Quadrant = JohariClassifier.Classify(Uncertainty, Beliefs.Surprise, Options.UncertaintyThreshold, Options.SurpriseThreshold);
    }
}
