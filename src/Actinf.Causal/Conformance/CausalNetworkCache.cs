using System.Security.Cryptography;
using Actinf.Causal.Inference;
using Actinf.Causal.Io;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Conformance;

/// <summary>
/// Networks loaded during one conformance run, keyed by full path, each with its exact engine and the
/// SHA-256 of its file, so that fixture files naming the same network read it once. Thread-safe.
/// </summary>
public sealed class CausalNetworkCache
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Number of distinct network files loaded so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The network at <paramref name="path"/>, loaded with <see cref="NetworkFile.Load(string)"/> on first use.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="NetworkValidationException">The network is malformed (and other reader exceptions for bad syntax).</exception>
    public BayesianNetwork Network(string path) => Get(path).Network;

    /// <summary>The exact engine of the network at <paramref name="path"/> (one instance per file).</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public ExactInference Engine(string path) => Get(path).Engine;

    /// <summary>SHA-256 of the file at <paramref name="path"/> as lower-case hex (computed once).</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public string Sha256(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string key = Path.GetFullPath(path);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out Entry? e) && e.Sha256 is not null)
            {
                return e.Sha256;
            }
        }

        string hash = HashFile(key);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out Entry? e))
            {
                e.Sha256 = hash;
            }
        }

        return hash;
    }

    /// <summary>SHA-256 of a file as lower-case hex.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string HashFile(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private Entry Get(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string key = Path.GetFullPath(path);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out Entry? cached))
            {
                return cached;
            }
        }

        // Load outside the lock: two threads may both read a new file once; the first stored wins.
        BayesianNetwork network = NetworkFile.Load(key);
        var entry = new Entry(network, new ExactInference(network));
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out Entry? raced))
            {
                return raced;
            }

            _entries[key] = entry;
            return entry;
        }
    }

    private sealed class Entry(BayesianNetwork network, ExactInference engine)
    {
        public BayesianNetwork Network { get; } = network;

        public ExactInference Engine { get; } = engine;

        public string? Sha256 { get; set; }
    }
}
