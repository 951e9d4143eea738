namespace Actinf.Core.Environments;

/// <summary>
/// A generative model does not fit a generative process: its modalities, factors, or outcome, state or
/// control counts differ from the environment's. The message lists every mismatch and the dimensions the
/// environment needs.
/// </summary>
public sealed class IncompatibleModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IncompatibleModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public IncompatibleModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public IncompatibleModelException()
    {
    }
}
