using System.Diagnostics.Metrics;
using Actinf.Epistemic;
using Actinf.Server.Sessions;
using Actinf.Server.Stores;
using Actinf.Server.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Actinf.Server.Hosting;

/// <summary>Registers the Actinf MCP server (engine, store, session registry, tools, error filter) without a transport.</summary>
public static class ActinfServerServiceCollectionExtensions
{
    /// <summary>Server name announced in the MCP handshake.</summary>
    public const string ServerName = "actinf";

    /// <summary>
    /// Adds the engine, the SQLite store at <see cref="ServerOptions.StorePath"/>, the session registry, the tools
    /// and the error filter. Add a transport to the returned builder (stdio, or streams in tests).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="options">The server settings (validated here).</param>
    /// <returns>The MCP server builder.</returns>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public static IMcpServerBuilder AddActinfServer(this IServiceCollection services, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new Causal.NetworkCatalog(options));
        services.AddSingleton(sp => new ActiveInferenceEngine(options.Engine, null, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ISessionStore>(_ => new SqliteSessionStore(options.StorePath, options.Durability));
        services.AddSingleton<IAgentStore>(_ => new SqliteAgentStore(options.StorePath, options.Durability));
        services.AddSingleton(sp => new Agents.AgentRegistry(
            sp.GetRequiredService<IAgentStore>(),
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<Agents.AgentRegistry>>()));
        // Engine-level learned state (issue #4): loaded by the keeper before the registry can serve a session.
        services.AddSingleton<IEngineStateStore>(_ => new SqliteEngineStateStore(options.StorePath, options.Durability));
        services.TryAddSingleton(new EngineCheckpointOptions());
        services.AddSingleton(sp => new EngineStateKeeper(
            sp.GetRequiredService<ActiveInferenceEngine>(),
            sp.GetRequiredService<IEngineStateStore>(),
            sp.GetRequiredService<EngineCheckpointOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EngineStateKeeper>>()));
        services.AddSingleton(sp => new SessionRegistry(
            LoadedEngine(sp),
            sp.GetRequiredService<ISessionStore>(),
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SessionRegistry>>()));
        services.AddMetrics();
        services.AddSingleton(sp => new Telemetry.ServerMetrics(sp.GetRequiredService<IMeterFactory>(), sp.GetRequiredService<SessionRegistry>(), sp.GetRequiredService<ActiveInferenceEngine>()));
        string version = typeof(ActinfServerServiceCollectionExtensions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        return services
            .AddMcpServer(o =>
            {
                o.ServerInfo = new() { Name = ServerName, Version = version };

                // Every service a tool takes is a singleton, so a service scope per request would only allocate.
                o.ScopeRequests = false;
            })
            .WithTools<SessionTools>(ServerJson.Options)
            .WithTools<EpistemicTools>(ServerJson.Options)
            .WithTools<CausalTools>(ServerJson.Options)
            .WithTools<AgentTools>(ServerJson.Options)
            .WithRequestFilters(filters => filters.AddCallToolFilter(ToolErrorFilter.Wrap));
    }

    /// <summary>The engine after the <see cref="EngineStateKeeper"/> loaded the stored learned state into it.</summary>
    private static ActiveInferenceEngine LoadedEngine(IServiceProvider services)
    {
        services.GetRequiredService<EngineStateKeeper>();
        return services.GetRequiredService<ActiveInferenceEngine>();
    }
}
