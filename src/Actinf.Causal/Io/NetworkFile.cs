using Actinf.Causal.Networks;

namespace Actinf.Causal.Io;

/// <summary>Loads a network file, choosing the reader by the file's extension.</summary>
public static class NetworkFile
{
    /// <summary>The extensions <see cref="Load"/> accepts (compared case-insensitively).</summary>
    public static IReadOnlyList<string> SupportedExtensions { get; } = [".bif", ".xml", ".xmlbif"];

    /// <summary>
    /// Loads the network at <paramref name="path"/>: <c>.bif</c> with <see cref="BifReader"/>, <c>.xml</c> and
    /// <c>.xmlbif</c> with <see cref="XmlBifReader"/>. The network is named after the file (without extension).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or whitespace, or its extension is not
    /// supported (the message lists the supported ones).</exception>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>; the message names the path.</exception>
    /// <exception cref="BifFormatException">The file is not well formed.</exception>
    /// <exception cref="NetworkValidationException">The network is malformed.</exception>
    public static BayesianNetwork Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"network file not found: '{path}'.", path);
        }

        string extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".bif" => BifReader.ReadFile(path),
            ".xml" or ".xmlbif" => XmlBifReader.ReadFile(path),
            _ => throw new ArgumentException(
                $"unsupported network file '{path}': extension '{extension}' is not one of {string.Join(", ", SupportedExtensions)}.",
                nameof(path)),
        };
    }
}
