using Actinf.Causal.Directions;
using Actinf.Causal.Inference;
using Actinf.Causal.Networks;
using Actinf.Causal.Tests.Oracle;

namespace Actinf.Causal.Tests.Directions;

/// <summary>
/// Forward, backward and bidirectional queries on hand-built networks, values worked out by hand in the
/// comments and cross-checked against the brute-force <see cref="Enumeration"/>.
/// </summary>
public class OmnidirectionalInferenceTests
{
    private const double Tolerance = 1e-12;

    /// <summary>
    /// A -> B -> C and A -> D (declared A, B, C, D; states yes, no). P(A = yes) = 0.3;
    /// P(B = yes | A) = 0.9 / 0.2; P(C = yes | B) = 0.6 / 0.1; P(D = yes | A) = 0.5 / 0.3.
    /// Priors: P(B = yes) = 0.27 + 0.14 = 0.41; P(C = yes) = 0.41 * 0.6 + 0.59 * 0.1 = 0.305;
    /// P(D = yes) = 0.15 + 0.21 = 0.36.
    /// </summary>
    private static readonly BayesianNetwork Branch = new NetworkBuilder("branch")
        .AddVariable("A", "yes", "no")
        .AddVariable("B", "yes", "no")
        .AddVariable("C", "yes", "no")
        .AddVariable("D", "yes", "no")
        .SetTable("A", [], [0.3, 0.7])
        .SetTable("B", ["A"], [0.9, 0.1, 0.2, 0.8])
        .SetTable("C", ["B"], [0.6, 0.4, 0.1, 0.9])
        .SetTable("D", ["A"], [0.5, 0.5, 0.3, 0.7])
        .Build();

    /// <summary>
    /// Two causes of a symptom S: a common cause Common (P = 0.5) and a rare cause Rare (P = 0.1) with a high
    /// likelihood ratio. P(S = yes | Common, Rare) = 0.95 (yes, yes), 0.3 (yes, no), 0.9 (no, yes), 0.1 (no, no).
    /// With S = yes: weights 0.0475, 0.135, 0.045, 0.045, Z = 0.2725, so
    /// P(Common = yes | S) = 0.1825 / 0.2725 = 0.6697 (change +0.1697) and
    /// P(Rare = yes | S) = 0.0925 / 0.2725 = 0.3394 (change +0.2394).
    /// </summary>
    private static readonly BayesianNetwork Diagnosis = new NetworkBuilder("diagnosis")
        .AddVariable("Common", "yes", "no")
        .AddVariable("Rare", "yes", "no")
        .AddVariable("S", "yes", "no")
        .SetTable("Common", [], [0.5, 0.5])
        .SetTable("Rare", [], [0.1, 0.9])
        .SetRow("S", ["Common", "Rare"], ["yes", "yes"], [0.95, 0.05])
        .SetRow("S", ["Common", "Rare"], ["yes", "no"], [0.3, 0.7])
        .SetRow("S", ["Common", "Rare"], ["no", "yes"], [0.9, 0.1])
        .SetRow("S", ["Common", "Rare"], ["no", "no"], [0.1, 0.9])
        .Build();

    [Fact]
    public void Forward_CauseObserved_DescendantsNearestFirstWithHandValues()
    {
        var clamps = new Clamps().Observe("A", "yes");

        ForwardResult result = new OmnidirectionalInference(Branch).Forward(clamps);

        Assert.Equal(["B", "D", "C"], Names(result.Effects));
        Assert.Equal([1, 1, 2], [.. result.Effects.Select(b => b.Distance)]);
        AssertClose([0.9, 0.1], result.BeliefOf("B").Posterior);
        AssertClose([0.41, 0.59], result.BeliefOf("B").Prior);
        AssertClose([0.55, 0.45], result.BeliefOf("C").Posterior); // 0.9 * 0.6 + 0.1 * 0.1
        AssertClose([0.305, 0.695], result.BeliefOf("C").Prior);
        AssertClose([0.5, 0.5], result.BeliefOf("D").Posterior);
        AssertClose([0.36, 0.64], result.BeliefOf("D").Prior);
        Assert.Equal(0.3, result.EvidenceProbability, Tolerance);
        Assert.Equal(InferenceDirection.Forward, result.Direction);
        Assert.All(result.Effects, b => Assert.True(b.IsEffect && !b.IsCause));
    }

    [Fact]
    public void Forward_CauseObserved_ChangeIsTotalVariationAndKullbackLeibler()
    {
        VariableBelief b = new OmnidirectionalInference(Branch).Forward(new Clamps().Observe("A", "yes")).BeliefOf("B");

        Assert.Equal(0.49, b.TotalVariation, Tolerance); // (|0.9 - 0.41| + |0.1 - 0.59|) / 2
        Assert.Equal((0.9 * Math.Log(0.9 / 0.41)) + (0.1 * Math.Log(0.1 / 0.59)), b.KullbackLeibler, Tolerance);
    }

    [Fact]
    public void Forward_Intervention_ReachesDescendantsOnlyAndExplicitParentKeepsPrior()
    {
        var engine = new OmnidirectionalInference(Branch);
        var clamps = new Clamps().Intervene("B", "yes");

        ForwardResult byDefault = engine.Forward(clamps);
        ForwardResult explicitParent = engine.Forward(clamps, ["A", "C"]);

        Assert.Equal(["C"], Names(byDefault.Effects));
        AssertClose([0.6, 0.4], byDefault.Effects[0].Posterior);
        Assert.Equal(["A", "C"], Names(explicitParent.Effects));
        AssertClose([0.3, 0.7], explicitParent.BeliefOf("A").Posterior);
        Assert.Equal(0.0, explicitParent.BeliefOf("A").TotalVariation, Tolerance);
        Assert.True(explicitParent.BeliefOf("A").IsCause);
    }

    [Theory]
    [InlineData(0, new string[0])]
    [InlineData(1, new[] { "B", "D" })]
    [InlineData(2, new[] { "B", "D", "C" })]
    [InlineData(int.MaxValue, new[] { "B", "D", "C" })]
    public void Forward_MaxDepth_BoundsDefaultTargets(int maxDepth, string[] expected)
    {
        ForwardResult result = new OmnidirectionalInference(Branch).Forward(new Clamps().Observe("A", "yes"), maxDepth: maxDepth);

        Assert.Equal(expected, Names(result.Effects));
        Assert.Equal(maxDepth, result.MaxDepth);
    }

    [Fact]
    public void Forward_ExplicitTargetBeyondMaxDepth_IsStillAnswered()
    {
        ForwardResult result = new OmnidirectionalInference(Branch).Forward(new Clamps().Observe("A", "yes"), ["C"], maxDepth: 0);

        VariableBelief c = Assert.Single(result.Effects);
        Assert.Equal(2, c.Distance);
        AssertClose([0.55, 0.45], c.Posterior);
    }

    [Fact]
    public void Backward_SymptomObserved_PosteriorsByBayesRule()
    {
        BackwardResult result = new OmnidirectionalInference(Diagnosis).Backward(new Clamps().Observe("S", "yes"));

        Assert.Equal(["Common", "Rare"], Names(result.Causes));
        AssertClose([0.1825 / 0.2725, 0.09 / 0.2725], result.BeliefOf("Common").Posterior);
        AssertClose([0.0925 / 0.2725, 0.18 / 0.2725], result.BeliefOf("Rare").Posterior);
        Assert.Equal(0.2725, result.EvidenceProbability, Tolerance);
        Assert.All(result.Causes, b => Assert.True(b.IsCause && !b.IsEffect));
    }

    [Fact]
    public void Backward_RareCauseHighLikelihoodRatio_FirstByChangeNotByPosterior()
    {
        BackwardResult result = new OmnidirectionalInference(Diagnosis).Backward(new Clamps().Observe("S", "yes"));

        // By change: Rare=yes +0.2394, Common=yes +0.1697, Common=no -0.1697, Rare=no -0.2394.
        Assert.Equal(["Rare=yes", "Common=yes", "Common=no", "Rare=no"], [.. result.CandidatesByChange.Select(c => c.ToString())]);
        // By posterior: Common=yes 0.6697, Rare=no 0.6606, Rare=yes 0.3394, Common=no 0.3303.
        Assert.Equal(["Common=yes", "Rare=no", "Rare=yes", "Common=no"], [.. result.CandidatesByPosterior.Select(c => c.ToString())]);
        CauseCandidate rare = result.CandidatesByChange[0];
        Assert.Equal(0.1, rare.Prior, Tolerance);
        Assert.Equal(0.0925 / 0.2725, rare.Posterior, Tolerance);
        Assert.Equal((0.0925 / 0.2725) - 0.1, rare.Change, Tolerance);
    }

    [Fact]
    public void Backward_DefaultReach_IsUnclampedAncestorsWithinMaxDepth()
    {
        var engine = new OmnidirectionalInference(Branch);

        BackwardResult all = engine.Backward(new Clamps().Observe("C", "yes"));
        BackwardResult near = engine.Backward(new Clamps().Observe("C", "yes"), maxDepth: 1);

        Assert.Equal(["B", "A"], Names(all.Causes));
        Assert.Equal(["B"], Names(near.Causes));
        Assert.Equal(4, all.CandidatesByPosterior.Count);
        // P(A = yes | C = yes) = 0.3 (0.9 * 0.6 + 0.1 * 0.1) / 0.305 = 0.165 / 0.305.
        AssertClose([0.165 / 0.305, 0.14 / 0.305], all.BeliefOf("A").Posterior);
    }

    [Fact]
    public void Bidirectional_MiddleObserved_SplitsEffectsAndCauses()
    {
        var clamps = new Clamps().Observe("B", "yes");

        BidirectionalResult result = new OmnidirectionalInference(Branch).Bidirectional(clamps);

        // A and C at distance 1; D (distance 2, a sibling) is neither a cause nor an effect of B.
        Assert.Equal(["A"], Names(result.Causes));
        Assert.Equal(["C"], Names(result.Effects));
        Assert.Equal(["A", "C"], Names(result.Beliefs));
        var oracle = new Enumeration(Branch, clamps);
        AssertClose(oracle.Marginal("A"), result.BeliefOf("A").Posterior);
        AssertClose(oracle.Marginal("C"), result.BeliefOf("C").Posterior);
        Assert.Equal(2, result.CandidatesByChange.Count);
    }

    [Fact]
    public void Bidirectional_ExplicitSibling_ReportedInNeitherView()
    {
        // D is a sibling of B (common cause A): neither an ancestor nor a descendant of B.
        var clamps = new Clamps().Observe("B", "yes");

        BidirectionalResult result = new OmnidirectionalInference(Branch).Bidirectional(clamps, ["D"]);

        VariableBelief d = Assert.Single(result.Beliefs);
        Assert.Empty(result.Effects);
        Assert.Empty(result.Causes);
        Assert.Equal(2, d.Distance);
        AssertClose(new Enumeration(Branch, clamps).Marginal("D"), d.Posterior);
        Assert.True(d.TotalVariation > 0.01);
    }

    [Fact]
    public void Bidirectional_NodeBetweenTwoClamps_IsBothEffectAndCause()
    {
        // A -> B -> C with A and C clamped: B is downstream of A and upstream of C.
        var clamps = new Clamps().Observe("A", "no").Observe("C", "yes");

        BidirectionalResult result = new OmnidirectionalInference(Branch).Bidirectional(clamps);

        Assert.Equal(["B", "D"], Names(result.Beliefs));
        Assert.Equal(["B", "D"], Names(result.Effects));
        Assert.Equal(["B"], Names(result.Causes));
        // P(B = yes | A = no, C = yes) = 0.2 * 0.6 / (0.2 * 0.6 + 0.8 * 0.1) = 0.6.
        AssertClose([0.6, 0.4], result.BeliefOf("B").Posterior);
    }

    [Fact]
    public void Infer_EachDirection_ReturnsTheTypedResult()
    {
        var engine = new OmnidirectionalInference(Diagnosis);
        var clamps = new Clamps().Observe("S", "yes");

        Assert.IsType<ForwardResult>(engine.Infer(InferenceDirection.Forward, new Clamps().Observe("Rare", "yes")));
        var backward = Assert.IsType<BackwardResult>(engine.Infer(InferenceDirection.Backward, clamps));
        Assert.IsType<BidirectionalResult>(engine.Infer(InferenceDirection.Bidirectional, clamps));
        Assert.IsType<BridgeResult>(engine.Infer(InferenceDirection.Bridge, new Clamps().Observe("Rare", "yes"), ["Common"]));
        var abduction = Assert.IsType<AbductionResult>(engine.Infer(InferenceDirection.Abduction, clamps));
        Assert.Equal(engine.Backward(clamps).CandidatesByChange[0].Posterior, backward.CandidatesByChange[0].Posterior);
        Assert.Equal(InferenceDirection.Abduction, abduction.Direction);
    }

    [Fact]
    public void Forward_NoClamps_ThrowsNamingClamps()
    {
        var engine = new OmnidirectionalInference(Branch);

        var forward = Assert.Throws<ArgumentException>(() => engine.Forward(new Clamps()));
        var backward = Assert.Throws<ArgumentException>(() => engine.Backward(new Clamps()));

        Assert.Equal("clamps", forward.ParamName);
        Assert.Equal("clamps", backward.ParamName);
    }

    [Fact]
    public void Forward_NegativeMaxDepth_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new OmnidirectionalInference(Branch).Forward(new Clamps().Observe("A", "yes"), maxDepth: -1));

        Assert.Equal("maxDepth", e.ParamName);
    }

    [Fact]
    public void Forward_UnknownTarget_ThrowsNamingTargets()
    {
        var e = Assert.Throws<ArgumentException>(() => new OmnidirectionalInference(Branch).Forward(new Clamps().Observe("A", "yes"), ["Z"]));

        Assert.Equal("targets", e.ParamName);
        Assert.Contains("'Z'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backward_UnknownClampedVariable_ThrowsArgumentException()
    {
        var e = Assert.Throws<ArgumentException>(() => new OmnidirectionalInference(Branch).Backward(new Clamps().Observe("Z", "yes")));

        Assert.Contains("'Z'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Infer_MisplacedArguments_ThrowNamingTheParameter()
    {
        var engine = new OmnidirectionalInference(Branch);
        var clamps = new Clamps().Observe("A", "yes");

        Assert.Equal("mapVariables", Assert.Throws<ArgumentException>(() => engine.Infer(InferenceDirection.Forward, clamps, mapVariables: ["B"])).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => engine.Infer(InferenceDirection.Bridge, clamps)).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => engine.Infer(InferenceDirection.Abduction, clamps, ["B"])).ParamName);
        Assert.Equal("direction", Assert.Throws<ArgumentOutOfRangeException>(() => engine.Infer((InferenceDirection)99, clamps)).ParamName);
    }

    [Fact]
    public void Forward_ImpossibleEvidence_Throws()
    {
        // Sprinkler: wet = yes is impossible without sprinkler and rain.
        BayesianNetwork sprinkler = SmallNetworks.Sprinkler();
        var clamps = new Clamps().Observe("rain", "no").Observe("sprinkler", "no").Observe("wet", "yes");

        Assert.Throws<ImpossibleEvidenceException>(() => new OmnidirectionalInference(sprinkler).Bidirectional(clamps));
    }

    private static string[] Names(IEnumerable<VariableBelief> beliefs) => [.. beliefs.Select(b => b.Name)];

    private static void AssertClose(double[] expected, Distribution actual)
    {
        Assert.Equal(expected.Length, actual.Probabilities.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance, $"{actual.Variable.Name}[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
