using Actinf.Epistemic.Actions;
using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Errors;

namespace Actinf.Epistemic.Learning;

/// <summary>
/// Learns how much each action type reveals in each domain from helpful / not-helpful feedback, with the
/// exponential time decay of seed 002 (half-life 30 days by default). Thread-safe.
/// </summary>
/// <remarks>
/// <para>Model: a rating is Bernoulli(theta) with theta ~ Beta(a₀ + h, b₀ + u), where h and u are the helpful and
/// unhelpful counts, each decayed by 0.5^(age / half-life) (a discounted Beta–Bernoulli filter: old evidence
/// fades back to the prior). The reveal precision used by the planner is p_a = MaxRevealPrecision · E[theta] =
/// MaxRevealPrecision · (a₀ + h) / (a₀ + b₀ + h + u): an action whose answers never help reveals nothing.</para>
/// <para>The helpful rate (seed 004 target: over 70 %) counts every rating without decay.</para>
/// </remarks>
public sealed class ActionRevealModel
{
    private readonly object _gate = new();
    private readonly Dictionary<(EpistemicActionType, string), RevealStatistics> _stats = [];
    private readonly TimeProvider _time;
    private long _rated;
    private long _helpful;

    /// <summary>Creates a model with the prior only.</summary>
    /// <param name="options">Validated learning options.</param>
    /// <param name="timeProvider">Clock for the decay.</param>
    /// <exception cref="ActiveInferenceException"><see cref="ErrorKind.ConfigurationError"/> for invalid options.</exception>
    public ActionRevealModel(FeedbackLearningOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        Options = options;
        _time = timeProvider;
    }

    /// <summary>The options.</summary>
    public FeedbackLearningOptions Options { get; }

    /// <summary>Ratings received.</summary>
    public long Rated => Interlocked.Read(ref _rated);

    /// <summary>Ratings that were helpful.</summary>
    public long Helpful => Interlocked.Read(ref _helpful);

    /// <summary>Helpful / rated, in [0, 1] (0 before any rating).</summary>
    public double HelpfulRate
    {
        get
        {
            long r = Rated;
            return r == 0 ? 0 : (double)Helpful / r;
        }
    }

    /// <summary>E[P(helpful)] of the type in the domain now, in (0, 1).</summary>
    /// <param name="type">Action type.</param>
    /// <param name="domain">Domain (null is treated as "").</param>
    /// <returns>(a₀ + h) / (a₀ + b₀ + h + u) with decayed counts.</returns>
    public float HelpfulProbability(EpistemicActionType type, string? domain)
    {
        (double h, double u) = DecayedCounts(type, domain ?? string.Empty, _time.GetUtcNow());
        return (float)((Options.PriorHelpful + h) / (Options.PriorHelpful + Options.PriorUnhelpful + h + u));
    }

    /// <summary>Reveal precision p_a = MaxRevealPrecision · E[P(helpful)] for the planner.</summary>
    /// <param name="type">Action type.</param>
    /// <param name="domain">Domain.</param>
    /// <returns>p_a &gt; 0.</returns>
    public float RevealPrecision(EpistemicActionType type, string? domain) =>
        Options.MaxRevealPrecision * HelpfulProbability(type, domain);

    /// <summary>Records a rating: decays the counts to now and adds one helpful or unhelpful observation.</summary>
    /// <param name="type">Action type rated.</param>
    /// <param name="domain">Domain of the action.</param>
    /// <param name="helpful">Whether the user found it helpful.</param>
    public void RecordFeedback(EpistemicActionType type, string? domain, bool helpful)
    {
        string key = domain ?? string.Empty;
        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            (double h, double u) = DecayedCounts(type, key, now);
            _stats[(type, key)] = new RevealStatistics(type, key, h + (helpful ? 1 : 0), u + (helpful ? 0 : 1), now);

            // Counted under the gate, so that an export (Capture) sees counts and statistics of the same ratings.
            Interlocked.Increment(ref _rated);
            if (helpful)
            {
                Interlocked.Increment(ref _helpful);
            }
        }
    }

    /// <summary>The statistics (ordered by type, then domain, ordinal) and the rating counters, read under one lock.</summary>
    internal (RevealStatistics[] Statistics, long Rated, long Helpful) Capture()
    {
        lock (_gate)
        {
            RevealStatistics[] statistics = [.. _stats.Values.OrderBy(s => s.ActionType).ThenBy(s => s.Domain, StringComparer.Ordinal)];
            return (statistics, Interlocked.Read(ref _rated), Interlocked.Read(ref _helpful));
        }
    }

    /// <summary>Replaces all statistics and counters (already validated: finite, non-negative, no duplicate key) under the lock.</summary>
    internal void Restore(IReadOnlyList<RevealStatistics> statistics, long rated, long helpful)
    {
        lock (_gate)
        {
            _stats.Clear();
            foreach (RevealStatistics s in statistics)
            {
                _stats[(s.ActionType, s.Domain)] = s;
            }

            Interlocked.Exchange(ref _rated, rated);
            Interlocked.Exchange(ref _helpful, helpful);
        }
    }

    /// <summary>A snapshot of all statistics (for export and inspection).</summary>
    /// <returns>The statistics, ordered by type then domain.</returns>
    public IReadOnlyList<RevealStatistics> Snapshot()
    {
        lock (_gate)
        {
            return [.. _stats.Values.OrderBy(s => s.ActionType).ThenBy(s => s.Domain, StringComparer.Ordinal)];
        }
    }

    private (double Helpful, double Unhelpful) DecayedCounts(EpistemicActionType type, string domain, DateTimeOffset now)
    {
        RevealStatistics s;
        lock (_gate)
        {
            if (!_stats.TryGetValue((type, domain), out s))
            {
                return (0, 0);
            }
        }

        double age = Math.Max(0, (now - s.UpdatedAt).TotalSeconds);
        double decay = Math.Pow(0.5, age / Options.HalfLife.TotalSeconds);
        return (s.Helpful * decay, s.Unhelpful * decay);
    }
}
