using Actinf.Epistemic;
using Actinf.Epistemic.Contracts;
using Actinf.Epistemic.Sessions;
using Actinf.Server.Hosting;
using Actinf.Server.Sessions;
using Actinf.Server.Stores;
using Actinf.Server.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actinf.Server.Tests.Sessions;

public sealed class SessionPartsPersistenceTests
{
    [Fact]
    public async Task Updates_SaveOnlyThePartTheyChanged_AndAReloadedSessionIsExactlyTheLiveOne()
    {
        using var folder = new TempFolder();
        using var inner = new SqliteSessionStore(folder.File("s.db"));
        var store = new RecordingStore(inner);
        using var engine = new ActiveInferenceEngine();
        SessionRegistry registry = Registry(engine, store);

        Guid id = (await registry.CreateAsync((_, info) => info.SessionId, CancellationToken.None)).Value;
        Assert.Equal(SessionStateParts.All, store.LastSavedParts);

        await registry.UpdateAsync(id, (e, s) => e.Observe(new ObserveRequest(s, "Why does regularization reduce overfitting?", Domain: "ml")), CancellationToken.None);
        Assert.Equal(SessionStateParts.Beliefs, store.LastSavedParts);

        string actionId = (await registry.UpdateAsync(id, (e, s) => e.SelectActions(new EpistemicActionRequest(s, Force: true)), CancellationToken.None)).Value.Actions[0].ActionId;
        Assert.Equal(SessionStateParts.Actions, store.LastSavedParts);

        await registry.UpdateAsync(id, (e, s) => { e.SetGoals(s, [new GoalInput("understand regularization", Weight: 2f)]); return true; }, CancellationToken.None);
        Assert.Equal(SessionStateParts.Goals, store.LastSavedParts);

        await registry.UpdateAsync(id, (e, s) => e.RecordFeedback(new FeedbackRequest(s, actionId, true)), CancellationToken.None);
        Assert.Equal(SessionStateParts.Actions, store.LastSavedParts);

        string live = engine.ExportSession(id);
        Assert.Equal(1, registry.EvictAll());
        SessionOutcome<string> reloaded = await registry.ReadAsync(id, (e, s) => e.ExportSession(s), CancellationToken.None);
        Assert.Equal(live, reloaded.Value);
        Assert.Equal(5, reloaded.Version);
        Assert.Equal(live, (await inner.LoadAsync(id))!.StateText());

        // Loaded from its parts, the session is in step with the store: the next action saves the actions part only.
        await registry.UpdateAsync(id, (e, s) => e.SelectActions(new EpistemicActionRequest(s, Force: true)), CancellationToken.None);
        Assert.Equal(SessionStateParts.Actions, store.LastSavedParts);
    }

    [Fact]
    public async Task SessionStoredWholeByAnEarlierVersion_IsServed_AndItsFirstUpdateStoresEveryPart()
    {
        using var folder = new TempFolder();
        string path = folder.File("s.db");
        Guid id;
        string whole;
        using (var earlier = new ActiveInferenceEngine())
        {
            id = earlier.CreateSession().SessionId;
            earlier.SetGoals(id, [new GoalInput("understand regularization", Weight: 2f)]);
            earlier.Observe(new ObserveRequest(id, "Why does regularization reduce overfitting?", Domain: "ml"));
            earlier.SelectActions(new EpistemicActionRequest(id, Force: true));
            whole = earlier.ExportSession(id);
        }

        using (new SqliteSessionStore(path))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand cmd = connection.CreateCommand();
            cmd.CommandText = "INSERT INTO sessions (id, version, updated_at, uncertainty, coherence, state) VALUES ($id, 4, '2026-12-04T15:00:00.0000000+00:00', 0.5, 0.25, $state);";
            cmd.Parameters.AddWithValue("$id", id.ToString("D"));
            cmd.Parameters.AddWithValue("$state", whole);
            cmd.ExecuteNonQuery();
        }

        using var inner = new SqliteSessionStore(path);
        var store = new RecordingStore(inner);
        using var engine = new ActiveInferenceEngine();
        SessionRegistry registry = Registry(engine, store);

        Assert.Equal(whole, (await registry.ReadAsync(id, (e, s) => e.ExportSession(s), CancellationToken.None)).Value);
        await registry.UpdateAsync(id, (e, s) => e.SelectActions(new EpistemicActionRequest(s, Force: true)), CancellationToken.None);
        Assert.Equal(SessionStateParts.All, store.LastSavedParts);

        SessionRecord migrated = (await inner.LoadAsync(id))!;
        Assert.Equal(5, migrated.Version);
        Assert.Equal(3, migrated.Parts.Count);
        Assert.Equal(engine.ExportSession(id), migrated.StateText());

        await registry.UpdateAsync(id, (e, s) => e.SelectActions(new EpistemicActionRequest(s, Force: true)), CancellationToken.None);
        Assert.Equal(SessionStateParts.Actions, store.LastSavedParts);
    }

    private static SessionRegistry Registry(ActiveInferenceEngine engine, ISessionStore store) =>
        new(engine, store, new ServerOptions(), TimeProvider.System, NullLogger<SessionRegistry>.Instance);

    /// <summary>Passes every call to a real store and remembers which parts the last save gave.</summary>
    private sealed class RecordingStore(ISessionStore inner) : ISessionStore
    {
        public SessionStateParts LastSavedParts { get; private set; }

        public Task<SessionRecord?> LoadAsync(Guid sessionId, CancellationToken cancellationToken = default) => inner.LoadAsync(sessionId, cancellationToken);

        public Task SaveAsync(SessionRecord record, long expectedVersion, CancellationToken cancellationToken = default)
        {
            SessionStateParts parts = SessionStateParts.None;
            foreach (SessionPartState p in record.Parts)
            {
                parts |= p.Part;
            }

            LastSavedParts = parts;
            return inner.SaveAsync(record, expectedVersion, cancellationToken);
        }

        public Task<bool> DeleteAsync(Guid sessionId, CancellationToken cancellationToken = default) => inner.DeleteAsync(sessionId, cancellationToken);

        public Task<IReadOnlyList<SessionSummary>> ListAsync(int limit, CancellationToken cancellationToken = default) => inner.ListAsync(limit, cancellationToken);
    }
}
