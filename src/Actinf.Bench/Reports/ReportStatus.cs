namespace Actinf.Bench.Reports;

/// <summary>The colour of a verdict or a table row: what a reader should feel about it.</summary>
public enum ReportStatus
{
    /// <summary>Information.</summary>
    Neutral,

    /// <summary>Good news: passed, faster.</summary>
    Good,

    /// <summary>Needs a look: a moderate regression, a warning.</summary>
    Warning,

    /// <summary>Fails the gate.</summary>
    Failure,
}
