namespace Actinf.Bench.Analysis;

/// <summary>
/// How large a statistically significant change of the median is, against <see cref="ComparisonOptions.WarnPercent"/>
/// and <see cref="ComparisonOptions.FailPercent"/>. Improvements get the same magnitudes as regressions; only a
/// <see cref="Severe"/> <em>regression</em> fails the gate.
/// </summary>
public enum Severity
{
    /// <summary>No significant change (noise), or no comparison (the benchmark is in one file only).</summary>
    None,

    /// <summary>Significant, and |change| below the warning threshold.</summary>
    Minor,

    /// <summary>Significant, and |change| from the warning threshold up to the failure threshold: a warning for a regression.</summary>
    Moderate,

    /// <summary>Significant, and |change| above the failure threshold: a failure for a regression.</summary>
    Severe,
}
