using Actinf.Epistemic.Contracts;
using Actinf.Epistemic.Errors;
using Actinf.Epistemic.Sessions;
using Actinf.Epistemic.Tests.Support;

namespace Actinf.Epistemic.Tests.Sessions;

public class SessionStateJsonTests
{
    private static readonly System.Text.Json.JsonSerializerOptions LenientJson = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
    };

    private static (ActiveInferenceEngine Engine, Guid Id) Populated(ManualTimeProvider clock)
    {
        var engine = new ActiveInferenceEngine(timeProvider: clock);
        Guid id = engine.CreateSession().SessionId;
        engine.SetGoals(id, [new GoalInput("understand regularization", Weight: 2f)]);
        engine.Observe(new ObserveRequest(id, "Why does regularization reduce overfitting?", Domain: "ml"));
        engine.Observe(new ObserveRequest(id, "What is a Fourier transform?", Domain: "signals"));
        var actions = engine.SelectActions(new EpistemicActionRequest(id, Force: true)).Actions;
        engine.RecordFeedback(new FeedbackRequest(id, actions[0].ActionId, true));
        return (engine, id);
    }

    [Fact]
    public void ExportImport_RoundTrip_Identical()
    {
        var clock = new ManualTimeProvider();
        var (engine, id) = Populated(clock);
        using (engine)
        {
            string json = engine.ExportSession(id);
            Assert.Contains("\"version\":1", json, StringComparison.Ordinal);
            using var other = new ActiveInferenceEngine(timeProvider: clock);
            Assert.Equal(id, other.ImportSession(json).SessionId);
            Assert.Equal(json, other.ExportSession(id));
            Assert.Equal(engine.GetSession(id) with { DomainUncertainty = null! }, other.GetSession(id) with { DomainUncertainty = null! });
            Assert.Equal(engine.GetSession(id).DomainUncertainty, other.GetSession(id).DomainUncertainty);
        }
    }

    [Fact]
    public void Import_SameEngineWithoutReplace_Throws_WithReplace_Succeeds()
    {
        var clock = new ManualTimeProvider();
        var (engine, id) = Populated(clock);
        using (engine)
        {
            string json = engine.ExportSession(id);
            Assert.Throws<ActiveInferenceException>(() => engine.ImportSession(json));
            engine.ImportSession(json, replace: true);
            Assert.Equal(json, engine.ExportSession(id));
        }
    }

    [Fact]
    public void Import_ImportedSession_BehavesLikeOriginal()
    {
        var clock = new ManualTimeProvider();
        var options = new Actinf.Epistemic.Configuration.EngineOptions { Model = new() { LearnWeights = false } };
        using var a = new ActiveInferenceEngine(options, timeProvider: clock);
        Guid id = a.CreateSession().SessionId;
        a.Observe(new ObserveRequest(id, "Why does regularization reduce overfitting?", Domain: "ml"));
        using var b = new ActiveInferenceEngine(options, timeProvider: clock);
        b.ImportSession(a.ExportSession(id));
        var next = new ObserveRequest(id, "Is dropout a regularizer?", Domain: "ml");
        Assert.Equal(a.Observe(next).UncertaintyLevel, b.Observe(next).UncertaintyLevel);
        Assert.Equal(a.ExportSession(id), b.ExportSession(id));
    }

    [Theory]
    [InlineData("{\"version\":2}", ErrorKind.InvalidModel)]
    [InlineData("not json", ErrorKind.InvalidModel)]
    [InlineData("{\"version\":1,\"layerDimensions\":[4]}", ErrorKind.InvalidModel)]
    public void Import_BadDocument_Rejected(string json, ErrorKind kind)
    {
        using var engine = new ActiveInferenceEngine();
        Assert.Equal(kind, Assert.Throws<ActiveInferenceException>(() => engine.ImportSession(json)).Kind);
    }

    [Fact]
    public void Import_NonFiniteValue_NumericalInstability()
    {
        var clock = new ManualTimeProvider();
        var (engine, id) = Populated(clock);
        using (engine)
        {
            SessionState state = SessionStateJson.Deserialize(engine.ExportSession(id));
            state.Means[1][0] = float.NaN;
            var json = System.Text.Json.JsonSerializer.Serialize(state, LenientJson);
            var ex = Assert.ThrowsAny<ActiveInferenceException>(() => engine.ImportSession(json, replace: true));
            Assert.Contains(ex.Kind, new[] { ErrorKind.NumericalInstability, ErrorKind.InvalidModel });
        }
    }
}
