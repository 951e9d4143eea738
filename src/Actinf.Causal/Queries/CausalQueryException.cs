namespace Actinf.Causal.Queries;

/// <summary>
/// A causal query that cannot be asked as given: an unknown variable or state, a bad vector, a variable clamped
/// twice, or parts that do not combine. The message names the offending part in the caller's own terms
/// (<see cref="QueryTerms"/> and the labels given to <see cref="CheckedClamps"/>).
/// </summary>
public sealed class CausalQueryException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">One line: the part, then the problem and what would be accepted.</param>
    public CausalQueryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message (prefer the constructor with one).</summary>
    public CausalQueryException()
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CausalQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
