using System.Text.Json;
using Actinf.Epistemic;
using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Contracts;
using Actinf.Epistemic.State;
using Actinf.Server.Sessions;
using Actinf.Server.Stores;
using Actinf.Server.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actinf.Server.Tests.Sessions;

public class EngineStateKeeperTests
{
    private static readonly string[] Texts =
    [
        "I was charged twice for my annual plan",
        "The refund for the duplicate charge has not arrived",
        "Why does my invoice show two payments this month?",
        "Can I switch the annual plan to monthly billing?",
    ];

    private static EngineStateKeeper Keeper(ActiveInferenceEngine engine, IEngineStateStore store, int every = 100) =>
        new(engine, store, new EngineCheckpointOptions { EveryObservations = every, Interval = TimeSpan.FromHours(1) }, TimeProvider.System, NullLogger<EngineStateKeeper>.Instance);

    private static void Observe(ActiveInferenceEngine engine, Guid session, int count)
    {
        for (int i = 0; i < count; i++)
        {
            engine.Observe(new ObserveRequest(session, Texts[i % Texts.Length], Domain: "billing"));
        }
    }

    [Fact]
    public async Task CheckpointWeightsAsync_ThenKeeperOnFreshEngine_LoadsTheSameWeights()
    {
        using var folder = new TempFolder();
        using var store = new SqliteEngineStateStore(folder.File("s.db"));
        using var learned = new ActiveInferenceEngine();
        string initial = learned.ExportStateJson(EngineStateParts.ModelWeights);
        using (EngineStateKeeper keeper = Keeper(learned, store))
        {
            Observe(learned, learned.CreateSession().SessionId, 5);

            Assert.True(await keeper.CheckpointWeightsAsync());
            Assert.False(await keeper.CheckpointWeightsAsync()); // unchanged since
            Assert.Equal(5, keeper.CheckpointedSteps);
        }

        string expected = learned.ExportStateJson(EngineStateParts.ModelWeights);
        using var restarted = new ActiveInferenceEngine();
        using EngineStateKeeper reloaded = Keeper(restarted, store);

        Assert.NotEqual(initial, expected);
        Assert.Equal(expected, restarted.ExportStateJson(EngineStateParts.ModelWeights));
        Assert.Equal(5, restarted.Model.LearningSteps);
        Assert.Equal(5, reloaded.CheckpointedSteps);
    }

    [Fact]
    public async Task NoteObservation_AfterEveryObservationsSteps_CheckpointsInTheBackground()
    {
        using var folder = new TempFolder();
        using var store = new SqliteEngineStateStore(folder.File("s.db"));
        using var engine = new ActiveInferenceEngine();
        using EngineStateKeeper keeper = Keeper(engine, store, every: 3);
        Guid session = engine.CreateSession().SessionId;

        Observe(engine, session, 2);
        keeper.NoteObservation();
        await keeper.WaitForBackgroundAsync();
        Assert.Equal(0, keeper.Checkpoints);
        Assert.Null(await store.LoadAsync(EngineStateParts.ModelWeights));

        Observe(engine, session, 1);
        keeper.NoteObservation();
        await keeper.WaitForBackgroundAsync();

        Assert.Equal(1, keeper.Checkpoints);
        EngineStateRecord record = (await store.LoadAsync(EngineStateParts.ModelWeights))!;
        Assert.Equal(3, EngineStateJson.Deserialize(record.State).Model!.LearningSteps);
    }

    [Fact]
    public async Task Dispose_WeightsChangedSinceLastCheckpoint_WritesAFinalCheckpoint()
    {
        using var folder = new TempFolder();
        using var store = new SqliteEngineStateStore(folder.File("s.db"));
        using var engine = new ActiveInferenceEngine();
        EngineStateKeeper keeper = Keeper(engine, store);
        Observe(engine, engine.CreateSession().SessionId, 2);

        keeper.Dispose();

        EngineStateRecord record = (await store.LoadAsync(EngineStateParts.ModelWeights))!;
        Assert.Equal(engine.ExportStateJson(EngineStateParts.ModelWeights), record.State);
    }

    [Fact]
    public async Task Constructor_StoredWeightsOfOtherLayerSizes_ThrowsNamingThePartAndTheFix()
    {
        using var folder = new TempFolder();
        using var store = new SqliteEngineStateStore(folder.File("s.db"));
        using var small = new ActiveInferenceEngine(new EngineOptions
        {
            Model = new GenerativeModelOptions { LayerDimensions = [64, 32], LayerPrecisions = [1f, 0.5f], ConnectionGroups = 4 },
            Actions = new EpistemicActionOptions { DimensionsPerGap = 16 },
        });
        await store.SaveAsync(new EngineStateRecord(EngineStateParts.ModelWeights, DateTimeOffset.UnixEpoch, small.ExportStateJson(EngineStateParts.ModelWeights)));
        using var engine = new ActiveInferenceEngine();

        var e = Assert.Throws<InvalidOperationException>(() => Keeper(engine, store));

        Assert.Contains("'ModelWeights'", e.Message, StringComparison.Ordinal);
        Assert.Contains("[64, 32]", e.Message, StringComparison.Ordinal);
        Assert.Contains("delete that row of the engine_state table", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedbackThroughMcp_Restart_RankingAndStatisticsKept()
    {
        using var folder = new TempFolder();
        const string Favoured = "ConfirmUnderstanding";
        string[] baseline, before;
        int ratings = 0, helpfulRatings = 0;
        await using (McpPair pair = await McpPair.StartAsync(folder: folder))
        {
            baseline = await RankingAsync(pair);
            for (int round = 0; round < 8; round++)
            {
                Guid s = await pair.CreateSessionAsync(new() { ["domain"] = "billing" });
                await pair.CallAsync("observe", new() { ["session_id"] = s, ["text"] = Texts[round % Texts.Length], ["domain"] = "billing" });
                JsonElement actions = (await pair.CallAsync("epistemic_action", new() { ["session_id"] = s, ["force"] = true, ["max_actions"] = 16 })).GetProperty("actions");
                foreach (JsonElement a in actions.EnumerateArray())
                {
                    bool helpful = a.GetProperty("action_type").GetString() == Favoured;
                    await pair.CallAsync("feedback", new() { ["session_id"] = s, ["action_id"] = a.GetProperty("action_id").GetString(), ["helpful"] = helpful });
                    ratings++;
                    helpfulRatings += helpful ? 1 : 0;
                }
            }

            before = await RankingAsync(pair);

            // Durable before the reply: the stored statistics already count every rating (what a kill -9 would keep).
            EngineStateRecord stored = (await pair.Service<IEngineStateStore>().LoadAsync(EngineStateParts.FeedbackStatistics))!;
            FeedbackStatisticsState feedback = EngineStateJson.Deserialize(stored.State).Feedback!;
            Assert.Equal(ratings, feedback.Rated);
            Assert.Equal(helpfulRatings, feedback.Helpful);
            Assert.True(helpfulRatings > 0, "the favoured type was never offered");
        }

        await using McpPair restarted = await McpPair.StartAsync(folder: folder);
        string[] after = await RankingAsync(restarted);

        Assert.Equal(Favoured, before[0]);
        Assert.NotEqual(baseline, before); // the feedback changed the ranking, so keeping it is observable
        Assert.Equal(before, after);
    }

    /// <summary>The action types epistemic_action ranks, in order, for a new session after one billing question.</summary>
    private static async Task<string[]> RankingAsync(McpPair pair)
    {
        Guid s = await pair.CreateSessionAsync(new() { ["domain"] = "billing" });
        await pair.CallAsync("observe", new() { ["session_id"] = s, ["text"] = Texts[0], ["domain"] = "billing" });
        JsonElement r = await pair.CallAsync("epistemic_action", new() { ["session_id"] = s, ["force"] = true, ["max_actions"] = 16 });
        return [.. r.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("action_type").GetString()!)];
    }
}
