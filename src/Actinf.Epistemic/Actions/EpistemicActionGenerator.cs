using System.Buffers;
using System.Numerics.Tensors;
using Actinf.Epistemic.Beliefs;
using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Learning;
using Actinf.Epistemic.Numerics;
using Actinf.Epistemic.Planning;
using Actinf.Epistemic.Sessions;

namespace Actinf.Epistemic.Actions;

/// <summary>
/// Generates epistemic actions (seed 004 REQ-ACTINF-006): identifies knowledge gaps, builds the planning
/// problem (gaps × allowed action types, with reveal precisions from the <see cref="ActionRevealModel"/>),
/// lets the <see cref="PolicyEvaluator"/> rank plans, and turns the best steps into worded actions subject to
/// the minimum information gain, relevance, diversity, rate limits and the per-response maximum.
/// </summary>
public sealed class EpistemicActionGenerator
{
    private static readonly EpistemicActionType[] ActionTypes = Enum.GetValues<EpistemicActionType>();

    private readonly EngineOptions _options;
    private readonly PolicyEvaluator _evaluator;
    private readonly ActionRevealModel _reveal;
    private readonly TimeProvider _time;

    /// <summary>Creates a generator.</summary>
    /// <param name="options">Validated engine options.</param>
    /// <param name="evaluator">The policy evaluator.</param>
    /// <param name="reveal">The learned reveal precisions.</param>
    /// <param name="timeProvider">Clock (rate limits, budgets).</param>
    public EpistemicActionGenerator(EngineOptions options, PolicyEvaluator evaluator, ActionRevealModel reveal, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(reveal);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _evaluator = evaluator;
        _reveal = reveal;
        _time = timeProvider;
    }

    /// <summary>
    /// Knowledge gaps of the session: domains whose uncertainty is at or above the threshold, domains of
    /// recent surprising observations, and the current domain when the quadrant is Blind or Unknown (or when
    /// forced). Merged by domain (highest severity), most severe first, at most Actions.MaxKnowledgeGaps; each
    /// gets DimensionsPerGap dimensions not used by a more severe gap.
    /// </summary>
    /// <param name="session">The session (caller holds its lock).</param>
    /// <param name="force">Add the current domain as a gap even when nothing qualifies.</param>
    /// <returns>The gaps.</returns>
    public IReadOnlyList<KnowledgeGap> IdentifyGaps(Session session, bool force)
    {
        ArgumentNullException.ThrowIfNull(session);
        float p0 = _options.Model.LayerPrecisions[0];
        var found = new Dictionary<string, (float Severity, KnowledgeGapReasons Reasons)>(StringComparer.Ordinal);
        void Add(string domain, float severity, KnowledgeGapReasons reason)
        {
            found[domain] = found.TryGetValue(domain, out var f) ? (Math.Max(f.Severity, severity), f.Reasons | reason) : (severity, reason);
        }

        foreach (DomainBelief d in session.Domains.Values)
        {
            float u = d.Uncertainty(p0);
            if (u >= _options.UncertaintyThreshold)
            {
                Add(d.Name, u, KnowledgeGapReasons.DomainUncertainty);
            }
        }

        for (int i = 0; i < session.PredictionErrors.Records.Count; i++)
        {
            PredictionErrorRecord r = session.PredictionErrors.Records[i];
            if (r.Surprise > _options.SurpriseThreshold)
            {
                Add(r.Domain, r.Surprise, KnowledgeGapReasons.PredictionError);
            }
        }

        if (session.Quadrant is JohariQuadrant.Blind or JohariQuadrant.Unknown)
        {
            Add(session.CurrentDomain, session.Uncertainty, KnowledgeGapReasons.JohariQuadrant);
        }

        if (found.Count == 0 && force)
        {
            Add(session.CurrentDomain, session.Uncertainty, KnowledgeGapReasons.Forced);
        }

        var ordered = new List<(string Domain, (float Severity, KnowledgeGapReasons Reasons) Found)>(found.Count);
        foreach (KeyValuePair<string, (float Severity, KnowledgeGapReasons Reasons)> kv in found)
        {
            ordered.Add((kv.Key, kv.Value));
        }

        // Most severe first, then by name: a total order (names are unique), so an unstable sort gives the same list.
        ordered.Sort(static (a, b) => a.Found.Severity != b.Found.Severity ? b.Found.Severity.CompareTo(a.Found.Severity) : string.CompareOrdinal(a.Domain, b.Domain));
        if (ordered.Count > _options.Actions.MaxKnowledgeGaps)
        {
            ordered.RemoveRange(_options.Actions.MaxKnowledgeGaps, ordered.Count - _options.Actions.MaxKnowledgeGaps);
        }

        int dimension = session.Beliefs.Belief.Dimension;
        bool[] used = ArrayPool<bool>.Shared.Rent(dimension);
        Array.Clear(used, 0, dimension);
        var gaps = new List<KnowledgeGap>(ordered.Count);
        try
        {
            int index = 0;
            foreach (var (domain, (severity, reasons)) in ordered)
            {
                int[] dims = SelectDimensions(session, domain, used);
                if (dims.Length == 0)
                {
                    continue;
                }

                IReadOnlyList<string> keywords = ContextKeywords.Extract(TextsOf(session, domain), 3);
                gaps.Add(new KnowledgeGap(
                    $"gap-{session.ActionCounter}-{index++}",
                    Describe(domain, severity, reasons, keywords),
                    domain,
                    Math.Clamp(severity, 0f, 1f),
                    reasons,
                    keywords,
                    dims));
            }
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(used);
        }

        return gaps;
    }

    /// <summary>Generates the actions for a session (caller holds its lock) and records them in the rate limiter.</summary>
    /// <param name="session">The session.</param>
    /// <param name="maxActions">Requested maximum (capped by MaxActionsPerResponse).</param>
    /// <param name="minRelevance">Requested minimum relevance (at least Actions.MinRelevance).</param>
    /// <param name="force">Generate even below the uncertainty threshold.</param>
    /// <param name="budget">Remaining time budget of the selection.</param>
    /// <returns>The selection.</returns>
    public ActionSelection Generate(Session session, int maxActions, float minRelevance, bool force, TimeSpan budget)
    {
        ArgumentNullException.ThrowIfNull(session);
        long start = _time.GetTimestamp();
        DateTimeOffset now = _time.GetUtcNow();
        if (!force && session.Uncertainty < _options.UncertaintyThreshold)
        {
            return new ActionSelection([], [], null, [], 0, false);
        }

        IReadOnlyList<KnowledgeGap> gaps = IdentifyGaps(session, force);
        if (gaps.Count == 0)
        {
            return new ActionSelection([], gaps, null, [], 0, false);
        }

        var (problem, rateLimited) = BuildProblem(session, gaps, now);
        TimeSpan planBudget = budget - _time.GetElapsedTime(start);
        if (planBudget > _options.EfeTimeout)
        {
            planBudget = _options.EfeTimeout;
        }

        PolicyEvaluation evaluation = _evaluator.Evaluate(problem, _options.EffectiveDepth, planBudget, _time);
        var actions = new List<EpistemicAction>();
        int limit = Math.Min(maxActions, _options.MaxActionsPerResponse);
        float relevanceFloor = Math.Max(minRelevance, _options.Actions.MinRelevance);
        var chosenTypes = new HashSet<EpistemicActionType>();
        IReadOnlyList<PolicyCandidate> candidates = problem.Candidates;
        int[] ranked = RankCandidates(candidates, evaluation);
        ReadOnlySpan<float> last = session.History.Count > 0 ? session.History[session.History.Count - 1].Embedding.Span : default;
        foreach (int c in ranked)
        {
            if (actions.Count >= limit)
            {
                break;
            }

            PolicyCandidate cand = candidates[c];
            KnowledgeGap gap = gaps[cand.Gap];
            float nats = evaluation.OneStepInformationGain[c];
            float normalised = ExpectedFreeEnergy.Normalised(nats, gap.Dimensions.Count);
            if (normalised < _options.Actions.MinInfoGain || (_options.Actions.RequireDiversity && chosenTypes.Contains(cand.ActionType)))
            {
                continue;
            }

            float relevance = Relevance(session, gap, last);
            if (relevance < relevanceFloor)
            {
                continue;
            }

            chosenTypes.Add(cand.ActionType);
            session.ActionCounter++;
            string id = $"{session.Id:N}-{session.ActionCounter}";
            string content = ActionContent.Compose(cand.ActionType, gap, LatestText(session, gap.Domain), RelatedDomain(session, gap.Domain));
            actions.Add(new EpistemicAction(
                id,
                cand.ActionType,
                content,
                gap.Keywords.Count > 0 ? gap.Keywords[0] : (gap.Domain.Length > 0 ? gap.Domain : null),
                normalised,
                nats,
                actions.Count + 1,
                evaluation.InclusionProbability[c],
                relevance,
                gap));
        }

        foreach (EpistemicAction a in actions)
        {
            session.RateLimiter.Record(a.ActionType, now);
            session.IssuedActions.Add(new IssuedAction(a.Id, a.ActionType, a.Gap.Domain, now, false));
        }

        bool timedOut = evaluation.TimedOut || _time.GetElapsedTime(start) > budget;
        return new ActionSelection(actions, gaps, evaluation, candidates, rateLimited, timedOut);
    }

    // Candidates other than "respond", by inclusion probability, then one-step information gain (both descending),
    // then index: a total order, so the insertion sort (few candidates) gives one answer.
    private static int[] RankCandidates(IReadOnlyList<PolicyCandidate> candidates, PolicyEvaluation evaluation)
    {
        int n = 0;
        for (int c = 0; c < candidates.Count; c++)
        {
            n += candidates[c].IsRespond ? 0 : 1;
        }

        var ranked = new int[n];
        int filled = 0;
        for (int c = 0; c < candidates.Count; c++)
        {
            if (candidates[c].IsRespond)
            {
                continue;
            }

            int at = filled++;
            while (at > 0 && RanksBefore(c, ranked[at - 1], evaluation))
            {
                ranked[at] = ranked[at - 1];
                at--;
            }

            ranked[at] = c;
        }

        return ranked;
    }

    // float.CompareTo orders as OrderByDescending did (a NaN below every number), so the order stays total.
    private static bool RanksBefore(int a, int b, PolicyEvaluation evaluation)
    {
        int byProbability = evaluation.InclusionProbability[b].CompareTo(evaluation.InclusionProbability[a]);
        if (byProbability != 0)
        {
            return byProbability < 0;
        }

        int byGain = evaluation.OneStepInformationGain[b].CompareTo(evaluation.OneStepInformationGain[a]);
        return byGain != 0 ? byGain < 0 : a < b;
    }

    /// <summary>Builds the planning problem: one gap per knowledge gap, candidates for the allowed types, and the answer step.</summary>
    internal (PlanningProblem Problem, int RateLimited) BuildProblem(Session session, IReadOnlyList<KnowledgeGap> gaps, DateTimeOffset now)
    {
        var problem = new PlanningProblem
        {
            PriorPrecision = _options.Model.LayerPrecisions[0],
            PreferencePrecision = _options.PolicyEvaluator.PreferencePrecision,
            Balance = _options.EpistemicPragmaticBalance,
        };
        float[] precision = session.Beliefs.Belief.Precision;
        var pool = new List<(PolicyCandidate Candidate, float Score, int Order)>(gaps.Count * ActionTypes.Length);
        int rateLimited = 0;
        Span<EpistemicActionType> allowed = stackalloc EpistemicActionType[ActionTypes.Length];
        int allowedCount = 0;
        foreach (EpistemicActionType t in ActionTypes)
        {
            if (session.RateLimiter.IsAllowed(t, now))
            {
                allowed[allowedCount++] = t;
            }
            else
            {
                rateLimited++;
            }
        }

        allowed = allowed[..allowedCount];

        // A gap has at most DimensionsPerGap dimensions: one rented array holds its precisions and the scratch.
        int most = _options.Actions.DimensionsPerGap;
        float[] rented = ArrayPool<float>.Shared.Rent(2 * most);
        try
        {
            foreach (KnowledgeGap gap in gaps)
            {
                int k = gap.Dimensions.Count;
                Span<float> p = rented.AsSpan(0, k);
                Span<float> scratch = rented.AsSpan(most, k);
                for (int j = 0; j < k; j++)
                {
                    p[j] = precision[gap.Dimensions[j]];
                }

                int g = problem.AddGap(p);
                foreach (EpistemicActionType type in allowed)
                {
                    float reveal = _reveal.RevealPrecision(type, gap.Domain);
                    float logPrior = ActionTypePrior.LogPrior(session.Quadrant, type);
                    float gain = ExpectedFreeEnergy.InformationGain(p, reveal, scratch);
                    float score = (-ExpectedFreeEnergy.Combine(gain, 0f, problem.Balance) / _options.PolicyEvaluator.SelectionTemperature) + logPrior;
                    pool.Add((new PolicyCandidate(false, type, g, reveal, logPrior), score, pool.Count));
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }

        // Highest score first; equal scores keep their order (as a stable sort would).
        pool.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Order.CompareTo(b.Order));
        for (int i = 0; i < pool.Count && i < _options.ExplorationBudget; i++)
        {
            problem.AddCandidate(pool[i].Candidate);
        }

        problem.AddCandidate(new PolicyCandidate(true, default, -1, 0f, 0f));
        problem.GoalAlignment = GoalAlignment(session, gaps, problem.PreferencePrecision);
        return (problem, rateLimited);
    }

    private static float GoalAlignment(Session session, IReadOnlyList<KnowledgeGap> gaps, float gamma)
    {
        if (session.Goals.Count == 0)
        {
            return 0f;
        }

        double weights = 0; // summed in double as Enumerable.Sum did, so the alignment is unchanged to the last bit
        for (int i = 0; i < session.Goals.Count; i++)
        {
            weights += session.Goals[i].Weight;
        }

        float totalWeight = (float)weights;
        float[] mean = session.Beliefs.Belief.Mean;
        double sum = 0;
        for (int goalIndex = 0; goalIndex < session.Goals.Count; goalIndex++)
        {
            GoalPreference goal = session.Goals[goalIndex];
            ReadOnlySpan<float> g = goal.Embedding.Span;
            double inner = 0;
            for (int gapIndex = 0; gapIndex < gaps.Count; gapIndex++)
            {
                IReadOnlyList<int> dimensions = gaps[gapIndex].Dimensions;
                for (int j = 0; j < dimensions.Count; j++)
                {
                    int i = dimensions[j];
                    double d = mean[i] - g[i];
                    inner += ((double)g[i] * g[i]) - (d * d);
                }
            }

            sum += goal.Weight / totalWeight * inner;
        }

        return (float)(0.5 * gamma * sum);
    }

    /// <summary>The gap's dimensions: the DimensionsPerGap largest direction_i² / p_i not yet used, where the direction is the domain's centroid (or the latest observation).</summary>
    private int[] SelectDimensions(Session session, string domain, bool[] used)
    {
        ReadOnlySpan<float> direction = session.Domains.TryGetValue(domain, out DomainBelief? d) && d.Count > 0
            ? d.Centroid
            : session.History.Count > 0 ? session.History[session.History.Count - 1].Embedding.Span : session.Beliefs.Belief.Mean;
        float[] precision = session.Beliefs.Belief.Precision;
        int n = direction.Length;
        float[] scores = ArrayPool<float>.Shared.Rent(n);
        float[] work = ArrayPool<float>.Shared.Rent(n);
        int[] chosen = ArrayPool<int>.Shared.Rent(Math.Min(n, _options.Actions.DimensionsPerGap));
        int[] dims;
        try
        {
            Span<float> score = scores.AsSpan(0, n);
            TensorPrimitives.Multiply(direction, direction, score);
            TensorPrimitives.Divide(score, precision, score);
            for (int i = 0; i < n; i++)
            {
                if (used[i])
                {
                    score[i] = 0f;
                }
            }

            int count = LargestScores.Select(score, _options.Actions.DimensionsPerGap, work, chosen);
            dims = chosen.AsSpan(0, count).ToArray();
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<float>.Shared.Return(work);
            ArrayPool<int>.Shared.Return(chosen);
        }

        foreach (int i in dims)
        {
            used[i] = true;
        }

        return dims;
    }

    private static float Relevance(Session session, KnowledgeGap gap, ReadOnlySpan<float> last)
    {
        float same = gap.Domain == session.CurrentDomain ? 0.5f : 0f;
        if (last.IsEmpty || !session.Domains.TryGetValue(gap.Domain, out DomainBelief? d) || d.Count == 0)
        {
            return same + (last.IsEmpty ? 0f : 0.25f);
        }

        float norms = TensorPrimitives.Norm(d.Centroid) * TensorPrimitives.Norm(last);
        float cosine = norms > 0 ? TensorPrimitives.Dot(d.Centroid, last) / norms : 0f;
        return Math.Clamp(same + (0.5f * Math.Max(0f, cosine)), 0f, 1f);
    }

    private static List<string> TextsOf(Session session, string domain)
    {
        var texts = new List<string>();
        for (int i = 0; i < session.History.Count; i++)
        {
            if (session.History[i].Domain == domain)
            {
                texts.Add(session.History[i].Text);
            }
        }

        return texts;
    }

    private static string LatestText(Session session, string domain)
    {
        for (int i = session.History.Count - 1; i >= 0; i--)
        {
            if (session.History[i].Domain == domain && session.History[i].Text.Length > 0)
            {
                return session.History[i].Text;
            }
        }

        return string.Empty;
    }

    // The most recently seen other named domain (the first of equals, in the session's domain order).
    private static string RelatedDomain(Session session, string domain)
    {
        DomainBelief? related = null;
        foreach (DomainBelief d in session.Domains.Values)
        {
            if (d.Name != domain && d.Name.Length > 0 && (related is null || d.LastSeen > related.LastSeen))
            {
                related = d;
            }
        }

        return related?.Name ?? string.Empty;
    }

    private static string Describe(string domain, float severity, KnowledgeGapReasons reasons, IReadOnlyList<string> keywords)
    {
        string where = domain.Length > 0 ? $"in {domain}" : "in the current topic";
        string about = keywords.Count > 0 ? $" around {string.Join(", ", keywords)}" : string.Empty;
        var why = new List<string>();
        if (reasons.HasFlag(KnowledgeGapReasons.DomainUncertainty))
        {
            why.Add("little consistent evidence");
        }

        if (reasons.HasFlag(KnowledgeGapReasons.PredictionError))
        {
            why.Add("recent input contradicted the predictions");
        }

        if (reasons.HasFlag(KnowledgeGapReasons.JohariQuadrant))
        {
            why.Add("the session is in unexplored territory");
        }

        if (reasons.HasFlag(KnowledgeGapReasons.Forced))
        {
            why.Add("an action was requested");
        }

        return $"Uncertainty {severity:0.00} {where}{about}: {string.Join("; ", why)}.";
    }
}
