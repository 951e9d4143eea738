namespace Actinf.Bench.Analysis;

/// <summary>How <see cref="MannWhitney.Test"/> computed its p-value.</summary>
public enum MannWhitneyMethod
{
    /// <summary>
    /// The exact permutation distribution of U: used when both samples have fewer than
    /// <see cref="MannWhitney.ExactLimit"/> values and no value is tied.
    /// </summary>
    Exact,

    /// <summary>
    /// The normal approximation with the tie-corrected variance and a continuity correction of ½: used
    /// for larger samples or when values are tied.
    /// </summary>
    NormalApproximation,
}
