using Actinf.Epistemic.Actions;

namespace Actinf.Epistemic.Tests.Actions;

public class ActionContentTests
{
    private static readonly KnowledgeGap Gap = new("g", "d", "machine learning", 0.8f, KnowledgeGapReasons.DomainUncertainty, ["regularization", "overfitting", "dropout"], [1, 2]);

    [Theory]
    [InlineData(EpistemicActionType.SeekClarification)]
    [InlineData(EpistemicActionType.RequestExample)]
    [InlineData(EpistemicActionType.ProposeHypothesis)]
    [InlineData(EpistemicActionType.SuggestExperiment)]
    [InlineData(EpistemicActionType.ExploreRelated)]
    [InlineData(EpistemicActionType.ConfirmUnderstanding)]
    public void Compose_EachType_RealSentenceFromGapAndContext(EpistemicActionType type)
    {
        string content = ActionContent.Compose(type, Gap, "Why does regularization reduce overfitting in deep networks?", "statistics");
        Assert.DoesNotContain("[", content, StringComparison.Ordinal);
        Assert.DoesNotContain("]", content, StringComparison.Ordinal);
        Assert.DoesNotContain("{", content, StringComparison.Ordinal);
        Assert.Contains("regularization", content, StringComparison.Ordinal);
        Assert.True(content.EndsWith('?'), content);
        Assert.True(char.IsUpper(content[0]));
    }

    [Fact]
    public void Compose_NoContext_StillComplete()
    {
        var gap = Gap with { Domain = "", Keywords = [] };
        foreach (EpistemicActionType type in Enum.GetValues<EpistemicActionType>())
        {
            string content = ActionContent.Compose(type, gap, "", "");
            Assert.Contains("this topic", content, StringComparison.Ordinal);
            Assert.DoesNotContain("[", content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Extract_RecentTexts_SalientWordsFirst()
    {
        IReadOnlyList<string> k = ContextKeywords.Extract(["What is a kernel?", "How do kernel methods compare with neural networks?", "Are kernel machines faster?"], 3);
        Assert.Equal("kernel", k[0]);
        Assert.DoesNotContain("what", k);
        Assert.DoesNotContain("how", k);
    }
}
