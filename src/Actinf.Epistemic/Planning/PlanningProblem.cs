using Actinf.Epistemic.Numerics;

namespace Actinf.Epistemic.Planning;

/// <summary>
/// What the policy evaluator plans over: the belief precisions on each knowledge gap's dimensions (the gaps
/// are disjoint), the candidate steps, and the terms of the pragmatic value.
/// </summary>
/// <remarks>
/// Gap k owns the precisions <c>BasePrecision[GapOffsets[k] .. GapOffsets[k+1])</c>. Because gaps do not share
/// dimensions, the plan state is one number per gap (the precision added to all its dimensions) and the rollout is exact.
/// </remarks>
public sealed class PlanningProblem
{
    private readonly List<float> _basePrecision = [];
    private readonly List<int> _gapOffsets = [0];
    private readonly List<PolicyCandidate> _candidates = [];

    /// <summary>Concatenated precisions of all gaps' dimensions.</summary>
    public IReadOnlyList<float> BasePrecision => _basePrecision;

    /// <summary>Start offsets of the gaps in <see cref="BasePrecision"/> (length = gap count + 1).</summary>
    public IReadOnlyList<int> GapOffsets => _gapOffsets;

    /// <summary>Number of gaps.</summary>
    public int GapCount => _gapOffsets.Count - 1;

    /// <summary>The candidate steps (at most one has <see cref="PolicyCandidate.IsRespond"/>).</summary>
    public IReadOnlyList<PolicyCandidate> Candidates => _candidates;

    /// <summary>Prior precision p₀ of the beliefs (reference of the pragmatic value). Default 1.</summary>
    public float PriorPrecision { get; set; } = 1f;

    /// <summary>Preference precision gamma (PolicyEvaluatorOptions.PreferencePrecision). Default 1.</summary>
    public float PreferencePrecision { get; set; } = 1f;

    /// <summary>
    /// Goal alignment term of the answer (nats), constant along plans: ½ gamma Σ_j w_j Σ_i (g_ji² - (mu_i - g_ji)²) over
    /// the gaps' dimensions; 0 without goals.
    /// </summary>
    public float GoalAlignment { get; set; }

    /// <summary>Epistemic/pragmatic balance b. Default 0.5.</summary>
    public float Balance { get; set; } = 0.5f;

    /// <summary>Adds a gap with the given dimension precisions.</summary>
    /// <param name="precisions">Current belief precisions of the gap's dimensions (&gt; 0).</param>
    /// <returns>The gap index.</returns>
    public int AddGap(ReadOnlySpan<float> precisions)
    {
        _basePrecision.AddRange(precisions);

        _gapOffsets.Add(_basePrecision.Count);
        return GapCount - 1;
    }

    /// <summary>Adds a candidate step.</summary>
    /// <param name="candidate">The step (its gap must exist unless it is the answer).</param>
    /// <returns>The candidate index.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The gap index is out of range.</exception>
    public int AddCandidate(PolicyCandidate candidate)
    {
        if (!candidate.IsRespond && (candidate.Gap < 0 || candidate.Gap >= GapCount))
        {
            throw new ArgumentOutOfRangeException(nameof(candidate), candidate.Gap, "The candidate's gap does not exist.");
        }

        _candidates.Add(candidate);
        return _candidates.Count - 1;
    }

    /// <summary>Number of dimensions of gap <paramref name="gap"/>.</summary>
    /// <param name="gap">Gap index.</param>
    /// <returns>The count.</returns>
    public int GapDimensions(int gap) => _gapOffsets[gap + 1] - _gapOffsets[gap];

    internal ulong Fingerprint(int depth, int branching, float discount, float temperature, float pruning)
    {
        var f = new Fingerprint();
        f.Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_basePrecision));
        foreach (int o in _gapOffsets)
        {
            f.Add(o);
        }

        foreach (PolicyCandidate c in _candidates)
        {
            f.Add(c.IsRespond ? 1 : 0);
            f.Add((int)c.ActionType);
            f.Add(c.Gap);
            f.Add(c.RevealPrecision);
            f.Add(c.LogPrior);
        }

        f.Add(PriorPrecision);
        f.Add(PreferencePrecision);
        f.Add(GoalAlignment);
        f.Add(Balance);
        f.Add(depth);
        f.Add(branching);
        f.Add(discount);
        f.Add(temperature);
        f.Add(pruning);
        return f.Value;
    }
}
