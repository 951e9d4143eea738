using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Errors;
using Actinf.Epistemic.Observations;

namespace Actinf.Epistemic.Sessions;

/// <summary>Converts between a live <see cref="Session"/> and its <see cref="SessionState"/>.</summary>
internal static class SessionStateMapper
{
    public static SessionState Export(Session s)
    {
        var b = s.Beliefs;
        return new SessionState
        {
            SessionId = s.Id,
            CreatedAt = s.CreatedAt,
            LastUpdate = s.LastUpdate,
            LayerDimensions = [.. s.Options.Model.LayerDimensions],
            Means = b.Means.Select(m => (float[])m.Clone()).ToArray(),
            Precision = (float[])b.Belief.Precision.Clone(),
            EvidencePrecision = (float[])b.EvidencePrecision.Clone(),
            ErrorVariance = (float[])b.ErrorVariance.Clone(),
            LayerErrors = (float[])b.LayerErrors.Clone(),
            ObservationCount = b.Belief.ObservationCount,
            Surprise = b.Surprise,
            FreeEnergy = b.FreeEnergy,
            Uncertainty = s.Uncertainty,
            Coherence = s.Coherence,
            LearningScore = s.LearningScore,
            Quadrant = s.Quadrant,
            CurrentDomain = s.CurrentDomain,
            ActionCounter = s.ActionCounter,
            Goals = s.Goals.Select(g => new GoalState(g.Embedding.ToArray(), g.Weight, g.Description)).ToArray(),
            PredictionErrors = s.PredictionErrors.Records.ToArray().Select(r => new PredictionErrorState(r.Timestamp, r.Domain, r.Surprise, r.MeanAbsoluteError, [.. r.LayerErrors])).ToArray(),
            AverageSurprise = s.PredictionErrors.AverageSurprise,
            Domains = s.Domains.Values.Select(d => new DomainState(d.Name, (float[])d.Centroid.Clone(), d.Count, d.EvidencePrecision, d.Surprise, d.LastSeen)).ToArray(),
            History = s.History.ToArray().Select(o => new ObservationState(o.Embedding.ToArray(), o.Text, o.Source, o.Domain, o.Timestamp)).ToArray(),
            IssuedActions = s.IssuedActions.ToArray(),
            RateLimiter = s.RateLimiter.Export(),
        };
    }

    public static Session Import(SessionState state, EngineOptions options)
    {
        IReadOnlyList<int> dims = options.Model.LayerDimensions;
        if (!state.LayerDimensions.SequenceEqual(dims))
        {
            throw new ActiveInferenceException(ErrorKind.InvalidModel, $"The session state has layers [{string.Join(", ", state.LayerDimensions)}]; this engine's model has [{string.Join(", ", dims)}].");
        }

        int d0 = dims[0];
        Check(state.Means.Length == dims.Count && state.Means.Select(m => m?.Length ?? -1).SequenceEqual(dims), "means");
        Check(state.Precision.Length == d0 && state.EvidencePrecision.Length == d0 && state.ErrorVariance.Length == d0 && state.LayerErrors.Length == dims.Count, "layer-0 vectors");
        Check(state.RateLimiter.Length == Enum.GetValues<Actions.EpistemicActionType>().Length && state.RateLimiter.All(r => r?.Length == options.Actions.MaxPerType), "rate limiter");
        Check(state.History.All(o => o.Embedding?.Length == d0) && state.Domains.All(d => d.Centroid?.Length == d0) && state.Goals.All(g => g.Embedding?.Length == d0), "embedding lengths");
        Finite(state.Means.SelectMany(m => m), "means");
        Finite(state.Precision, "precision");
        if (state.Precision.Any(p => p <= 0) || state.ErrorVariance.Any(v => v <= 0) || state.EvidencePrecision.Any(p => p < 0))
        {
            throw new ActiveInferenceException(ErrorKind.NumericalInstability, "The session state has a non-positive precision or variance.");
        }

        Finite(state.EvidencePrecision, "evidence precision");
        Finite(state.ErrorVariance, "error variance");
        Finite(state.History.SelectMany(o => o.Embedding), "history embeddings");
        Finite(state.Domains.SelectMany(d => d.Centroid), "domain centroids");
        Finite(state.Goals.SelectMany(g => g.Embedding), "goals");

        var s = new Session(state.SessionId, options, state.CreatedAt) { LastUpdate = state.LastUpdate };
        var b = s.Beliefs;
        for (int l = 0; l < dims.Count; l++)
        {
            state.Means[l].CopyTo(b.Means[l], 0);
        }

        state.Precision.CopyTo(b.Belief.Precision, 0);
        state.EvidencePrecision.CopyTo(b.EvidencePrecision, 0);
        state.ErrorVariance.CopyTo(b.ErrorVariance, 0);
        state.LayerErrors.CopyTo(b.LayerErrors, 0);
        b.Belief.ObservationCount = state.ObservationCount;
        b.Surprise = state.Surprise;
        b.FreeEnergy = state.FreeEnergy;
        s.Uncertainty = state.Uncertainty;
        s.Coherence = state.Coherence;
        s.LearningScore = state.LearningScore;
        s.Quadrant = state.Quadrant;
        s.CurrentDomain = state.CurrentDomain ?? string.Empty;
        s.ActionCounter = state.ActionCounter;
        s.Goals = state.Goals.Select(g => new GoalPreference((float[])g.Embedding.Clone(), g.Weight, g.Description)).ToArray();
        foreach (PredictionErrorState p in state.PredictionErrors)
        {
            s.PredictionErrors.Records.Add(new PredictionErrorRecord(p.Timestamp, p.Domain, p.Surprise, p.MeanAbsoluteError, (float[])p.LayerErrors.Clone()));
        }

        s.PredictionErrors.AverageSurprise = state.AverageSurprise;
        foreach (DomainState d in state.Domains)
        {
            var domain = new DomainBelief(d.Name, d0) { Count = d.Count, EvidencePrecision = d.EvidencePrecision, Surprise = d.Surprise, LastSeen = d.LastSeen };
            d.Centroid.CopyTo(domain.Centroid, 0);
            s.AddDomain(domain);
        }

        foreach (ObservationState o in state.History)
        {
            s.History.Add(new Observation((float[])o.Embedding.Clone(), o.Text, o.Source, o.Domain, o.Timestamp));
        }

        foreach (IssuedAction a in state.IssuedActions)
        {
            s.IssuedActions.Add(a);
        }

        s.RateLimiter.Import(state.RateLimiter);
        return s;
    }

    private static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new ActiveInferenceException(ErrorKind.InvalidModel, $"The session state's {what} do not match this engine's configuration.");
        }
    }

    private static void Finite(IEnumerable<float> values, string what)
    {
        if (values.Any(v => !float.IsFinite(v)))
        {
            throw new ActiveInferenceException(ErrorKind.NumericalInstability, $"The session state's {what} contain NaN or infinity.");
        }
    }
}
