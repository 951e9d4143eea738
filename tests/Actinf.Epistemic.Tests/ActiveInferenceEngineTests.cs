using Actinf.Epistemic.Actions;
using Actinf.Epistemic.Beliefs;
using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Contracts;
using Actinf.Epistemic.Errors;
using Actinf.Epistemic.Tests.Support;
using Microsoft.Extensions.AI;

namespace Actinf.Epistemic.Tests;

public class ActiveInferenceEngineTests
{
    private static readonly string[] MlQuestions =
    [
        "Why does regularization reduce overfitting in deep neural networks?",
        "How does dropout regularization compare with weight decay for overfitting?",
        "Is early stopping a kind of regularization against overfitting?",
    ];

    [Fact]
    public void SelectActions_FreshSessionAfterOneQuestion_AtMostThreeDiverseValidActions()
    {
        using var engine = new ActiveInferenceEngine(timeProvider: new ManualTimeProvider());
        Guid id = engine.CreateSession().SessionId;
        ObserveResult observed = engine.Observe(new ObserveRequest(id, MlQuestions[0], Domain: "machine learning"));
        Assert.True(observed.UncertaintyLevel >= 0.6f);
        EpistemicActionResponse response = engine.SelectActions(new EpistemicActionRequest(id));
        Assert.InRange(response.Actions.Count, 1, 3);
        Assert.Equal(response.Actions.Count, response.Actions.Select(a => a.ActionType).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, response.Actions.Count), response.Actions.Select(a => a.Priority));
        foreach (EpistemicActionOutput a in response.Actions)
        {
            Assert.InRange(a.ExpectedInfoGain, 0.1f, 1f);
            Assert.InRange(a.Relevance, 0.3f, 1f);
            Assert.DoesNotContain("[", a.Content, StringComparison.Ordinal);
            Assert.True(a.Content.Contains("regularization", StringComparison.Ordinal) || a.Content.Contains("overfitting", StringComparison.Ordinal), a.Content);
        }

        Assert.InRange(response.UncertaintyLevel, 0f, 1f);
        Assert.Equal(response.UncertaintyLevel, response.UtlMetrics.Entropy);
        Assert.Equal(response.UncertaintyLevel, response.Pulse.Entropy);
        Assert.False(response.TimedOut);
    }

    [Fact]
    public void SelectActions_RepeatedWithinCooldown_RateLimitedUntilCooldownPasses()
    {
        var clock = new ManualTimeProvider();
        using var engine = new ActiveInferenceEngine(timeProvider: clock);
        Guid id = engine.CreateSession().SessionId;
        engine.Observe(new ObserveRequest(id, MlQuestions[0], Domain: "machine learning"));
        var first = engine.SelectActions(new EpistemicActionRequest(id, MaxActions: 10)).Actions.Select(a => a.ActionType).ToHashSet();
        Assert.InRange(first.Count, 1, 3);
        var second = engine.SelectActions(new EpistemicActionRequest(id, MaxActions: 10)).Actions.Select(a => a.ActionType).ToHashSet();
        Assert.Empty(first.Intersect(second));
        clock.Advance(TimeSpan.FromSeconds(61));
        var third = engine.SelectActions(new EpistemicActionRequest(id, MaxActions: 10)).Actions;
        Assert.InRange(third.Count, 1, 3);
    }

    [Fact]
    public void SelectActions_LowUncertainty_NoActionsUnlessForced()
    {
        using var engine = new ActiveInferenceEngine(timeProvider: new ManualTimeProvider());
        Guid id = engine.CreateSession().SessionId;
        for (int i = 0; i < 12; i++)
        {
            engine.Observe(new ObserveRequest(id, MlQuestions[i % 3], Domain: "machine learning"));
        }

        EpistemicActionResponse quiet = engine.SelectActions(new EpistemicActionRequest(id));
        Assert.True(quiet.UncertaintyLevel < 0.6f, $"U = {quiet.UncertaintyLevel}");
        Assert.Empty(quiet.Actions);
        Assert.Equal(SuggestedAction.Continue, quiet.Pulse.SuggestedAction);
        EpistemicActionResponse forced = engine.SelectActions(new EpistemicActionRequest(id, Force: true));
        Assert.All(forced.Actions, a => Assert.True(a.ExpectedInfoGain >= 0.1f));
    }

    [Fact]
    public void RecordFeedback_HelpfulForOneType_MovesItUpTheRanking()
    {
        const EpistemicActionType favoured = EpistemicActionType.ConfirmUnderstanding;
        int RankAfter(ActiveInferenceEngine engine)
        {
            Guid s = engine.CreateSession().SessionId;
            engine.Observe(new ObserveRequest(s, MlQuestions[1], Domain: "machine learning"));
            var actions = engine.SelectActions(new EpistemicActionRequest(s, Force: true)).Actions;
            int index = actions.ToList().FindIndex(a => a.ActionType == favoured);
            return index < 0 ? 99 : index + 1;
        }

        var clock = new ManualTimeProvider();
        using var baseline = new ActiveInferenceEngine(timeProvider: new ManualTimeProvider());
        int before = RankAfter(baseline);
        using var trained = new ActiveInferenceEngine(timeProvider: clock);
        for (int round = 0; round < 12; round++)
        {
            Guid s = trained.CreateSession().SessionId;
            trained.Observe(new ObserveRequest(s, MlQuestions[round % 3], Domain: "machine learning"));
            foreach (EpistemicActionOutput a in trained.SelectActions(new EpistemicActionRequest(s, Force: true)).Actions)
            {
                FeedbackResult r = trained.RecordFeedback(new FeedbackRequest(s, a.ActionId, a.ActionType == favoured));
                Assert.True(r.Recorded);
            }

            clock.Advance(TimeSpan.FromMinutes(5));
        }

        int after = RankAfter(trained);
        Assert.True(before > 1, $"baseline rank {before}");
        Assert.Equal(1, after);
        Assert.True(trained.RevealModel.RevealPrecision(favoured, "machine learning") > trained.RevealModel.RevealPrecision(EpistemicActionType.ExploreRelated, "machine learning"));
        Assert.Equal(trained.RevealModel.HelpfulRate, trained.GetMetrics().HelpfulRate);
    }

    [Fact]
    public void RecordFeedback_SameActionTwice_CountsOnce()
    {
        using var engine = new ActiveInferenceEngine(timeProvider: new ManualTimeProvider());
        Guid id = engine.CreateSession().SessionId;
        engine.Observe(new ObserveRequest(id, MlQuestions[0], Domain: "ml"));
        string actionId = engine.SelectActions(new EpistemicActionRequest(id)).Actions[0].ActionId;
        Assert.True(engine.RecordFeedback(new FeedbackRequest(id, actionId, true)).Recorded);
        Assert.False(engine.RecordFeedback(new FeedbackRequest(id, actionId, true)).Recorded);
        Assert.Equal(1, engine.GetMetrics().ActionsRated);
        var ex = Assert.Throws<ActiveInferenceException>(() => engine.RecordFeedback(new FeedbackRequest(id, "nope", true)));
        Assert.Equal(ErrorKind.ActionGenerationFailed, ex.Kind);
    }

    [Fact]
    public void Observe_NonFiniteOrWrongDimension_RejectedAndSessionUnchanged()
    {
        using var engine = new ActiveInferenceEngine(timeProvider: new ManualTimeProvider());
        Guid id = engine.CreateSession().SessionId;
        engine.Observe(new ObserveRequest(id, MlQuestions[0], Domain: "ml"));
        string before = engine.ExportSession(id);
        float[] bad = TestVectors.Gaussian(1536, 3);
        bad[100] = float.PositiveInfinity;
        var nan = Assert.Throws<ActiveInferenceException>(() => engine.Observe(new ObserveRequest(id, "x", bad)));
        Assert.Equal(ErrorKind.NumericalInstability, nan.Kind);
        Assert.Equal(-32015, nan.McpCode);
        var dim = Assert.Throws<ActiveInferenceException>(() => engine.Observe(new ObserveRequest(id, "x", new float[768])));
        Assert.Equal(ErrorKind.BeliefUpdateFailed, dim.Kind);
        var empty = Assert.Throws<ActiveInferenceException>(() => engine.Observe(new ObserveRequest(id, "  ?! ")));
        Assert.Equal(ErrorKind.NumericalInstability, empty.Kind);
        Assert.Equal(before, engine.ExportSession(id));
    }

    [Fact]
    public void Observe_ExtremeMagnitudes_NormalisedAndFinite()
    {
        using var engine = new ActiveInferenceEngine(timeProvider: new ManualTimeProvider());
        Guid id = engine.CreateSession().SessionId;
        float[] huge = TestVectors.Gaussian(1536, 5, 1e30f), tiny = TestVectors.Gaussian(1536, 6, 1e-30f);
        ObserveResult a = engine.Observe(new ObserveRequest(id, "huge", huge));
        ObserveResult b = engine.Observe(new ObserveRequest(id, "tiny", tiny));
        Assert.True(float.IsFinite(a.Update.FinalFreeEnergy) && float.IsFinite(b.Update.FinalFreeEnergy));
        Assert.InRange(b.UncertaintyLevel, 0f, 1f);
    }

    [Fact]
    public void UnknownSession_SessionNotFound()
    {
        using var engine = new ActiveInferenceEngine();
        var ex = Assert.Throws<ActiveInferenceException>(() => engine.SelectActions(new EpistemicActionRequest(Guid.NewGuid())));
        Assert.Equal(-32000, ex.McpCode);
    }

    [Fact]
    public async Task ObserveAsync_CustomGenerator_UsedForText()
    {
        var generator = new ConstantGenerator(1536);
        using var engine = new ActiveInferenceEngine(embeddingGenerator: generator);
        Guid id = engine.CreateSession().SessionId;
        ObserveResult r = await engine.ObserveAsync(new ObserveRequest(id, "anything"));
        Assert.Equal(1, r.ObservationCount);
        Assert.Equal(1, generator.Calls);
        Assert.Throws<InvalidOperationException>(() => engine.Observe(new ObserveRequest(id, "sync text")));
    }

    [Fact]
    public void Observe_ConcurrentSessions_ThreadSafe()
    {
        using var engine = new ActiveInferenceEngine(timeProvider: new ManualTimeProvider());
        Guid[] ids = [.. Enumerable.Range(0, 4).Select(_ => engine.CreateSession().SessionId)];
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k =>
        {
            Guid id = ids[k % 4];
            engine.Observe(new ObserveRequest(id, MlQuestions[k % 3] + $" {k}", Domain: "ml"));
            engine.SelectActions(new EpistemicActionRequest(id, Force: true));
        });
        Assert.All(ids, id => Assert.Equal(10, engine.GetSession(id).ObservationCount));
        Assert.Equal(40, engine.GetMetrics().BeliefUpdates);
    }

    [Fact]
    public void BudgetsOverrun_ResultsMarkedTimedOut()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(10));
        using var engine = new ActiveInferenceEngine(timeProvider: clock);
        Guid id = engine.CreateSession().SessionId;
        ObserveResult observed = engine.Observe(new ObserveRequest(id, MlQuestions[0], Domain: "ml"));
        Assert.True(observed.Update.TimedOut, observed.Update.ToString());
        EpistemicActionResponse response = engine.SelectActions(new EpistemicActionRequest(id, Force: true));
        Assert.True(response.TimedOut);
        Assert.True(engine.GetMetrics().Timeouts >= 2);
    }

    [Fact]
    public void Quadrant_SurprisingObservationAfterConfidentBeliefs_Hidden()
    {
        using var engine = new ActiveInferenceEngine(timeProvider: new ManualTimeProvider());
        Guid id = engine.CreateSession().SessionId;
        for (int i = 0; i < 10; i++)
        {
            engine.Observe(new ObserveRequest(id, MlQuestions[i % 3], Domain: "ml"));
        }

        Assert.Equal(JohariQuadrant.Open, engine.GetSession(id).JohariQuadrant);
        ObserveResult r = engine.Observe(new ObserveRequest(id, "Sourdough bread needs a long cold fermentation", Domain: "baking"));
        Assert.True(r.Update.Surprise > 0.5f, $"S = {r.Update.Surprise}");
        Assert.Contains(r.JohariQuadrant, new[] { JohariQuadrant.Hidden, JohariQuadrant.Blind });
    }

    private sealed class ConstantGenerator(int dimensions) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public int Calls { get; private set; }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            var result = new GeneratedEmbeddings<Embedding<float>>();
            foreach (string _ in values)
            {
                result.Add(new Embedding<float>(TestVectors.Gaussian(dimensions, 42)));
            }

            return Task.FromResult(result);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
