namespace Actinf.Epistemic.Errors;

/// <summary>Maps <see cref="ErrorKind"/> to the MCP error codes of seed 004 section 4.1.</summary>
public static class ErrorKindExtensions
{
    /// <summary>Returns the JSON-RPC error code the MCP server reports for <paramref name="kind"/>.</summary>
    /// <param name="kind">The error kind.</param>
    /// <returns>-32000 (session not found), -32010 … -32016 (the module's errors) or -32603 (internal).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public static int McpCode(this ErrorKind kind) => kind switch
    {
        ErrorKind.SessionNotFound => -32000,
        ErrorKind.BeliefUpdateFailed => -32010,
        ErrorKind.EfeTimeout => -32011,
        ErrorKind.InvalidModel => -32012,
        ErrorKind.PolicyEvaluationFailed => -32013,
        ErrorKind.ActionGenerationFailed => -32014,
        ErrorKind.NumericalInstability => -32015,
        ErrorKind.ConfigurationError => -32016,
        ErrorKind.Internal => -32603,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown error kind."),
    };
}
