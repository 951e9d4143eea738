using Actinf.Epistemic.Configuration;
using Microsoft.Extensions.Logging;

namespace Actinf.Server.Hosting;

/// <summary>Settings of the MCP server. Immutable; checked by <see cref="Validate"/> when the server starts.</summary>
public sealed record ServerOptions
{
    /// <summary>Environment variable that sets <see cref="StorePath"/> when no path is given explicitly.</summary>
    public const string StoreEnvironmentVariable = "ACTINF_STORE";

    /// <summary>Environment variable <c>actinf serve</c> reads for <see cref="NetworksDirectory"/> when <c>--networks</c> is not given.</summary>
    public const string NetworksEnvironmentVariable = "ACTINF_NETWORKS";

    /// <summary>
    /// The folder of the Bayesian networks (.bif, .xml, .xmlbif) that <c>causal_query</c> and
    /// <c>causal_suggest_experiment</c> load by file name. Default null: the causal tools answer -32602.
    /// </summary>
    public string? NetworksDirectory { get; init; }

    /// <summary>The SQLite session store file. Default: <see cref="DefaultStorePath"/>.</summary>
    public string StorePath { get; init; } = DefaultStorePath();

    /// <summary>Sessions kept in memory at most; the least recently used idle ones are evicted (they stay in the store). Default 1000.</summary>
    public int MaxLoadedSessions { get; init; } = 1000;

    /// <summary>A session untouched for this long is evicted from memory (it stays in the store). Default 10 minutes.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Most sessions <c>session_list</c> returns. Default 1000.</summary>
    public int MaxListedSessions { get; init; } = 1000;

    /// <summary>Minimum level of the logs written to stderr. Default <see cref="LogLevel.Warning"/>.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    /// <summary>The epistemic engine's settings (seed 004 defaults).</summary>
    public EngineOptions Engine { get; init; } = new();

    /// <summary>
    /// The default store file: <c>$ACTINF_STORE</c> when set, else <c>actinf/sessions.db</c> in the user's local
    /// application data folder (<c>~/.local/share</c> on Linux, <c>%LOCALAPPDATA%</c> on Windows).
    /// </summary>
    /// <returns>The path.</returns>
    public static string DefaultStorePath()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(StoreEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        string data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(data))
        {
            data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(data, "actinf", "sessions.db");
    }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(StorePath))
        {
            throw new ArgumentException("StorePath must name a file.", nameof(StorePath));
        }

        if (MaxLoadedSessions < 1)
        {
            throw new ArgumentException($"MaxLoadedSessions is {MaxLoadedSessions}; it must be at least 1.", nameof(MaxLoadedSessions));
        }

        if (IdleTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"IdleTimeout is {IdleTimeout}; it must be positive.", nameof(IdleTimeout));
        }

        if (MaxListedSessions < 1)
        {
            throw new ArgumentException($"MaxListedSessions is {MaxListedSessions}; it must be at least 1.", nameof(MaxListedSessions));
        }

        ArgumentNullException.ThrowIfNull(Engine);
    }
}
