using System.Text.Json;
using System.Text.Json.Nodes;
using Actinf.Core.Agents;
using Actinf.Core.Io;
using Actinf.Server.Tests.Support;
using ModelContextProtocol;

namespace Actinf.Server.Tests.Tools;

public sealed class AgentToolsTests
{
    private static readonly string Models = RepositoryFolders.TestDataPath("bench-models");

    /// <summary>A one-factor, one-modality model (docs/model-format.md's minimal file).</summary>
    private const string Tiny = """
        {"format":"actinf-model/1","name":"tiny","num_obs":[2],"num_states":[2],"num_controls":[2],
         "A":[{"shape":[2,2],"data":[0.9,0.1,0.1,0.9]}],
         "B":[{"shape":[2,2,2],"data":[1,0,0,1,0,1,1,0]}],
         "C":[{"shape":[2],"data":[0,1]}],
         "D":[{"shape":[2],"data":[0.5,0.5]}]}
        """;

    public static TheoryData<string, bool, string?> BenchModels => new()
    {
        { "tmaze", false, null },
        { "tmaze_plen2", false, null },
        { "mmp_h3", false, null },
        { "random_3f3m", false, null },
        { "learn_AB", true, null },
        { "tmaze", false, "stochastic" },
        { "learn_AB", true, "stochastic" },
    };

    [Theory]
    [MemberData(nameof(BenchModels))]
    public async Task AgentStep_BenchModel_EqualsCoreAgentOnSameObservations(string name, bool learn, string? selection)
    {
        await using McpPair pair = await McpPair.StartAsync();
        ModelDocument document = ModelJson.ReadFile(ModelPath(name));
        int[][] observations = [.. document.Bench!.Observations.Take(8).Select(o => o.ToArray())];
        var arguments = new Dictionary<string, object?> { ["model"] = ModelElement(name), ["seed"] = 11 };
        if (learn)
        {
            arguments["learn_a"] = true;
            arguments["learn_b"] = true;
        }

        if (selection is not null)
        {
            arguments["action_selection"] = selection;
        }

        JsonElement created = await pair.CallAsync("agent_create", arguments);
        Guid id = created.GetProperty("agent_id").GetGuid();
        Assert.Equal(document.Model.NumFactors, created.GetProperty("factors").GetArrayLength());
        Assert.Equal(document.Model.NumModalities, created.GetProperty("modalities").GetArrayLength());
        Assert.Equal(document.Model.Policies.Count, created.GetProperty("policy_count").GetInt32());
        AssertPulse(created);

        Reference reference = new(document, 11, learn, selection == "stochastic");
        for (int t = 0; t < observations.Length; t++)
        {
            JsonElement step = await pair.CallAsync("agent_step", new() { ["agent_id"] = id, ["observation"] = observations[t] });
            reference.AssertStep(step, observations[t], t);
            AssertPulse(step);
            Assert.True(step.GetProperty("latency_ms").GetDouble() >= 0);
        }
    }

    [Fact]
    public async Task AgentCreate_ModelAsString_ReturnsSummaryWithPolicies()
    {
        await using McpPair pair = await McpPair.StartAsync();
        JsonElement r = await pair.CallAsync("agent_create", new() { ["model"] = File.ReadAllText(ModelPath("tmaze")) });
        Assert.Equal("tmaze", r.GetProperty("name").GetString());
        Assert.Equal([4, 2], r.GetProperty("factors").EnumerateArray().Select(f => f.GetProperty("states").GetInt32()));
        Assert.Equal([4, 1], r.GetProperty("factors").EnumerateArray().Select(f => f.GetProperty("controls").GetInt32()));
        Assert.Equal([4, 3, 2], r.GetProperty("modalities").EnumerateArray().Select(m => m.GetProperty("outcomes").GetInt32()));
        Assert.Equal(4, r.GetProperty("policy_count").GetInt32());
        Assert.Equal(1, r.GetProperty("policy_length").GetInt32());
        Assert.Equal(4, r.GetProperty("policies").GetArrayLength());
        Assert.Equal("[[[2,0]]]", JsonSerializer.Serialize(new[] { r.GetProperty("policies")[2] }).Replace(" ", string.Empty, StringComparison.Ordinal));

        // A fresh agent's posterior is uniform: entropy 1 in the pulse, coherence 1 (nothing observed yet).
        Assert.Equal(1f, r.GetProperty("pulse").GetProperty("entropy").GetSingle());
        Assert.Equal(1f, r.GetProperty("pulse").GetProperty("coherence").GetSingle());
        JsonElement settings = r.GetProperty("settings");
        Assert.Equal("VANILLA", settings.GetProperty("inference_algo").GetString());
        Assert.Equal("deterministic", settings.GetProperty("action_selection").GetString());
        Assert.Equal(16.0, settings.GetProperty("gamma").GetDouble());
        Assert.False(settings.GetProperty("learn_a").GetBoolean());
    }

    [Fact]
    public async Task AgentCreate_PolicyLenOverride_EnumeratesAllCombinationsAndMatchesCore()
    {
        await using McpPair pair = await McpPair.StartAsync();
        JsonElement r = await pair.CallAsync("agent_create", new() { ["model"] = ModelElement("tmaze"), ["policy_len"] = 2, ["gamma"] = 4.0 });
        Assert.Equal(16, r.GetProperty("policy_count").GetInt32());
        Assert.Equal(2, r.GetProperty("settings").GetProperty("policy_len").GetInt32());
        Assert.Equal(4.0, r.GetProperty("settings").GetProperty("gamma").GetDouble());

        // Reference: tmaze_plen2 is the T-maze with all 16 two-step policies; gamma changed the same way.
        ModelDocument plen2 = ModelJson.ReadFile(ModelPath("tmaze_plen2"));
        var agent = new Agent(plen2.Model, plen2.Options with { PolicyPrecision = 4.0 });
        Guid id = r.GetProperty("agent_id").GetGuid();
        foreach (int[] o in new[] { new[] { 0, 0, 1 }, [3, 0, 1] })
        {
            JsonElement step = await pair.CallAsync("agent_step", new() { ["agent_id"] = id, ["observation"] = o });
            int[] action = agent.Step(o).ToArray();
            Assert.Equal(agent.PolicyPosterior.ToArray(), Doubles(step.GetProperty("q_pi")));
            Assert.Equal(action, Ints(step.GetProperty("action")));
        }
    }

    [Fact]
    public async Task AgentCreate_ColumnNotNormalised_FailsWithInvalidModelNamingTheColumn()
    {
        await using McpPair pair = await McpPair.StartAsync();
        string bad = Tiny.Replace("[0.9,0.1,0.1,0.9]", "[0.9,0.1,0.2,0.9]", StringComparison.Ordinal);
        McpProtocolException e = await pair.FailAsync("agent_create", new() { ["model"] = bad });
        Assert.Equal(-32012, (int)e.ErrorCode);
        Assert.Contains("A[0]", e.Message, StringComparison.Ordinal);
        Assert.Contains("column [:, 0] sums to 1.1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentCreate_ShapeMismatch_FailsWithInvalidModelNamingTheShapes()
    {
        await using McpPair pair = await McpPair.StartAsync();
        string bad = Tiny.Replace("\"num_states\":[2]", "\"num_states\":[3]", StringComparison.Ordinal);
        McpProtocolException e = await pair.FailAsync("agent_create", new() { ["model"] = JsonDocument.Parse(bad).RootElement.Clone() });
        Assert.Equal(-32012, (int)e.ErrorCode);
        Assert.Contains("B[0] has shape [2, 2, 2]; expected [3, 3, 2]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentCreate_MalformedJsonString_FailsWithInvalidModel()
    {
        await using McpPair pair = await McpPair.StartAsync();
        McpProtocolException e = await pair.FailAsync("agent_create", new() { ["model"] = "{\"format\": " });
        Assert.Equal(-32012, (int)e.ErrorCode);
        Assert.Contains("malformed JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentCreate_ModelIsANumber_FailsWithInvalidParams()
    {
        await using McpPair pair = await McpPair.StartAsync();
        McpProtocolException e = await pair.FailAsync("agent_create", new() { ["model"] = 3 });
        Assert.Equal(-32602, (int)e.ErrorCode);
        Assert.Contains("'model'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("learn_a", "pA")]
    [InlineData("learn_b", "pB")]
    [InlineData("learn_d", "pD")]
    public async Task AgentCreate_LearningWithoutConcentrations_FailsWithInvalidParams(string parameter, string key)
    {
        await using McpPair pair = await McpPair.StartAsync();
        McpProtocolException e = await pair.FailAsync("agent_create", new() { ["model"] = Tiny, [parameter] = true });
        Assert.Equal(-32602, (int)e.ErrorCode);
        Assert.Contains(parameter, e.Message, StringComparison.Ordinal);
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("policy_len", 0, "policy_len")]
    [InlineData("policy_len", 40, "100000")]
    [InlineData("num_iter", 0, "num_iter")]
    [InlineData("action_selection", "random", "deterministic, stochastic")]
    public async Task AgentCreate_BadOverride_FailsWithInvalidParamsNamingIt(string parameter, object value, string expected)
    {
        await using McpPair pair = await McpPair.StartAsync();
        McpProtocolException e = await pair.FailAsync("agent_create", new() { ["model"] = Tiny, [parameter] = value });
        Assert.Equal(-32602, (int)e.ErrorCode);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentStep_UnknownAgent_FailsWithNotFound()
    {
        await using McpPair pair = await McpPair.StartAsync();
        McpProtocolException e = await pair.FailAsync("agent_step", new() { ["agent_id"] = Guid.NewGuid(), ["observation"] = new[] { 0 } });
        Assert.Equal(-32000, (int)e.ErrorCode);
        Assert.Contains("agent_create", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentStep_OutcomeOutOfRange_FailsWithInvalidParamsAndChangesNothing()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await CreateAsync(pair, "tmaze");
        await pair.CallAsync("agent_step", new() { ["agent_id"] = id, ["observation"] = new[] { 0, 0, 1 } });
        McpProtocolException e = await pair.FailAsync("agent_step", new() { ["agent_id"] = id, ["observation"] = new[] { 0, 3, 1 } });
        Assert.Equal(-32602, (int)e.ErrorCode);
        Assert.Contains("modality 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("0 to 2", e.Message, StringComparison.Ordinal);

        McpProtocolException length = await pair.FailAsync("agent_step", new() { ["agent_id"] = id, ["observation"] = new[] { 0, 0 } });
        Assert.Equal(-32602, (int)length.ErrorCode);
        Assert.Contains("3 modalities", length.Message, StringComparison.Ordinal);

        JsonElement got = await pair.CallAsync("agent_get", new() { ["agent_id"] = id });
        Assert.Equal(1, got.GetProperty("time_step").GetInt32());
        JsonElement next = await pair.CallAsync("agent_step", new() { ["agent_id"] = id, ["observation"] = new[] { 3, 0, 1 } });
        Assert.Equal(1, next.GetProperty("time_step").GetInt32());
    }

    [Fact]
    public async Task AgentStep_AfterRestartOnSameStore_NextStepEqualsUninterruptedAgent()
    {
        using var folder = new TempFolder();
        ModelDocument document = ModelJson.ReadFile(ModelPath("learn_AB"));
        int[][] observations = [.. document.Bench!.Observations.Take(5).Select(o => o.ToArray())];
        var reference = new Reference(document, 5, learn: true, stochastic: true);
        Guid id;
        string before;
        await using (McpPair first = await McpPair.StartAsync(folder: folder))
        {
            id = (await first.CallAsync("agent_create", new()
            {
                ["model"] = ModelElement("learn_AB"), ["learn_a"] = true, ["learn_b"] = true, ["action_selection"] = "stochastic", ["seed"] = 5,
            })).GetProperty("agent_id").GetGuid();
            for (int t = 0; t < 4; t++)
            {
                reference.AssertStep(await first.CallAsync("agent_step", new() { ["agent_id"] = id, ["observation"] = observations[t] }), observations[t], t);
            }

            before = (await first.CallAsync("agent_get", new() { ["agent_id"] = id })).GetRawText();
        }

        await using McpPair second = await McpPair.StartAsync(folder: folder);
        string after = (await second.CallAsync("agent_get", new() { ["agent_id"] = id })).GetRawText();
        Assert.Equal(before, after);
        reference.AssertStep(await second.CallAsync("agent_step", new() { ["agent_id"] = id, ["observation"] = observations[4] }), observations[4], 4);
    }

    [Fact]
    public async Task AgentStep_AgentsEvictedBetweenCalls_RebuildExactly()
    {
        await using McpPair pair = await McpPair.StartAsync(o => o with { MaxLoadedSessions = 1 });
        ModelDocument document = ModelJson.ReadFile(ModelPath("mmp_h3"));
        int[][] observations = [.. document.Bench!.Observations.Take(5).Select(o => o.ToArray())];
        Guid a = await CreateAsync(pair, "mmp_h3");
        Guid b = await CreateAsync(pair, "mmp_h3");
        var ra = new Reference(document, 0, learn: false, stochastic: false);
        var rb = new Reference(document, 0, learn: false, stochastic: false);
        for (int t = 0; t < observations.Length; t++)
        {
            // Each call on one agent evicts the other (bound 1), so every step rebuilds its agent by replay.
            ra.AssertStep(await pair.CallAsync("agent_step", new() { ["agent_id"] = a, ["observation"] = observations[t] }), observations[t], t);
            rb.AssertStep(await pair.CallAsync("agent_step", new() { ["agent_id"] = b, ["observation"] = observations[(t + 1) % observations.Length] }), observations[(t + 1) % observations.Length], t);
        }
    }

    [Fact]
    public async Task AgentStep_ParallelCallsOnOneAgent_AreSerialisedWithDistinctTimeSteps()
    {
        await using McpPair pair = await McpPair.StartAsync();
        ModelDocument document = ModelJson.ReadFile(ModelPath("tmaze"));
        Guid id = await CreateAsync(pair, "tmaze");
        Guid other = await CreateAsync(pair, "tmaze");
        int[][] observations = [.. Enumerable.Range(0, 10).Select(i => new[] { i % 4, i % 3, i % 2 })];
        JsonElement[] steps = await Task.WhenAll(observations
            .Select(o => pair.CallAsync("agent_step", new() { ["agent_id"] = id, ["observation"] = o }))
            .Concat(observations.Take(3).Select(o => pair.CallAsync("agent_step", new() { ["agent_id"] = other, ["observation"] = o }))));
        JsonElement[] mine = [.. steps.Take(10).OrderBy(s => s.GetProperty("time_step").GetInt32())];
        Assert.Equal(Enumerable.Range(0, 10), mine.Select(s => s.GetProperty("time_step").GetInt32()));

        // Replaying the observations in the order the server serialised them gives the same beliefs.
        var reference = new Reference(document, 0, learn: false, stochastic: false);
        foreach (JsonElement s in mine)
        {
            int[] o = Ints(s.GetProperty("observation"));
            reference.AssertStep(s, o, s.GetProperty("time_step").GetInt32());
        }

        Assert.Equal(10, (await pair.CallAsync("agent_get", new() { ["agent_id"] = id })).GetProperty("time_step").GetInt32());
        Assert.Equal(3, (await pair.CallAsync("agent_get", new() { ["agent_id"] = other })).GetProperty("time_step").GetInt32());
    }

    [Fact]
    public async Task AgentReset_WithLearnD_StartsNewEpisodeAndLearnsInitialStatePrior()
    {
        await using McpPair pair = await McpPair.StartAsync();
        JsonObject model = JsonNode.Parse(File.ReadAllText(ModelPath("tmaze")))!.AsObject();
        model["pD"] = new JsonArray(
            JsonNode.Parse("""{"shape":[4],"data":[4,1,1,1]}"""),
            JsonNode.Parse("""{"shape":[2],"data":[1,1]}"""));
        string json = model.ToJsonString();
        ModelDocument document = ModelJson.Read(json);
        Guid id = (await pair.CallAsync("agent_create", new() { ["model"] = json, ["learn_d"] = true })).GetProperty("agent_id").GetGuid();
        var agent = new Agent(document.Model, document.Options);
        int[][] observations = [[0, 0, 1], [3, 0, 1], [2, 1, 0]];
        foreach (int[] o in observations.Take(2))
        {
            await pair.CallAsync("agent_step", new() { ["agent_id"] = id, ["observation"] = o });
            agent.Step(o);
        }

        JsonElement reset = await pair.CallAsync("agent_reset", new() { ["agent_id"] = id });
        agent.UpdateInitialStatePrior();
        agent.Reset();
        Assert.Equal(0, reset.GetProperty("time_step").GetInt32());
        Assert.Equal(2, reset.GetProperty("total_steps").GetInt64());
        Assert.Equal([0.25, 0.25, 0.25, 0.25], Doubles(reset.GetProperty("posterior")[0]));

        // The next episode starts from the learned D: beliefs equal the Core agent's after update_D and reset.
        JsonElement step = await pair.CallAsync("agent_step", new() { ["agent_id"] = id, ["observation"] = observations[2] });
        int[] action = agent.Step(observations[2]).ToArray();
        Assert.Equal(0, step.GetProperty("time_step").GetInt32());
        Assert.Equal(agent.Posterior(0).ToArray(), Doubles(step.GetProperty("posterior")[0]));
        Assert.Equal(agent.PolicyPosterior.ToArray(), Doubles(step.GetProperty("q_pi")));
        Assert.Equal(action, Ints(step.GetProperty("action")));
        Assert.NotEqual(document.Model.InitialStatePrior[0].Span.ToArray(), agent.InitialStatePrior(0).ToArray());
    }

    [Fact]
    public async Task AgentGet_AfterSteps_ReportsBeliefsOfTheLastStep()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await CreateAsync(pair, "tmaze");
        JsonElement fresh = await pair.CallAsync("agent_get", new() { ["agent_id"] = id });
        Assert.Equal(JsonValueKind.Null, fresh.GetProperty("q_pi").ValueKind);
        Assert.Equal(0, fresh.GetProperty("time_step").GetInt32());
        JsonElement step = await pair.CallAsync("agent_step", new() { ["agent_id"] = id, ["observation"] = new[] { 0, 0, 1 } });
        JsonElement got = await pair.CallAsync("agent_get", new() { ["agent_id"] = id });
        Assert.Equal(1, got.GetProperty("time_step").GetInt32());
        Assert.Equal(step.GetProperty("posterior").GetRawText(), got.GetProperty("posterior").GetRawText());
        Assert.Equal(step.GetProperty("q_pi").GetRawText(), got.GetProperty("q_pi").GetRawText());
        Assert.Equal(step.GetProperty("g").GetRawText(), got.GetProperty("g").GetRawText());
        Assert.Equal(step.GetProperty("action").GetRawText(), got.GetProperty("last_action").GetRawText());
        Assert.Equal("[0,0,1]", got.GetProperty("last_observation").GetRawText());
        AssertPulse(got);
    }

    [Fact]
    public async Task AgentStep_SurprisingObservation_LowersCoherence()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = (await pair.CallAsync("agent_create", new() { ["model"] = Tiny })).GetProperty("agent_id").GetGuid();

        // D = [0.5, 0.5], A = [[0.9, 0.1], [0.1, 0.9]]: p(o = 0) = 0.5, so surprise ln 2 and coherence 0.5.
        JsonElement first = await pair.CallAsync("agent_step", new() { ["agent_id"] = id, ["observation"] = new[] { 0 } });
        Assert.Equal(Math.Log(2), first.GetProperty("surprise").GetDouble(), 12);
        Assert.Equal(0.5f, first.GetProperty("pulse").GetProperty("coherence").GetSingle(), 6);
    }

    [Fact]
    public async Task AgentStep_TMazeFirstStep_MatchesTheDocumentedExample()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await CreateAsync(pair, "tmaze");
        JsonElement step = await pair.CallAsync("agent_step", new() { ["agent_id"] = id, ["observation"] = new[] { 0, 0, 1 } });

        // At the centre (D puts the location there) the cue is uninformative: p(o) = 1 · 1 · 0.5, surprise ln 2,
        // coherence 2^(-1/3); the location is known and the context is not, so entropy (0 + 1) / 2.
        Assert.Equal(Math.Log(2), step.GetProperty("surprise").GetDouble(), 12);
        Assert.Equal((float)Math.Pow(2, -1.0 / 3), step.GetProperty("pulse").GetProperty("coherence").GetSingle(), 6);
        Assert.Equal(0.5f, step.GetProperty("pulse").GetProperty("entropy").GetSingle(), 6);
        Assert.Equal("continue", step.GetProperty("pulse").GetProperty("suggested_action").GetString());
        Assert.Equal([3, 0], Ints(step.GetProperty("action")));
        JsonElement next = await pair.CallAsync("agent_step", new() { ["agent_id"] = id, ["observation"] = new[] { 3, 0, 1 } });
        Assert.Equal([2, 0], Ints(next.GetProperty("action")));
    }

    [Fact]
    public async Task AgentDelete_ExistingAgent_RemovesIt()
    {
        await using McpPair pair = await McpPair.StartAsync();
        Guid id = await CreateAsync(pair, "tmaze");
        await pair.CallAsync("agent_step", new() { ["agent_id"] = id, ["observation"] = new[] { 0, 0, 1 } });
        JsonElement r = await pair.CallAsync("agent_delete", new() { ["agent_id"] = id });
        Assert.True(r.GetProperty("deleted").GetBoolean());
        AssertPulse(r);
        Assert.Equal(-32000, (int)(await pair.FailAsync("agent_get", new() { ["agent_id"] = id })).ErrorCode);
        Assert.Equal(-32000, (int)(await pair.FailAsync("agent_delete", new() { ["agent_id"] = id })).ErrorCode);
    }

    internal static string ModelPath(string name) => Path.Combine(Models, name + ".json");

    internal static JsonElement ModelElement(string name) => JsonDocument.Parse(File.ReadAllText(ModelPath(name))).RootElement.Clone();

    private static async Task<Guid> CreateAsync(McpPair pair, string name) =>
        (await pair.CallAsync("agent_create", new() { ["model"] = ModelElement(name) })).GetProperty("agent_id").GetGuid();

    private static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    private static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    private static void AssertPulse(JsonElement result)
    {
        JsonElement pulse = result.GetProperty("pulse");
        Assert.InRange(pulse.GetProperty("entropy").GetSingle(), 0f, 1f);
        Assert.InRange(pulse.GetProperty("coherence").GetSingle(), 0f, 1f);
        Assert.Contains(pulse.GetProperty("suggested_action").GetString(), new[] { "continue", "explore", "trigger_dream" });
    }

    /// <summary>The independent reference: a Core <see cref="Agent"/> on the same file, stepped with <see cref="Agent.Step"/>.</summary>
    private sealed class Reference
    {
        private readonly Agent _agent;
        private readonly StepOperations _operations;

        public Reference(ModelDocument document, int seed, bool learn, bool stochastic)
        {
            AgentOptions options = document.Options with { Seed = seed };
            if (stochastic)
            {
                options = options with { ActionSelection = ActionSelection.Stochastic };
            }

            _agent = new Agent(document.Model, options);
            _operations = learn
                ? StepOperations.PerceiveAndAct | StepOperations.UpdateLikelihood | StepOperations.UpdateTransitions
                : StepOperations.PerceiveAndAct;
        }

        public void AssertStep(JsonElement step, int[] observation, int t)
        {
            int[] action = _agent.Step(observation, _operations).ToArray();
            Assert.Equal(t, step.GetProperty("time_step").GetInt32());
            Assert.Equal(observation, Ints(step.GetProperty("observation")));
            JsonElement posterior = step.GetProperty("posterior");
            Assert.Equal(_agent.Model.NumFactors, posterior.GetArrayLength());
            for (int f = 0; f < _agent.Model.NumFactors; f++)
            {
                Assert.Equal(_agent.Posterior(f).ToArray(), Doubles(posterior[f]));
                Assert.Equal(_agent.ActionMarginal(f).ToArray(), Doubles(step.GetProperty("action_marginals")[f]));
            }

            Assert.Equal(_agent.PolicyPosterior.ToArray(), Doubles(step.GetProperty("q_pi")));
            Assert.Equal(_agent.NegativeExpectedFreeEnergy.ToArray(), Doubles(step.GetProperty("g")));
            Assert.Equal(action, Ints(step.GetProperty("action")));
        }
    }
}
