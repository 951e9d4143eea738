using Actinf.Bench.Replay;

namespace Actinf.Bench.Baselines;

/// <summary>A measured replay next to pymdp's figures for the same model, when the baseline has them.</summary>
/// <param name="Result">What <see cref="StepReplay"/> measured.</param>
/// <param name="Pymdp">pymdp's timings of the model with the same name, or null.</param>
public sealed record PymdpComparison(StepReplayResult Result, PymdpModelTimings? Pymdp)
{
    /// <summary>pymdp's median step time divided by ours (how many times faster we are), or null without a baseline.</summary>
    public double? Speedup => Pymdp is null || Result.MedianMicroseconds <= 0
        ? null
        : Pymdp.Step.Median / Result.MedianMicroseconds;

    /// <summary>Pairs each result with the baseline's model of the same name.</summary>
    /// <param name="results">Measured replays.</param>
    /// <param name="baseline">pymdp's timings, or null when there is none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="results"/> is null.</exception>
    public static IReadOnlyList<PymdpComparison> Pair(IEnumerable<StepReplayResult> results, PymdpBaseline? baseline)
    {
        ArgumentNullException.ThrowIfNull(results);
        return [.. results.Select(r => new PymdpComparison(r, baseline?.Find(r.Name)))];
    }
}
