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

    /// <summary>
    /// What an acknowledged update survives: <see cref="Stores.StoreDurability.Full"/> (default: a killed process, an
    /// OS crash and a power loss; one fsync per update) or <see cref="Stores.StoreDurability.Process"/> (a killed or
    /// crashed server process, kill -9 included; much lower latency).
    /// </summary>
    public Stores.StoreDurability Durability { get; init; } = Stores.StoreDurability.Full;

    /// <summary>Sessions kept in memory at most; the least recently used idle ones are evicted (they stay in the store). Default 1000.</summary>
    public int MaxLoadedSessions { get; init; } = 1000;

    /// <summary>A session untouched for this long is evicted from memory (it stays in the store). Default 10 minutes.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Most sessions <c>session_list</c> returns. Default 1000.</summary>
    public int MaxListedSessions { get; init; } = 1000;

    /// <summary>
    /// Where <c>actinf serve --http</c> listens: <c>HOST:PORT</c> with HOST an IP address (<c>127.0.0.1</c>,
    /// <c>[::1]</c>, <c>0.0.0.0</c>) or <c>localhost</c>; port 0 picks a free port. Default null: stdio.
    /// </summary>
    public string? HttpEndpoint { get; init; }

    /// <summary>An MCP-over-HTTP session with no request for this long is closed (its client starts a new one). Default 30 minutes.</summary>
    public TimeSpan HttpSessionIdleTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>MCP-over-HTTP sessions open at most; an initialize beyond it gets 503. Default 10,000.</summary>
    public int MaxHttpSessions { get; init; } = 10_000;

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

        if (HttpSessionIdleTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"HttpSessionIdleTimeout is {HttpSessionIdleTimeout}; it must be positive.", nameof(HttpSessionIdleTimeout));
        }

        if (MaxHttpSessions < 1)
        {
            throw new ArgumentException($"MaxHttpSessions is {MaxHttpSessions}; it must be at least 1.", nameof(MaxHttpSessions));
        }

        if (HttpEndpoint is not null)
        {
            _ = ParseHttpEndpoint(HttpEndpoint);
        }

        ArgumentNullException.ThrowIfNull(Engine);
        Engine.Validate();
    }

    /// <summary>Parses <see cref="HttpEndpoint"/>: <c>HOST:PORT</c>.</summary>
    /// <param name="endpoint">The text.</param>
    /// <returns>The address (null for <c>localhost</c>: every loopback address) and the port.</returns>
    /// <exception cref="ArgumentException">The text is not HOST:PORT with a known host and a port in 0..65535.</exception>
    public static (System.Net.IPAddress? Address, int Port) ParseHttpEndpoint(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        int colon = endpoint.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(endpoint.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port) || port > 65535)
        {
            throw new ArgumentException($"The HTTP endpoint '{endpoint}' is not HOST:PORT (for example 127.0.0.1:8080, [::1]:8080 or localhost:8080; port 0 picks a free one).", nameof(endpoint));
        }

        string host = endpoint[..colon];
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return (null, port);
        }

        if (!System.Net.IPAddress.TryParse(host.Trim('[', ']'), out System.Net.IPAddress? address))
        {
            throw new ArgumentException($"The host of the HTTP endpoint '{endpoint}' is not an IP address or localhost.", nameof(endpoint));
        }

        return (address, port);
    }
}
