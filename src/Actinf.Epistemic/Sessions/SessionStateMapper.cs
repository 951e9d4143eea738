using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Errors;
using Actinf.Epistemic.Observations;

namespace Actinf.Epistemic.Sessions;

/// <summary>Converts between a live <see cref="Session"/> and its <see cref="SessionState"/>.</summary>
internal static class SessionStateMapper
{
    /// <summary>The whole state (<paramref name="parts"/> = All) or one part document; members of other parts are left empty.</summary>
    /// <remarks>
    /// A view, not a copy: the state's vectors are the session's own arrays (a server exports a part after every call,
    /// and copying the beliefs was most of what an <c>observe</c> allocated). Serialise it while holding the session's
    /// lock, and do not keep it.
    /// </remarks>
    public static SessionState Export(Session s, SessionStateParts parts = SessionStateParts.All)
    {
        bool beliefs = (parts & SessionStateParts.Beliefs) != 0;
        bool goals = (parts & SessionStateParts.Goals) != 0;
        bool actions = (parts & SessionStateParts.Actions) != 0;
        var b = s.Beliefs;
        return new SessionState
        {
            Part = parts == SessionStateParts.All ? null : parts,
            SessionId = s.Id,
            CreatedAt = s.CreatedAt,
            LastUpdate = s.LastUpdate,
            LayerDimensions = [.. s.Options.Model.LayerDimensions],
            Means = beliefs ? [.. b.Means] : [],
            Precision = beliefs ? b.Belief.Precision : [],
            EvidencePrecision = beliefs ? b.EvidencePrecision : [],
            ErrorVariance = beliefs ? b.ErrorVariance : [],
            LayerErrors = beliefs ? b.LayerErrors : [],
            ObservationCount = beliefs ? b.Belief.ObservationCount : 0,
            Surprise = beliefs ? b.Surprise : 0,
            FreeEnergy = beliefs ? b.FreeEnergy : 0,
            Uncertainty = beliefs ? s.Uncertainty : 0,
            Coherence = beliefs ? s.Coherence : 0,
            LearningScore = beliefs ? s.LearningScore : 0,
            Quadrant = beliefs ? s.Quadrant : default,
            CurrentDomain = beliefs ? s.CurrentDomain : string.Empty,
            PredictionErrors = beliefs ? s.PredictionErrors.Records.ToArray().Select(r => new PredictionErrorState(r.Timestamp, r.Domain, r.Surprise, r.MeanAbsoluteError, [.. r.LayerErrors])).ToArray() : [],
            AverageSurprise = beliefs ? s.PredictionErrors.AverageSurprise : 0,
            Domains = beliefs ? s.Domains.Values.Select(d => new DomainState(d.Name, d.Centroid, d.Count, d.EvidencePrecision, d.Surprise, d.LastSeen)).ToArray() : [],
            History = beliefs ? s.History.ToArray().Select(o => new ObservationState(Shared(o.Embedding), o.Text, o.Source, o.Domain, o.Timestamp)).ToArray() : [],
            Goals = goals ? s.Goals.Select(g => new GoalState(Shared(g.Embedding), g.Weight, g.Description)).ToArray() : [],
            ActionCounter = actions ? s.ActionCounter : 0,
            IssuedActions = actions ? s.IssuedActions.ToArray() : [],
            RateLimiter = actions ? s.RateLimiter.Export() : [],
        };
    }

    // The vector's own array when it spans one whole, else a copy.
    private static float[] Shared(ReadOnlyMemory<float> vector) =>
        MemoryMarshal.TryGetArray(vector, out ArraySegment<float> segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : vector.ToArray();

    public static Session Import(SessionState state, EngineOptions options)
    {
        if (state.Part is { } part)
        {
            throw new ActiveInferenceException(ErrorKind.InvalidModel, $"The document is the {part} part of session {state.SessionId}, not a whole session; import its three parts together with ImportSessionParts.");
        }

        RequirePresent(state);
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
        foreach (float[] mean in state.Means)
        {
            Finite(mean, "means");
        }

        Finite(state.Precision, "precision");
        Finite(state.EvidencePrecision, "evidence precision");
        Finite(state.ErrorVariance, "error variance");
        if (TensorPrimitives.Min(state.Precision) <= 0 || TensorPrimitives.Min(state.ErrorVariance) <= 0 || TensorPrimitives.Min(state.EvidencePrecision) < 0)
        {
            throw new ActiveInferenceException(ErrorKind.NumericalInstability, "The session state has a non-positive precision or variance.");
        }

        foreach (ObservationState o in state.History)
        {
            Finite(o.Embedding, "history embeddings");
        }

        foreach (DomainState d in state.Domains)
        {
            Finite(d.Centroid, "domain centroids");
        }

        foreach (GoalState g in state.Goals)
        {
            Finite(g.Embedding, "goals");
        }

        var s = new Session(state.SessionId, options, state.CreatedAt);
        s.Touch(state.LastUpdate);
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

    // The JSON reader leaves a missing or null member null; the checks below may then rely on every part being there.
    private static void RequirePresent(SessionState state)
    {
        Present(state.LayerDimensions, "layerDimensions");
        Present(state.Means, "means");
        Present(state.Precision, "precision");
        Present(state.EvidencePrecision, "evidencePrecision");
        Present(state.ErrorVariance, "errorVariance");
        Present(state.LayerErrors, "layerErrors");
        Present(state.Goals, "goals");
        Present(state.PredictionErrors, "predictionErrors");
        Present(state.Domains, "domains");
        Present(state.History, "history");
        Present(state.IssuedActions, "issuedActions");
        Present(state.RateLimiter, "rateLimiter");
        foreach (float[] mean in state.Means)
        {
            Present(mean, "means[…]");
        }

        foreach (GoalState g in state.Goals)
        {
            Present(g?.Embedding, "goals[…].embedding");
        }

        foreach (PredictionErrorState p in state.PredictionErrors)
        {
            Present(p?.LayerErrors, "predictionErrors[…].layerErrors");
        }

        foreach (DomainState d in state.Domains)
        {
            Present(d?.Centroid, "domains[…].centroid");
            Present(d!.Name, "domains[…].name");
        }

        foreach (ObservationState o in state.History)
        {
            Present(o?.Embedding, "history[…].embedding");
        }

        foreach (IssuedAction a in state.IssuedActions)
        {
            Present(a, "issuedActions[…]");
        }

        foreach (DateTimeOffset[] slots in state.RateLimiter)
        {
            Present(slots, "rateLimiter[…]");
        }
    }

    private static void Present(object? part, string name)
    {
        if (part is null)
        {
            throw new ActiveInferenceException(ErrorKind.InvalidModel, $"The session state has no '{name}' (missing or null).");
        }
    }

    private static bool ContainsNonFinite(ReadOnlySpan<float> values)
    {
        foreach (float v in values)
        {
            if (!float.IsFinite(v))
            {
                return true;
            }
        }

        return false;
    }

    private static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new ActiveInferenceException(ErrorKind.InvalidModel, $"The session state's {what} do not match this engine's configuration.");
        }
    }

    private static void Finite(ReadOnlySpan<float> values, string what)
    {
        if (ContainsNonFinite(values))
        {
            throw new ActiveInferenceException(ErrorKind.NumericalInstability, $"The session state's {what} contain NaN or infinity.");
        }
    }
}
