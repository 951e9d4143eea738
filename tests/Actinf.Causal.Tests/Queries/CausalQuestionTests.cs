using Actinf.Causal.Directions;
using Actinf.Causal.Inference;
using Actinf.Causal.Networks;
using Actinf.Causal.Queries;

namespace Actinf.Causal.Tests.Queries;

public sealed class CausalQuestionTests
{
    private static readonly QueryTerms Terms = new("T", "MPE", "MAP", "DIR", "DEPTH");

    // rain -> wet <- sprinkler
    private static readonly BayesianNetwork Network = new NetworkBuilder("lawn")
        .AddVariable("rain", "yes", "no")
        .AddVariable("sprinkler", "on", "off")
        .AddVariable("wet", "yes", "no")
        .SetTable("rain", [], [0.2, 0.8])
        .SetTable("sprinkler", [], [0.4, 0.6])
        .SetRow("wet", ["rain", "sprinkler"], ["yes", "on"], [0.99, 0.01])
        .SetRow("wet", ["rain", "sprinkler"], ["yes", "off"], [0.8, 0.2])
        .SetRow("wet", ["rain", "sprinkler"], ["no", "on"], [0.9, 0.1])
        .SetRow("wet", ["rain", "sprinkler"], ["no", "off"], [0.05, 0.95])
        .Build();

    public static TheoryData<string[], bool, string[], string?, int?, string> Mistakes => new()
    {
        { [], false, [], "sideways", null, "DIR is 'sideways'; expected none, forward, backward, bidirectional, bridge or abduction." },
        { [], false, [], "forward", -1, "DEPTH is -1; a depth is a number of edges, 0 or more." },
        { [], true, ["rain"], null, null, "MPE and MAP ask different questions" },
        { [], true, [], "forward", null, "MPE asks for an explanation (abduction); it does not combine with DIR forward." },
        { [], false, ["rain"], "backward", null, "MAP asks for an explanation (abduction); it does not combine with DIR backward." },
        { ["rain"], true, [], null, null, "T does not apply to an explanation" },
        { ["rain"], false, [], "abduction", null, "T does not apply to an explanation" },
        { [], false, [], "bridge", null, "DIR bridge needs the target group: give T." },
        { [], false, [], null, 2, "DEPTH bounds what a directional question reports; give DIR (or MPE / MAP)." },
        { [], false, [], "none", 2, "DEPTH bounds what a directional question reports" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void PartsThatDoNotCombine_AreRejectedInTheCallersTerms(string[] targets, bool mpe, string[] map, string? direction, int? depth, string expected)
    {
        CausalQueryException e = Assert.Throws<CausalQueryException>(() => CausalQuestion.Create(targets, mpe, map, direction, depth, Terms));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("none")]
    public void NoDirection_AnswersThePosteriorsOfEveryVariableNotHardClamped(string? direction)
    {
        var engine = new ExactInference(Network);
        Clamps clamps = new Clamps().Observe("wet", "yes").Likelihood("sprinkler", 1, 3);

        CausalQueryAnswer answer = CausalQuestion.Create([], false, [], direction, null, Terms).Answer(engine, clamps);

        Assert.Null(answer.Directional);
        Posterior expected = engine.Query(["rain", "sprinkler"], clamps);
        Assert.Equal(["rain", "sprinkler"], answer.Posterior!.Marginals.Select(m => m.Variable.Name));
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(expected.Marginals[i][0], answer.Posterior.Marginals[i][0], 15);
        }

        Assert.Equal(expected.EvidenceProbability, answer.Posterior.EvidenceProbability, 15);
    }

    [Fact]
    public void Targets_AreTheOnlyPosteriorsAnswered()
    {
        CausalQueryAnswer answer = CausalQuestion.Create(["rain"], false, [], null, null, Terms).Answer(new ExactInference(Network), new Clamps().Observe("wet", "yes"));

        // P(rain | wet) by enumeration: 0.2·(0.4·0.99 + 0.6·0.8) / Σ.
        double rainWet = 0.2 * ((0.4 * 0.99) + (0.6 * 0.8));
        double dryRainWet = 0.8 * ((0.4 * 0.9) + (0.6 * 0.05));
        Assert.Equal("rain", Assert.Single(answer.Posterior!.Marginals).Variable.Name);
        Assert.Equal(rainWet / (rainWet + dryRainWet), answer.Posterior.Marginals[0][0], 12);
    }

    [Fact]
    public void Direction_AnswersTheDirectionalQuestionWithItsDepth()
    {
        CausalQuestion question = CausalQuestion.Create([], false, [], "forward", 1, Terms);
        CausalQueryAnswer answer = question.Answer(new ExactInference(Network), new Clamps().Intervene("rain", "yes"));

        Assert.Equal(InferenceDirection.Forward, question.Direction);
        Assert.Equal(1, question.MaxDepth);
        Assert.IsType<ForwardResult>(answer.Directional);
        Assert.Null(answer.Posterior);
    }

    [Fact]
    public void MpeAndMap_AreExplanations()
    {
        var engine = new ExactInference(Network);
        Clamps clamps = new Clamps().Observe("wet", "yes");
        CausalQuestion mpe = CausalQuestion.Create([], true, [], null, null, Terms);
        CausalQuestion map = CausalQuestion.Create([], false, ["rain"], "abduction", null, Terms);

        Assert.True(mpe.IsAbduction);
        Assert.Equal(InferenceDirection.Abduction, mpe.Direction);
        Assert.Equal(int.MaxValue, mpe.MaxDepth);
        AbductionResult all = Assert.IsType<AbductionResult>(mpe.Answer(engine, clamps).Directional);
        AbductionResult one = Assert.IsType<AbductionResult>(map.Answer(engine, clamps).Directional);

        // With wet observed the jointly most probable state is (rain no, sprinkler on): 0.8·0.4·0.9 is the largest product.
        Assert.Equal("no", all.Explanation.Assignment["rain"]);
        Assert.Equal("on", all.Explanation.Assignment["sprinkler"]);
        Assert.Equal(["rain"], one.Explanation.Assignment.Keys);
    }
}
