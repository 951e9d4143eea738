using System.Text.Json;
using Actinf.Server.Contracts;
using Actinf.Server.Hosting;

namespace Actinf.Server.Tests.Contracts;

public sealed class ContractJsonTests
{
    private static readonly Guid Id = Guid.Parse("01a241a3-2cdb-7852-bf39-b97d96731c0c");
    private static readonly DateTimeOffset At = new(2026, 12, 4, 15, 0, 0, TimeSpan.Zero);
    private static readonly Pulse APulse = new(0.75f, 0.5f, "explore");
    private static readonly AgentSettings ASettings = new("VANILLA", 1, 1, 10, 16, 16, "deterministic", "marginal", true, true, false, 0, false, false, false);

    public static TheoryData<object> Contracts()
    {
        using JsonDocument state = JsonDocument.Parse("""{"version":1,"sessionId":"01a241a3-2cdb-7852-bf39-b97d96731c0c"}""");
        return new TheoryData<object>
        {
            APulse,
            new GoalArgument("ship it", 2f, [1f, 2f]),
            new SessionCreated(Id, At, 1, "billing", 1, APulse),
            new SessionDetails(Id, 3, 2, 0.7f, 12.5, 0.3f, 0.9f, "Unknown", -3.25f, new Dictionary<string, float> { ["billing"] = 0.5f }, APulse),
            new SessionList([new SessionListEntry(Id, 2, At, 0.5f, 0.25f)], 1, APulse),
            new SessionDeleted(Id, true, APulse),
            new SessionExported(Id, 4, state.RootElement.Clone(), APulse),
            new SessionImported(Id, 1, false, APulse),
            new ObserveResponse(Id, true, 7, -10.5f, 0.25f, 0.5f, 0.6f, 0.1f, "Open", 3, 4, false, 1.5f, APulse),
            new EpistemicActionResponseOutput([new EpistemicActionItem("a-1", "SeekClarification", "What do you mean?", "charged", 0.3f, 0.9f, 1)], 0.7f, "Blind", new UtlMetricsOutput(0.7f, 0.4f, 0.1f), APulse, 2.5f),
            new GoalsSet(Id, 2, 3, APulse),
            new FeedbackRecorded(Id, true, "RequestExample", "billing", 1.5f, 0.75, 5, APulse),
            new AgentCreated(Id, "tmaze", [new AgentFactor(0, 4, 4)], [new AgentModality(0, 3)], 2, 1, [[[0]], [[1]]], ASettings, APulse, 1.25),
            new AgentStepped(Id, 1, [2], [[0.25, 0.75]], [0.5, 0.5], [-1.5, -0.25], [1], [[0.5, 0.5]], 0.69, 2, APulse, 0.5),
            new AgentDetails(Id, "tiny", 2, 2, [new AgentFactor(0, 2, 2)], [new AgentModality(0, 2)], 2, ASettings, [[0.5, 0.5]], null, [-1.0, -2.0], [0], null, APulse),
            new AgentReset(Id, 0, 3, [[0.5, 0.5]], APulse),
            new AgentDeleted(Id, true, APulse),
        };
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Serialize_EveryContract_RoundTripsWithSnakeCaseNames(object contract)
    {
        string json = JsonSerializer.Serialize(contract, contract.GetType(), ServerJson.Options);
        object back = JsonSerializer.Deserialize(json, contract.GetType(), ServerJson.Options)!;
        Assert.Equal(json, JsonSerializer.Serialize(back, contract.GetType(), ServerJson.Options));
        using JsonDocument doc = JsonDocument.Parse(json);
        AssertSnakeCase(doc.RootElement);
    }

    [Fact]
    public void Serialize_ActionWithoutTargetConcept_OmitsIt()
    {
        string json = JsonSerializer.Serialize(new EpistemicActionItem("a-1", "ExploreRelated", "x", null, 0.1f, 0.5f, 1), ServerJson.Options);
        Assert.DoesNotContain("target_concept", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_ObservationSource_UsesTheSeedNames()
    {
        Assert.Equal("\"memory_retrieval\"", JsonSerializer.Serialize(ObservationSourceArgument.MemoryRetrieval, ServerJson.Options));
        Assert.Equal(ObservationSourceArgument.SystemGenerated, JsonSerializer.Deserialize<ObservationSourceArgument>("\"system_generated\"", ServerJson.Options));
    }

    private static void AssertSnakeCase(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty p in element.EnumerateObject())
            {
                bool isDataKey = p.Name is "version" or "sessionId";
                Assert.True(isDataKey || !p.Name.Any(char.IsUpper), $"'{p.Name}' is not snake_case");
                if (p.Name != "state")
                {
                    AssertSnakeCase(p.Value);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                AssertSnakeCase(item);
            }
        }
    }
}
