using Actinf.Epistemic.Errors;
using ModelContextProtocol;

namespace Actinf.Server.Tools;

/// <summary>Builds the JSON-RPC errors of the tools (seed 004 section 4 codes, -32602 for invalid parameters).</summary>
internal static class McpErrors
{
    /// <summary>JSON-RPC -32602 with a message that names the parameter and the fix.</summary>
    /// <param name="message">What is wrong.</param>
    /// <returns>The exception to throw.</returns>
    public static McpProtocolException InvalidParams(string message) => new(message, McpErrorCode.InvalidParams);

    /// <summary>The engine's error with its seed 004 code (-32000, -32010 … -32016, -32603); <c>error.data.kind</c> names the kind.</summary>
    /// <param name="error">The engine's error.</param>
    /// <returns>The exception to throw.</returns>
    public static McpProtocolException From(ActiveInferenceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var result = new McpProtocolException(error.Message, error, (McpErrorCode)error.McpCode);
        result.Data["kind"] = error.Kind.ToString();
        return result;
    }

    /// <summary>JSON-RPC -32603 (internal error) naming what failed.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="cause">The cause.</param>
    /// <returns>The exception to throw.</returns>
    public static McpProtocolException Internal(string message, Exception cause) => new(message, cause, McpErrorCode.InternalError);
}
