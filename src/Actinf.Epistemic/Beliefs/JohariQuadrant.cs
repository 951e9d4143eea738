namespace Actinf.Epistemic.Beliefs;

/// <summary>
/// Johari window quadrant of the session (seed 004), derived from the uncertainty level U and the normalised
/// surprise S of the latest observation by <see cref="JohariClassifier"/>.
/// </summary>
/// <remarks>
/// "Known to self" = U below the uncertainty threshold; "known to others" = the observations the others give
/// us are predicted (S below the surprise threshold).
/// </remarks>
public enum JohariQuadrant
{
    /// <summary>Known to self and others: low U, low S. Direct recall; hypotheses and examples refine.</summary>
    Open,

    /// <summary>Unknown to self, known to others: high U, high S. The others know what we do not: seek clarification.</summary>
    Blind,

    /// <summary>Known to self, hidden from others: low U, high S. Our confident beliefs are not what others show: confirm understanding.</summary>
    Hidden,

    /// <summary>Unknown to both: high U, low S. Nothing contradicts us but little is known: explore.</summary>
    Unknown,
}
