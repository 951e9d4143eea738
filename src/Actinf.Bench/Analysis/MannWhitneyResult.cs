namespace Actinf.Bench.Analysis;

/// <summary>The outcome of a two-sided Mann-Whitney U test of samples x and y.</summary>
/// <param name="U">
/// U of the first sample: the number of pairs (xᵢ, yⱼ) with xᵢ &gt; yⱼ, ties counting ½.
/// U ranges over [0, n₁n₂]; n₁n₂/2 means neither sample tends to be larger.
/// </param>
/// <param name="Z">
/// The standardised statistic (U − n₁n₂/2 ∓ ½)/σ of the normal approximation, with the tie-corrected σ;
/// reported for both methods, 0 when every value is tied (σ = 0).
/// </param>
/// <param name="PValue">Two-sided p-value in [0, 1]: the chance of a U at least this far from n₁n₂/2 when both samples come from one distribution.</param>
/// <param name="Method">Whether <paramref name="PValue"/> is exact or from the normal approximation.</param>
/// <param name="FirstCount">n₁, the size of the first sample.</param>
/// <param name="SecondCount">n₂, the size of the second sample.</param>
public sealed record MannWhitneyResult(double U, double Z, double PValue, MannWhitneyMethod Method, int FirstCount, int SecondCount)
{
    /// <summary>U of the second sample, n₁n₂ − U.</summary>
    public double SecondU => ((double)FirstCount * SecondCount) - U;

    /// <summary>
    /// Common-language effect size: the probability that a value of the first sample exceeds one of the
    /// second (ties counting ½), U/(n₁n₂). 0.5 means no tendency either way.
    /// </summary>
    public double FirstGreaterProbability => U / ((double)FirstCount * SecondCount);
}
