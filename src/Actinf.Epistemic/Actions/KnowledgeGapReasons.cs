namespace Actinf.Epistemic.Actions;

/// <summary>Why a knowledge gap was identified (flags: a gap may have several reasons).</summary>
[Flags]
public enum KnowledgeGapReasons
{
    /// <summary>No reason.</summary>
    None = 0,

    /// <summary>The domain's uncertainty is at or above the threshold.</summary>
    DomainUncertainty = 1,

    /// <summary>A recent observation in the domain was surprising (high precision-weighted prediction error).</summary>
    PredictionError = 2,

    /// <summary>The Johari quadrant is Blind or Unknown.</summary>
    JohariQuadrant = 4,

    /// <summary>The request forced action generation below the threshold.</summary>
    Forced = 8,
}
