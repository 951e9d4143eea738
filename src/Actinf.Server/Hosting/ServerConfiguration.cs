using Actinf.Epistemic.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Actinf.Server.Hosting;

/// <summary>
/// Reads the server's settings from, in rising precedence: an optional JSON file, <c>ACTINF_*</c> environment
/// variables, and command-line flags (Microsoft.Extensions.Configuration). Keys (case-insensitive): <c>Store</c>,
/// <c>Networks</c>, <c>Http</c>, <c>LogLevel</c>, <c>MaxLoadedSessions</c>, <c>IdleTimeout</c>,
/// <c>MaxListedSessions</c>, <c>HttpSessionIdleTimeout</c>, <c>MaxHttpSessions</c>, <c>Durability</c>, and the section <c>Engine</c>
/// (the epistemic engine's <see cref="EngineOptions"/>, property by property). Environment variables use <c>__</c>
/// between a section and its key: <c>ACTINF_STORE</c>, <c>ACTINF_HTTP</c>, <c>ACTINF_ENGINE__UNCERTAINTYTHRESHOLD</c>.
/// </summary>
public static class ServerConfiguration
{
    /// <summary>Environment variable naming the JSON configuration file when <c>--config</c> is not given.</summary>
    public const string ConfigEnvironmentVariable = "ACTINF_CONFIG";

    /// <summary>Prefix of the environment variables read as settings.</summary>
    public const string EnvironmentPrefix = "ACTINF_";

    /// <summary>Builds the server options.</summary>
    /// <param name="configFile">The JSON file, or null for <c>$ACTINF_CONFIG</c>, or none when that is unset too.</param>
    /// <param name="flags">Settings given as flags (key → value, keys as in the file); null values are skipped.</param>
    /// <param name="environment">The environment variables to read; null reads the process's.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="ArgumentException">
    /// The file is missing or not JSON, it holds an unknown key (named, with the file), or a value does not parse
    /// or is out of range (named).
    /// </exception>
    public static ServerOptions Load(string? configFile, IReadOnlyDictionary<string, string?>? flags = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        environment ??= ProcessEnvironment();
        if (string.IsNullOrWhiteSpace(configFile) && environment.TryGetValue(ConfigEnvironmentVariable, out string? fromEnvironment) && !string.IsNullOrWhiteSpace(fromEnvironment))
        {
            configFile = fromEnvironment;
        }

        var builder = new ConfigurationBuilder();
        if (!string.IsNullOrWhiteSpace(configFile))
        {
            string path = Path.GetFullPath(configFile);
            if (!File.Exists(path))
            {
                throw new ArgumentException($"The configuration file '{path}' does not exist.", nameof(configFile));
            }

            IConfigurationRoot fileOnly;
            try
            {
                fileOnly = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
            }
            catch (Exception e) when (e is FormatException or InvalidDataException or System.Text.Json.JsonException)
            {
                throw new ArgumentException($"The configuration file '{path}' is not valid JSON: {e.Message}", nameof(configFile), e);
            }

            // A misspelt key in a file is a mistake to report; the environment holds other programs' ACTINF_* variables too.
            Bind(fileOnly, strict: true, $"in '{path}'");
            builder.AddConfiguration(fileOnly);
        }

        var fromEnvironmentVariables = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach ((string name, string? value) in environment)
        {
            if (name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) && !name.Equals(ConfigEnvironmentVariable, StringComparison.OrdinalIgnoreCase))
            {
                fromEnvironmentVariables[name[EnvironmentPrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] = value;
            }
        }

        builder.AddInMemoryCollection(fromEnvironmentVariables);
        if (flags is not null)
        {
            builder.AddInMemoryCollection(flags.Where(f => f.Value is not null));
        }

        ServerSettings settings = Bind(builder.Build(), strict: false, "in the settings");
        ServerOptions options = settings.ToOptions();
        options.Validate();
        return options;
    }

    private static ServerSettings Bind(IConfiguration configuration, bool strict, string where)
    {
        try
        {
            return configuration.Get<ServerSettings>(o => o.ErrorOnUnknownConfiguration = strict) ?? new ServerSettings();
        }
        catch (InvalidOperationException e)
        {
            // The binder's message names the key and the value that did not convert, or the unknown keys.
            throw new ArgumentException($"Invalid configuration {where}: {e.Message}{(e.InnerException is null ? string.Empty : " " + e.InnerException.Message)}", e);
        }
    }

    private static Dictionary<string, string?> ProcessEnvironment()
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string;
        }

        return result;
    }

    /// <summary>The configuration's keys; a mutable mirror of <see cref="ServerOptions"/> for the binder.</summary>
    private sealed class ServerSettings
    {
        public string? Store { get; set; }

        public string? Networks { get; set; }

        public string? Http { get; set; }

        public LogLevel? LogLevel { get; set; }

        public int? MaxLoadedSessions { get; set; }

        public TimeSpan? IdleTimeout { get; set; }

        public int? MaxListedSessions { get; set; }

        public TimeSpan? HttpSessionIdleTimeout { get; set; }

        public int? MaxHttpSessions { get; set; }

        public Stores.StoreDurability? Durability { get; set; }

        public EngineOptions? Engine { get; set; }

        public ServerOptions ToOptions()
        {
            var defaults = new ServerOptions();
            return defaults with
            {
                StorePath = string.IsNullOrWhiteSpace(Store) ? ServerOptions.DefaultStorePath() : Store,
                NetworksDirectory = string.IsNullOrWhiteSpace(Networks) ? null : Networks,
                HttpEndpoint = string.IsNullOrWhiteSpace(Http) ? null : Http,
                LogLevel = LogLevel ?? defaults.LogLevel,
                MaxLoadedSessions = MaxLoadedSessions ?? defaults.MaxLoadedSessions,
                IdleTimeout = IdleTimeout ?? defaults.IdleTimeout,
                MaxListedSessions = MaxListedSessions ?? defaults.MaxListedSessions,
                HttpSessionIdleTimeout = HttpSessionIdleTimeout ?? defaults.HttpSessionIdleTimeout,
                MaxHttpSessions = MaxHttpSessions ?? defaults.MaxHttpSessions,
                Durability = Durability ?? defaults.Durability,
                Engine = Engine ?? defaults.Engine,
            };
        }
    }
}
