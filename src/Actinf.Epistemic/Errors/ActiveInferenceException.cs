namespace Actinf.Epistemic.Errors;

/// <summary>
/// The one domain exception of the epistemic engine: an <see cref="ErrorKind"/> (with its MCP code) and a
/// message that states the offending value and the fix.
/// </summary>
/// <remarks>
/// Every operation that throws it leaves the session unchanged: inputs are validated before any state is
/// written (issue #4). Argument errors of the plain .NET kind (<see cref="ArgumentNullException"/>) are still
/// used for null references at public boundaries.
/// </remarks>
public sealed class ActiveInferenceException : Exception
{
    /// <summary>Creates an exception of the given kind.</summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">What was wrong and how to fix it.</param>
    public ActiveInferenceException(ErrorKind kind, string message)
        : base(message) => Kind = kind;

    /// <summary>Creates an exception of the given kind wrapping an inner exception.</summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">What was wrong and how to fix it.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ActiveInferenceException(ErrorKind kind, string message, Exception innerException)
        : base(message, innerException) => Kind = kind;

    /// <summary>Creates an <see cref="ErrorKind.Internal"/> exception (required by the exception pattern).</summary>
    public ActiveInferenceException()
        : base("Internal error.") => Kind = ErrorKind.Internal;

    /// <summary>Creates an <see cref="ErrorKind.Internal"/> exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ActiveInferenceException(string message)
        : base(message) => Kind = ErrorKind.Internal;

    /// <summary>Creates an <see cref="ErrorKind.Internal"/> exception wrapping an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ActiveInferenceException(string message, Exception innerException)
        : base(message, innerException) => Kind = ErrorKind.Internal;

    /// <summary>What went wrong.</summary>
    public ErrorKind Kind { get; }

    /// <summary>The MCP error code of <see cref="Kind"/> (see <see cref="ErrorKindExtensions.McpCode"/>).</summary>
    public int McpCode => Kind.McpCode();
}
