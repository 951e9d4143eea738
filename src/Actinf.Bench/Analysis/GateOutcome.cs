namespace Actinf.Bench.Analysis;

/// <summary>How much a <see cref="GateCheck"/> matters.</summary>
public enum GateOutcome
{
    /// <summary>Information only (an added or removed benchmark).</summary>
    Note,

    /// <summary>A warning: reported, the gate still passes.</summary>
    Warning,

    /// <summary>A failure: the gate fails.</summary>
    Failure,
}
