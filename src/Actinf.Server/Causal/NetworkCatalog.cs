using System.Collections.Concurrent;
using Actinf.Causal.Inference;
using Actinf.Causal.Io;
using Actinf.Causal.Networks;
using Actinf.Server.Hosting;
using Actinf.Server.Tools;

namespace Actinf.Server.Causal;

/// <summary>
/// The causal networks of <see cref="ServerOptions.NetworksDirectory"/>, loaded by name on first use and kept with
/// one <see cref="ExactInference"/> each (thread-safe; the engine serves concurrent queries).
/// </summary>
internal sealed class NetworkCatalog(ServerOptions options)
{
    private readonly ConcurrentDictionary<string, Lazy<ExactInference>> _engines = new(StringComparer.Ordinal);

    /// <summary>The inference engine of the network called <paramref name="name"/> (file name with or without extension).</summary>
    /// <exception cref="ModelContextProtocol.McpProtocolException">-32602: no folder configured, a bad or unknown name, or an unreadable file.</exception>
    public ExactInference Get(string? name)
    {
        string path = Resolve(name);
        Lazy<ExactInference> lazy = _engines.GetOrAdd(path, p => new Lazy<ExactInference>(() => new ExactInference(NetworkFile.Load(p)), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or BifFormatException or NetworkValidationException)
        {
            _engines.TryRemove(new KeyValuePair<string, Lazy<ExactInference>>(path, lazy));
            throw McpErrors.InvalidParams($"Network '{name}' could not be loaded: {e.Message.ReplaceLineEndings(" ").Trim()}");
        }
    }

    private string Resolve(string? name)
    {
        string? folder = options.NetworksDirectory;
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw McpErrors.InvalidParams("no networks folder configured; start the server with --networks DIR");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw McpErrors.InvalidParams("Parameter 'network' must name a network file of the networks folder, e.g. 'asia' or 'asia.bif'.");
        }

        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal)
            || Path.IsPathRooted(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw McpErrors.InvalidParams($"Parameter 'network' is '{name}': give a file name of the networks folder (no path separators, no '..').");
        }

        string root = Path.GetFullPath(folder);
        string extension = Path.GetExtension(name).ToLowerInvariant();
        IEnumerable<string> candidates = NetworkFile.SupportedExtensions.Contains(extension)
            ? [Path.Combine(root, name)]
            : NetworkFile.SupportedExtensions.Select(e => Path.Combine(root, name + e));
        foreach (string candidate in candidates)
        {
            if (File.Exists(candidate) && Path.GetDirectoryName(Path.GetFullPath(candidate)) == root.TrimEnd(Path.DirectorySeparatorChar))
            {
                return Path.GetFullPath(candidate);
            }
        }

        string available = Directory.Exists(root)
            ? string.Join(", ", Directory.EnumerateFiles(root).Where(f => NetworkFile.SupportedExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).Take(50))
            : "none (the folder does not exist)";
        throw McpErrors.InvalidParams($"Unknown network '{name}' in the networks folder; available: {available}.");
    }
}
