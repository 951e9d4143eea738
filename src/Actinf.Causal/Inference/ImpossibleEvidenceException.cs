namespace Actinf.Causal.Inference;

/// <summary>
/// The clamps have probability 0 (e.g. an observation that a deterministic CPT rules out), so no posterior
/// exists. The evidence probability itself (0) can still be asked for.
/// </summary>
public sealed class ImpossibleEvidenceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ImpossibleEvidenceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public ImpossibleEvidenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public ImpossibleEvidenceException()
    {
    }
}
