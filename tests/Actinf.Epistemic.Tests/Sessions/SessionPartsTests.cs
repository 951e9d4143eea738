using System.Buffers;
using Actinf.Epistemic.Contracts;
using Actinf.Epistemic.Errors;
using Actinf.Epistemic.Sessions;
using Actinf.Epistemic.Tests.Support;

namespace Actinf.Epistemic.Tests.Sessions;

public class SessionPartsTests
{
    private static readonly SessionStateParts[] Single = [SessionStateParts.Beliefs, SessionStateParts.Goals, SessionStateParts.Actions];

    [Fact]
    public void SavingOnlyTheChangedParts_AfterEveryOperation_RestoresTheWholeSessionExactly()
    {
        var clock = new ManualTimeProvider();
        using var engine = new ActiveInferenceEngine(timeProvider: clock);
        Guid id = engine.CreateSession().SessionId;
        var stored = new Dictionary<SessionStateParts, byte[]>();

        void SaveChangedAndCompare()
        {
            SessionStateParts changed = engine.TakeChangedParts(id);
            foreach (SessionStateParts part in Single)
            {
                if ((changed & part) != 0)
                {
                    var buffer = new ArrayBufferWriter<byte>();
                    engine.ExportSessionPart(id, part, buffer);
                    stored[part] = buffer.WrittenSpan.ToArray();
                }
            }

            using var restored = new ActiveInferenceEngine(timeProvider: clock);
            restored.ImportSessionParts(stored[SessionStateParts.Beliefs], stored[SessionStateParts.Goals], stored[SessionStateParts.Actions]);
            Assert.Equal(engine.ExportSession(id), restored.ExportSession(id));
            clock.Advance(TimeSpan.FromSeconds(7));
        }

        SaveChangedAndCompare();
        engine.Observe(new ObserveRequest(id, "Why does regularization reduce overfitting?", Domain: "ml"));
        SaveChangedAndCompare();
        engine.SetGoals(id, [new GoalInput("understand regularization", Weight: 2f)]);
        SaveChangedAndCompare();
        var actions = engine.SelectActions(new EpistemicActionRequest(id, Force: true)).Actions;
        Assert.NotEmpty(actions);
        SaveChangedAndCompare();
        engine.Observe(new ObserveRequest(id, "What is a Fourier transform?", Domain: "signals"));
        SaveChangedAndCompare();
        engine.RecordFeedback(new FeedbackRequest(id, actions[0].ActionId, true));
        SaveChangedAndCompare();
        engine.RecordFeedback(new FeedbackRequest(id, actions[0].ActionId, false)); // already rated: changes nothing
        SaveChangedAndCompare();
        engine.SelectActions(new EpistemicActionRequest(id, MaxActions: 0));
        SaveChangedAndCompare();

        // An observation stamped before the last selection: the session's last update must not move back, or the
        // latest part time would no longer be the session's.
        engine.Observe(new ObserveRequest(id, "Is dropout a regularizer?", Domain: "ml", Timestamp: clock.GetUtcNow() - TimeSpan.FromHours(1)));
        SaveChangedAndCompare();
        engine.SelectActions(new EpistemicActionRequest(id, Force: true));
        SaveChangedAndCompare();
    }

    [Fact]
    public void TakeChangedParts_NamesWhatEachOperationChanged_AndForgetsThem()
    {
        var clock = new ManualTimeProvider();
        using var engine = new ActiveInferenceEngine(timeProvider: clock);
        Guid id = engine.CreateSession().SessionId;
        Assert.Equal(SessionStateParts.All, engine.TakeChangedParts(id));
        Assert.Equal(SessionStateParts.None, engine.TakeChangedParts(id));

        engine.Observe(new ObserveRequest(id, "Why does regularization reduce overfitting?", Domain: "ml"));
        Assert.Equal(SessionStateParts.Beliefs, engine.TakeChangedParts(id));

        Assert.Throws<ActiveInferenceException>(() => engine.Observe(new ObserveRequest(id, "wrong size", Embedding: new float[3])));
        Assert.Equal(SessionStateParts.None, engine.TakeChangedParts(id));

        engine.SetGoals(id, [new GoalInput("understand regularization", Weight: 1f)]);
        Assert.Equal(SessionStateParts.Goals, engine.TakeChangedParts(id));

        string actionId = engine.SelectActions(new EpistemicActionRequest(id, Force: true)).Actions[0].ActionId;
        Assert.Equal(SessionStateParts.Actions, engine.TakeChangedParts(id));

        engine.RecordFeedback(new FeedbackRequest(id, actionId, true));
        Assert.Equal(SessionStateParts.Actions, engine.TakeChangedParts(id));
        engine.RecordFeedback(new FeedbackRequest(id, actionId, true));
        Assert.Equal(SessionStateParts.None, engine.TakeChangedParts(id));

        engine.Observe(new ObserveRequest(id, "What is a Fourier transform?"));
        engine.SetGoals(id, []);
        Assert.Equal(SessionStateParts.Beliefs | SessionStateParts.Goals, engine.TakeChangedParts(id));

        using var other = new ActiveInferenceEngine(timeProvider: clock);
        other.ImportSession(engine.ExportSession(id));
        Assert.Equal(SessionStateParts.All, other.TakeChangedParts(id));
    }

    [Fact]
    public void ActionsPart_HoldsNoBeliefsOrHistory_AndEachPartOnlyItsOwnMembers()
    {
        var clock = new ManualTimeProvider();
        using var engine = new ActiveInferenceEngine(timeProvider: clock);
        Guid id = engine.CreateSession().SessionId;
        engine.SetGoals(id, [new GoalInput("understand regularization", Weight: 2f)]);
        for (int i = 0; i < 8; i++)
        {
            engine.Observe(new ObserveRequest(id, $"Question {i} about regularization and overfitting", Domain: "ml"));
        }

        engine.SelectActions(new EpistemicActionRequest(id, Force: true));
        SessionState whole = SessionStateJson.Deserialize(engine.ExportSession(id));
        SessionState beliefs = Part(engine, id, SessionStateParts.Beliefs);
        SessionState goals = Part(engine, id, SessionStateParts.Goals);
        SessionState actions = Part(engine, id, SessionStateParts.Actions);

        Assert.Null(whole.Part);
        Assert.Equal(SessionStateParts.Actions, actions.Part);
        Assert.Empty(actions.Means);
        Assert.Empty(actions.History);
        Assert.Empty(actions.Goals);
        Assert.Equal(whole.IssuedActions, actions.IssuedActions);
        Assert.Equal(whole.ActionCounter, actions.ActionCounter);

        Assert.Empty(goals.Means);
        Assert.Empty(goals.IssuedActions);
        Assert.Single(goals.Goals);

        Assert.Equal(8, beliefs.History.Length);
        Assert.Empty(beliefs.Goals);
        Assert.Empty(beliefs.IssuedActions);
        Assert.Empty(beliefs.RateLimiter);
        Assert.Equal(0, beliefs.ActionCounter);

        // The split of the exported whole is the same as the part export.
        Assert.Equal(SessionStateJson.Serialize(SessionStateAssembly.Only(whole, SessionStateParts.Actions)), SessionStateJson.Serialize(actions));
        Assert.Equal(SessionStateJson.Serialize(SessionStateAssembly.Only(whole, SessionStateParts.Beliefs)), SessionStateJson.Serialize(beliefs));
        Assert.Equal(SessionStateJson.Serialize(whole), SessionStateJson.Serialize(SessionStateAssembly.Merge(beliefs, goals, actions)));
    }

    [Fact]
    public void ImportSessionParts_PartsInTheWrongPlaceOrOfAnotherSession_InvalidModel_AndNothingImported()
    {
        var clock = new ManualTimeProvider();
        using var engine = new ActiveInferenceEngine(timeProvider: clock);
        Guid a = engine.CreateSession().SessionId;
        Guid b = engine.CreateSession().SessionId;
        byte[] beliefsA = PartBytes(engine, a, SessionStateParts.Beliefs);
        byte[] goalsA = PartBytes(engine, a, SessionStateParts.Goals);
        byte[] actionsA = PartBytes(engine, a, SessionStateParts.Actions);
        byte[] goalsB = PartBytes(engine, b, SessionStateParts.Goals);

        using var other = new ActiveInferenceEngine(timeProvider: clock);
        var swapped = Assert.Throws<ActiveInferenceException>(() => other.ImportSessionParts(beliefsA, actionsA, goalsA));
        Assert.Equal(ErrorKind.InvalidModel, swapped.Kind);
        Assert.Contains("Goals part document is the Actions part", swapped.Message, StringComparison.Ordinal);

        var mixed = Assert.Throws<ActiveInferenceException>(() => other.ImportSessionParts(beliefsA, goalsB, actionsA));
        Assert.Equal(ErrorKind.InvalidModel, mixed.Kind);
        Assert.Contains(b.ToString(), mixed.Message, StringComparison.Ordinal);

        byte[] whole = System.Text.Encoding.UTF8.GetBytes(engine.ExportSession(a));
        Assert.Equal(ErrorKind.InvalidModel, Assert.Throws<ActiveInferenceException>(() => other.ImportSessionParts(whole, goalsA, actionsA)).Kind);

        var partAsWhole = Assert.Throws<ActiveInferenceException>(() => other.ImportSession(actionsA));
        Assert.Equal(ErrorKind.InvalidModel, partAsWhole.Kind);
        Assert.Contains("Actions part", partAsWhole.Message, StringComparison.Ordinal);
        Assert.Empty(other.SessionIds);

        Assert.Equal(a, other.ImportSessionParts(beliefsA, goalsA, actionsA).SessionId);
    }

    [Theory]
    [InlineData(SessionStateParts.None)]
    [InlineData(SessionStateParts.Beliefs | SessionStateParts.Goals)]
    public void ExportSessionPart_NotOnePart_Throws(SessionStateParts part)
    {
        using var engine = new ActiveInferenceEngine();
        Guid id = engine.CreateSession().SessionId;
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.ExportSessionPart(id, part, new ArrayBufferWriter<byte>()));
    }

    private static byte[] PartBytes(ActiveInferenceEngine engine, Guid id, SessionStateParts part)
    {
        var buffer = new ArrayBufferWriter<byte>();
        engine.ExportSessionPart(id, part, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static SessionState Part(ActiveInferenceEngine engine, Guid id, SessionStateParts part) =>
        SessionStateJson.Deserialize(PartBytes(engine, id, part));
}
