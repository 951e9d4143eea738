using System.Text.Json;
using System.Text.Json.Serialization;
using Actinf.Server.Contracts;
using ModelContextProtocol;

namespace Actinf.Server.Hosting;

/// <summary>The JSON settings of the tools: snake_case names (seed 004's schema), the source-generated context first.</summary>
internal static class ServerJson
{
    /// <summary>Options for tool arguments, results and output schemas.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default);
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>Source-generated metadata of the tool contracts.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(GoalArgument[]))]
[JsonSerializable(typeof(ObservationSourceArgument))]
[JsonSerializable(typeof(SessionCreated))]
[JsonSerializable(typeof(SessionDetails))]
[JsonSerializable(typeof(SessionList))]
[JsonSerializable(typeof(SessionDeleted))]
[JsonSerializable(typeof(SessionExported))]
[JsonSerializable(typeof(SessionImported))]
[JsonSerializable(typeof(ObserveResponse))]
[JsonSerializable(typeof(EpistemicActionResponseOutput))]
[JsonSerializable(typeof(GoalsSet))]
[JsonSerializable(typeof(FeedbackRecorded))]
[JsonSerializable(typeof(CausalQueryResponse))]
[JsonSerializable(typeof(ExperimentSuggestions))]
[JsonSerializable(typeof(AgentCreated))]
[JsonSerializable(typeof(AgentStepped))]
[JsonSerializable(typeof(AgentDetails))]
[JsonSerializable(typeof(AgentReset))]
[JsonSerializable(typeof(AgentDeleted))]
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, double[]>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class ServerJsonContext : JsonSerializerContext
{
}
