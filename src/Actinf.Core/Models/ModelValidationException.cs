namespace Actinf.Core.Models;

/// <summary>
/// A generative model is malformed: a wrong shape, a negative, NaN or infinite entry, a column that does
/// not sum to 1, an index out of range. The message names the array (A, B, C, D, E, pA, pB, pD,
/// policies), its modality or factor, the position and the problem.
/// </summary>
public sealed class ModelValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public ModelValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public ModelValidationException()
    {
    }
}
