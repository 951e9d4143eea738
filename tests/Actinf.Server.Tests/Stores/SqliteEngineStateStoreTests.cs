using Actinf.Epistemic.Sessions;
using Actinf.Epistemic.State;
using Actinf.Server.Stores;
using Actinf.Server.Tests.Support;

namespace Actinf.Server.Tests.Stores;

public class SqliteEngineStateStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task SaveAsync_ThenLoadAsync_EachPartRoundTripsAndOverwrites()
    {
        using var folder = new TempFolder();
        using var store = new SqliteEngineStateStore(folder.File("s.db"));

        await store.SaveAsync(new EngineStateRecord(EngineStateParts.ModelWeights, At, "{\"version\":1,\"model\":null}"));
        await store.SaveAsync(new EngineStateRecord(EngineStateParts.FeedbackStatistics, At, "first"));
        await store.SaveAsync(new EngineStateRecord(EngineStateParts.FeedbackStatistics, At.AddHours(1), "second"));

        Assert.Equal(new EngineStateRecord(EngineStateParts.ModelWeights, At, "{\"version\":1,\"model\":null}"), await store.LoadAsync(EngineStateParts.ModelWeights));
        Assert.Equal(new EngineStateRecord(EngineStateParts.FeedbackStatistics, At.AddHours(1), "second"), await store.LoadAsync(EngineStateParts.FeedbackStatistics));
    }

    [Fact]
    public async Task LoadAsync_NeverSaved_ReturnsNull()
    {
        using var folder = new TempFolder();
        using var store = new SqliteEngineStateStore(folder.File("s.db"));

        Assert.Null(await store.LoadAsync(EngineStateParts.ModelWeights));
    }

    [Theory]
    [InlineData(EngineStateParts.None)]
    [InlineData(EngineStateParts.All)]
    public async Task LoadAsync_NotASinglePart_ThrowsNamingPart(EngineStateParts part)
    {
        using var folder = new TempFolder();
        using var store = new SqliteEngineStateStore(folder.File("s.db"));

        var e = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.LoadAsync(part));

        Assert.Equal("part", e.ParamName);
    }

    [Fact]
    public async Task Open_SameFileAsSessionStore_WalAndBothTablesSurviveReopen()
    {
        using var folder = new TempFolder();
        string path = folder.File("shared.db");
        using (var sessions = new SqliteSessionStore(path))
        using (var engine = new SqliteEngineStateStore(path))
        {
            Assert.Equal("wal", engine.JournalMode());
            await sessions.SaveAsync(new SessionRecord(Guid.NewGuid(), 1, At, 0.5f, 1f, [new(SessionStateParts.Beliefs, "{}"u8.ToArray()), new(SessionStateParts.Goals, "{}"u8.ToArray()), new(SessionStateParts.Actions, "{}"u8.ToArray())]), 0);
            await engine.SaveAsync(new EngineStateRecord(EngineStateParts.FeedbackStatistics, At, "stats"));
        }

        using var reopenedSessions = new SqliteSessionStore(path);
        using var reopened = new SqliteEngineStateStore(path);
        Assert.Equal("stats", (await reopened.LoadAsync(EngineStateParts.FeedbackStatistics))!.State);
        Assert.Single(await reopenedSessions.ListAsync(10));
    }
}
