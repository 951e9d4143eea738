namespace Actinf.Causal.Experiments;

/// <summary>Which experiments <see cref="ExperimentDesigner.Rank"/> considers and how many it returns.</summary>
public sealed class ExperimentOptions
{
    /// <summary>Every unclamped variable, both kinds, every result.</summary>
    public static ExperimentOptions Default { get; } = new();

    /// <summary>
    /// The candidate variables; null (default) = every variable that is neither clamped nor the target, in
    /// declaration order. Named candidates must not be clamped.
    /// </summary>
    public IReadOnlyList<string>? Candidates { get; init; }

    /// <summary>Consider observing each candidate (default true).</summary>
    public bool Observations { get; init; } = true;

    /// <summary>Consider intervening on each candidate (default true).</summary>
    public bool Interventions { get; init; } = true;

    /// <summary>Return only the best k experiments; null (default) = all. Must be at least 1.</summary>
    public int? Top { get; init; }
}
