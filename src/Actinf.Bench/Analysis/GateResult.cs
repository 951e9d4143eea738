namespace Actinf.Bench.Analysis;

/// <summary>The verdict of <see cref="QualityGate.Evaluate"/>: the comparison and every finding.</summary>
/// <param name="Comparison">The timing comparison the regression checks came from.</param>
/// <param name="Checks">Findings in order: failures, then warnings, then notes; within each, by kind, then in run order.</param>
public sealed record GateResult(RunComparison Comparison, IReadOnlyList<GateCheck> Checks)
{
    /// <summary>True when no check failed.</summary>
    public bool Passed => !Checks.Any(c => c.Outcome == GateOutcome.Failure);

    /// <summary>The failing checks.</summary>
    public IReadOnlyList<GateCheck> Failures => [.. Checks.Where(c => c.Outcome == GateOutcome.Failure)];

    /// <summary>The warnings.</summary>
    public IReadOnlyList<GateCheck> Warnings => [.. Checks.Where(c => c.Outcome == GateOutcome.Warning)];
}
