namespace Actinf.Epistemic.Errors;

/// <summary>
/// The error kinds of seed 004 section 4.1, each with the MCP (JSON-RPC) error code that
/// <see cref="ErrorKindExtensions.McpCode"/> returns.
/// </summary>
public enum ErrorKind
{
    /// <summary>The session id is unknown to the engine (MCP code -32000).</summary>
    SessionNotFound,

    /// <summary>A belief update could not be performed, e.g. an embedding of the wrong dimension (-32010).</summary>
    BeliefUpdateFailed,

    /// <summary>Expected-free-energy evaluation overran its budget and no partial result was usable (-32011).</summary>
    EfeTimeout,

    /// <summary>The generative model is invalid (shapes, precisions, weights) (-32012).</summary>
    InvalidModel,

    /// <summary>Policy evaluation failed (-32013).</summary>
    PolicyEvaluationFailed,

    /// <summary>Epistemic action generation failed (-32014).</summary>
    ActionGenerationFailed,

    /// <summary>NaN, infinity or a degenerate (zero-norm) vector was given or produced (-32015).</summary>
    NumericalInstability,

    /// <summary>A configuration setting is out of range; the message names the setting (-32016).</summary>
    ConfigurationError,

    /// <summary>An unexpected internal failure (-32603, JSON-RPC internal error).</summary>
    Internal,
}
