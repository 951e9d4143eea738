namespace Actinf.Causal.Networks;

/// <summary>
/// A Bayesian network is malformed: a cycle (one is named), a duplicate variable or state, an unknown
/// parent, a probability table of the wrong size, a negative, NaN or infinite entry, a row that does not
/// sum to 1 (the variable and the parent values are named) or a row that sums to 0.
/// </summary>
public sealed class NetworkValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NetworkValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public NetworkValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public NetworkValidationException()
    {
    }
}
