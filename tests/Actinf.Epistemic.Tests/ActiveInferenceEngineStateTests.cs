using Actinf.Epistemic.Actions;
using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Contracts;
using Actinf.Epistemic.Errors;
using Actinf.Epistemic.Learning;
using Actinf.Epistemic.State;
using Actinf.Epistemic.Tests.Support;

namespace Actinf.Epistemic.Tests;

public class ActiveInferenceEngineStateTests
{
    private static readonly (string Text, string Domain)[] Questions =
    [
        ("Why does regularization reduce overfitting in deep neural networks?", "machine learning"),
        ("How does dropout regularization compare with weight decay for overfitting?", "machine learning"),
        ("Why does sourdough need a long cold fermentation?", "baking"),
        ("Is early stopping a kind of regularization against overfitting?", "machine learning"),
        ("How much hydration does a rustic loaf need?", "baking"),
    ];

    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>An engine that has learned weights from 5 observations and 2 ratings; returns it and the session.</summary>
    private static (ActiveInferenceEngine Engine, Guid Session) Trained(ManualTimeProvider clock)
    {
        var engine = new ActiveInferenceEngine(timeProvider: clock);
        Guid id = engine.CreateSession().SessionId;
        foreach ((string text, string domain) in Questions)
        {
            engine.Observe(new ObserveRequest(id, text, Domain: domain));
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        IReadOnlyList<EpistemicActionOutput> actions = engine.SelectActions(new EpistemicActionRequest(id, Force: true)).Actions;
        Assert.True(actions.Count >= 2, "the test needs two actions to rate");
        engine.RecordFeedback(new FeedbackRequest(id, actions[0].ActionId, true));
        engine.RecordFeedback(new FeedbackRequest(id, actions[1].ActionId, false));
        clock.Advance(TimeSpan.FromDays(3));
        return (engine, id);
    }

    [Fact]
    public void ImportStateJson_IntoFreshEngine_ReExportsSameBytesAndUpdatesIdentically()
    {
        var clockA = new ManualTimeProvider(Start);
        (ActiveInferenceEngine a, Guid id) = Trained(clockA);
        using ActiveInferenceEngine trained = a;
        string state = trained.ExportStateJson();
        using var untouched = new ActiveInferenceEngine(timeProvider: new ManualTimeProvider(Start));
        Assert.Equal(Questions.Length, trained.Model.LearningSteps);
        Assert.NotEqual(untouched.Model.CopyWeights(1), trained.Model.CopyWeights(1)); // learning changed the weights

        var clockB = new ManualTimeProvider(clockA.GetUtcNow());
        using var restored = new ActiveInferenceEngine(timeProvider: clockB);
        restored.ImportStateJson(state);

        Assert.Equal(state, restored.ExportStateJson());
        for (int l = 1; l < trained.Model.LayerCount; l++)
        {
            Assert.Equal(trained.Model.CopyWeights(l), restored.Model.CopyWeights(l));
        }

        foreach (RevealStatistics s in trained.RevealModel.Snapshot())
        {
            Assert.Equal(trained.RevealModel.RevealPrecision(s.ActionType, s.Domain), restored.RevealModel.RevealPrecision(s.ActionType, s.Domain));
        }

        Assert.Equal(0.5, restored.GetMetrics().HelpfulRate);

        // The same session and observation in both engines: the same belief update, bit for bit, and the same learning.
        restored.ImportSession(trained.ExportSession(id));
        var next = new ObserveRequest(id, "Can batch normalization replace dropout in convolutional networks?", Domain: "machine learning");
        ObserveResult fromTrained = trained.Observe(next);
        ObserveResult fromRestored = restored.Observe(next);

        Assert.Equal(fromTrained.Update.FinalFreeEnergy, fromRestored.Update.FinalFreeEnergy);
        Assert.Equal(fromTrained.Update.Iterations, fromRestored.Update.Iterations);
        Assert.Equal(fromTrained.Iterations.Select(i => i.FreeEnergy), fromRestored.Iterations.Select(i => i.FreeEnergy));
        Assert.Equal(trained.ExportSession(id), restored.ExportSession(id));
        Assert.Equal(trained.ExportStateJson(), restored.ExportStateJson());
        Assert.Equal(
            trained.SelectActions(new EpistemicActionRequest(id, Force: true)).Actions.Select(x => (x.ActionType, x.Content)),
            restored.SelectActions(new EpistemicActionRequest(id, Force: true)).Actions.Select(x => (x.ActionType, x.Content)));
    }

    [Fact]
    public void ExportState_FeedbackOnly_ImportLeavesWeightsAlone()
    {
        var clock = new ManualTimeProvider(Start);
        (ActiveInferenceEngine a, _) = Trained(clock);
        using ActiveInferenceEngine trained = a;
        using var other = new ActiveInferenceEngine(timeProvider: new ManualTimeProvider(clock.GetUtcNow()));
        float[] weightsBefore = other.Model.CopyWeights(2);

        EngineState feedbackOnly = trained.ExportState(EngineStateParts.FeedbackStatistics);
        other.ImportState(feedbackOnly);

        Assert.Null(feedbackOnly.Model);
        Assert.Equal(2, feedbackOnly.Feedback!.Rated);
        Assert.Equal(1, feedbackOnly.Feedback.Helpful);
        Assert.Equal(weightsBefore, other.Model.CopyWeights(2));
        Assert.Equal(trained.ExportStateJson(EngineStateParts.FeedbackStatistics), other.ExportStateJson(EngineStateParts.FeedbackStatistics));
        Assert.Null(trained.ExportState(EngineStateParts.ModelWeights).Feedback);
    }

    [Fact]
    public void ExportStateJson_DefaultModel_WeightsAreBase64OfTheLayerFloats()
    {
        using var engine = new ActiveInferenceEngine(timeProvider: new ManualTimeProvider(Start));

        EngineState state = EngineStateJson.Deserialize(engine.ExportStateJson());

        // Default model: W_1 is 1536×768 in 16 blocks of 96×48, ..., 97,920 weights in all.
        Assert.Equal([1536, 768, 384, 192, 96], state.Model!.LayerDimensions);
        Assert.Equal(16, state.Model.ConnectionGroups);
        Assert.Equal([1, 2, 3, 4], state.Model.Layers.Select(l => l.Level));
        Assert.Equal((1536, 768, 96, 48), (state.Model.Layers[0].Rows, state.Model.Layers[0].Columns, state.Model.Layers[0].BlockRows, state.Model.Layers[0].BlockColumns));
        Assert.Equal(97_920, state.Model.Layers.Sum(l => Convert.FromBase64String(l.Weights).Length / 4));
        byte[] first = Convert.FromBase64String(state.Model.Layers[0].Weights);
        Assert.Equal(engine.Model.CopyWeights(1)[1], BitConverter.ToSingle(first, 4)); // value 1 at bytes 4..7 (little-endian host)
    }

    public static TheoryData<string, ErrorKind, string> BadStates => new()
    {
        { "version", ErrorKind.InvalidModel, "version 2" },
        { "layers", ErrorKind.InvalidModel, "(Model.LayerDimensions)" },
        { "groups", ErrorKind.InvalidModel, "connection groups" },
        { "layer count", ErrorKind.InvalidModel, "3 weight layers" },
        { "level", ErrorKind.InvalidModel, "says level 3" },
        { "short layer", ErrorKind.InvalidModel, "weight layer 2 has 18428 weights" },
        { "not base64", ErrorKind.InvalidModel, "weight layer 4 is not base64" },
        { "NaN", ErrorKind.NumericalInstability, "weight layer 3 has NaN at index 7" },
        { "infinity", ErrorKind.NumericalInstability, "weight layer 1 has Infinity at index 0" },
        { "counters", ErrorKind.InvalidModel, "0 ≤ helpful ≤ rated" },
        { "negative count", ErrorKind.InvalidModel, "must be ≥ 0" },
        { "NaN count", ErrorKind.NumericalInstability, "must be finite" },
        { "duplicate", ErrorKind.InvalidModel, "twice" },
        { "unknown type", ErrorKind.InvalidModel, "action type 42" },
    };

    [Theory]
    [MemberData(nameof(BadStates))]
    public void ImportState_BadState_ThrowsNamingTheProblemAndChangesNothing(string problem, ErrorKind kind, string expected)
    {
        var clock = new ManualTimeProvider(Start);
        (ActiveInferenceEngine a, _) = Trained(clock);
        using ActiveInferenceEngine engine = a;
        string before = engine.ExportStateJson();
        EngineState good = engine.ExportState();
        ModelWeightsState m = good.Model!;
        FeedbackStatisticsState f = good.Feedback!;
        RevealStatistics s0 = f.Statistics[0];

        // Every bad state also carries a valid-looking change of the other part, which must not be applied either.
        var changedFeedback = f with { Rated = f.Rated + 10, Helpful = f.Helpful + 10 };
        EngineState bad = problem switch
        {
            "version" => good with { Version = 2 },
            "layers" => good with { Model = m with { LayerDimensions = [1536, 768, 384, 192] }, Feedback = changedFeedback },
            "groups" => good with { Model = m with { ConnectionGroups = 8 }, Feedback = changedFeedback },
            "layer count" => good with { Model = m with { Layers = m.Layers[..3] }, Feedback = changedFeedback },
            "level" => good with { Model = m with { Layers = [m.Layers[0], m.Layers[2], m.Layers[1], m.Layers[3]] }, Feedback = changedFeedback },
            "short layer" => good with { Model = m with { Layers = Replace(m.Layers, 1, w => w[..^4]) }, Feedback = changedFeedback },
            "not base64" => good with { Model = m with { Layers = [.. m.Layers[..3], m.Layers[3] with { Weights = "@@@@" }] }, Feedback = changedFeedback },
            "NaN" => good with { Model = m with { Layers = Replace(m.Layers, 2, w => Set(w, 7, float.NaN)) }, Feedback = changedFeedback },
            "infinity" => good with { Model = m with { Layers = Replace(m.Layers, 0, w => Set(w, 0, float.PositiveInfinity)) }, Feedback = changedFeedback },
            "counters" => good with { Feedback = f with { Helpful = f.Rated + 1 } },
            "negative count" => good with { Feedback = f with { Statistics = [s0 with { Unhelpful = -1 }] } },
            "NaN count" => good with { Feedback = f with { Statistics = [s0 with { Helpful = double.NaN }] } },
            "duplicate" => good with { Feedback = f with { Statistics = [s0, s0 with { Helpful = 5 }] } },
            "unknown type" => good with { Feedback = f with { Statistics = [s0 with { ActionType = (EpistemicActionType)42 }] } },
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "unknown case"),
        };

        var ex = Assert.Throws<ActiveInferenceException>(() => engine.ImportState(bad));

        Assert.Equal(kind, ex.Kind);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, engine.ExportStateJson());
    }

    [Theory]
    [InlineData("{\"version\":1,\"model\":{\"layers\":\"x\"}}", "not valid JSON")]
    [InlineData("null", "JSON null")]
    [InlineData("{\"version\":7}", "version 7 is not supported")]
    public void ImportStateJson_MalformedJson_InvalidModelNamingIt(string json, string expected)
    {
        using var engine = new ActiveInferenceEngine(timeProvider: new ManualTimeProvider(Start));
        string before = engine.ExportStateJson();

        var ex = Assert.Throws<ActiveInferenceException>(() => engine.ImportStateJson(json));

        Assert.Equal(ErrorKind.InvalidModel, ex.Kind);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, engine.ExportStateJson());
    }

    [Fact]
    public async Task ExportState_WhileTwoThreadsLearn_EverySnapshotImportsAndCountsAddUp()
    {
        using var engine = new ActiveInferenceEngine(timeProvider: new ManualTimeProvider(Start));
        Guid[] sessions = [engine.CreateSession().SessionId, engine.CreateSession().SessionId];
        const int PerThread = 20;
        var snapshots = new List<EngineState>();
        Task[] learners = [.. sessions.Select(s => Task.Run(() =>
        {
            for (int i = 0; i < PerThread; i++)
            {
                engine.Observe(new ObserveRequest(s, Questions[i % Questions.Length].Text, Domain: Questions[i % Questions.Length].Domain));
            }
        }))];
        Task all = Task.WhenAll(learners);
        while (!all.IsCompleted)
        {
            snapshots.Add(engine.ExportState(EngineStateParts.ModelWeights));
        }

        await all;
        snapshots.Add(engine.ExportState(EngineStateParts.ModelWeights));

        Assert.Equal(2 * PerThread, snapshots[^1].Model!.LearningSteps);
        Assert.Equal(snapshots.Select(s => s.Model!.LearningSteps).Order(), snapshots.Select(s => s.Model!.LearningSteps));
        using var fresh = new ActiveInferenceEngine(timeProvider: new ManualTimeProvider(Start));
        foreach (EngineState snapshot in snapshots)
        {
            fresh.ImportState(snapshot); // finite, complete, right shapes
        }

        Assert.Equal(engine.ExportStateJson(EngineStateParts.ModelWeights), fresh.ExportStateJson(EngineStateParts.ModelWeights));
    }

    private static WeightLayerState[] Replace(WeightLayerState[] layers, int index, Func<float[], float[]> change)
    {
        WeightLayerState[] copy = [.. layers];
        copy[index] = layers[index] with { Weights = Float32Base64.Encode(change(Float32Base64.TryDecode(layers[index].Weights)!)) };
        return copy;
    }

    private static float[] Set(float[] values, int index, float value)
    {
        values[index] = value;
        return values;
    }
}
