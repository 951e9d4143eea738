namespace Actinf.Causal.Io;

/// <summary>
/// A network file (BIF or XMLBIF) is not well formed: a token other than the one the grammar expects, a
/// truncated file, an unterminated comment, a number that does not parse, or a <c>[ k ]</c> state count
/// that disagrees with the states listed. The message names the file, the line and what was expected
/// versus what was found.
/// </summary>
/// <remarks>
/// Problems of meaning rather than syntax (an unknown variable, a cycle, a row that does not sum to 1)
/// are reported as <see cref="Networks.NetworkValidationException"/> instead.
/// </remarks>
public sealed class BifFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BifFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public BifFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public BifFormatException()
    {
    }

    /// <summary>
    /// Creates the exception for a problem at <paramref name="lineNumber"/> of <paramref name="fileName"/>;
    /// the message is "<c>fileName line n: detail</c>".
    /// </summary>
    /// <param name="fileName">The file name, or the name given to a <c>Parse</c> method.</param>
    /// <param name="lineNumber">The 1-based line of the problem.</param>
    /// <param name="detail">What was expected and what was found.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public BifFormatException(string fileName, int lineNumber, string detail, Exception? innerException = null)
        : base($"{fileName} line {lineNumber}: {detail}", innerException)
    {
        FileName = fileName;
        LineNumber = lineNumber;
    }

    /// <summary>The file name (or the name given to a <c>Parse</c> method); null when not known.</summary>
    public string? FileName { get; }

    /// <summary>The 1-based line of the problem; 0 when not known.</summary>
    public int LineNumber { get; }
}
