using Actinf.Epistemic.Actions;
using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Learning;
using Actinf.Epistemic.Tests.Support;

namespace Actinf.Epistemic.Tests.Learning;

public class ActionRevealModelTests
{
    [Fact]
    public void RecordFeedback_Ratings_BetaPosteriorMean()
    {
        var clock = new ManualTimeProvider();
        var model = new ActionRevealModel(new FeedbackLearningOptions(), clock);
        Assert.Equal(0.5f, model.HelpfulProbability(EpistemicActionType.SeekClarification, "physics"));
        Assert.Equal(1.0f, model.RevealPrecision(EpistemicActionType.SeekClarification, "physics"));
        model.RecordFeedback(EpistemicActionType.SeekClarification, "physics", true);
        model.RecordFeedback(EpistemicActionType.SeekClarification, "physics", true);
        model.RecordFeedback(EpistemicActionType.SeekClarification, "physics", false);
        // Beta(2 + 2, 2 + 1): mean 4/7.
        Assert.Equal(4f / 7f, model.HelpfulProbability(EpistemicActionType.SeekClarification, "physics"), 6);
        Assert.Equal(2f * 4f / 7f, model.RevealPrecision(EpistemicActionType.SeekClarification, "physics"), 6);
        Assert.Equal(0.5f, model.HelpfulProbability(EpistemicActionType.SeekClarification, "cooking"));
        Assert.Equal(2.0 / 3.0, model.HelpfulRate, 9);
    }

    [Fact]
    public void HelpfulProbability_AfterOneHalfLife_EvidenceCountsHalf()
    {
        var clock = new ManualTimeProvider();
        var model = new ActionRevealModel(new FeedbackLearningOptions(), clock);
        for (int i = 0; i < 4; i++)
        {
            model.RecordFeedback(EpistemicActionType.RequestExample, "math", true);
        }

        Assert.Equal(6f / 8f, model.HelpfulProbability(EpistemicActionType.RequestExample, "math"), 6);
        clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(4f / 6f, model.HelpfulProbability(EpistemicActionType.RequestExample, "math"), 5); // 4 → 2 helpful
        clock.Advance(TimeSpan.FromDays(3650));
        Assert.Equal(0.5f, model.HelpfulProbability(EpistemicActionType.RequestExample, "math"), 3);
    }

    [Fact]
    public void HalfLife_Configurable()
    {
        var clock = new ManualTimeProvider();
        var model = new ActionRevealModel(new FeedbackLearningOptions { HalfLife = TimeSpan.FromDays(1) }, clock);
        model.RecordFeedback(EpistemicActionType.ExploreRelated, "", false);
        model.RecordFeedback(EpistemicActionType.ExploreRelated, "", false);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(2f / 5f, model.HelpfulProbability(EpistemicActionType.ExploreRelated, null), 5);
    }
}
