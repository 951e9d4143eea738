using Actinf.Causal.Directions;
using Actinf.Causal.Inference;
using Actinf.Causal.Networks;
using Actinf.Causal.Tests.Oracle;

namespace Actinf.Causal.Tests.Directions;

/// <summary>Abduction: MPE, marginal MAP and the local MAP of a bounded depth, by hand and against the oracle.</summary>
public class OmnidirectionalInferenceAbductionTests
{
    private const double Tolerance = 1e-12;

    /// <summary>
    /// X -> Y and X -> E (declared X, Y, E). P(X = x0) = 0.4; Y | x0 is certainly a, Y | x1 is uniform over
    /// (a, b, c); P(E = yes | X) = 0.8 / 0.6. Given E = yes the weights are (x0, a) 0.32 and (x1, a|b|c) 0.12
    /// each, Z = 0.68: the MPE is (x0, a) with P = 0.32, but X summed over Y favours x1 (0.36 against 0.32),
    /// so MAP over {X} is x1: it differs from the MPE restricted to X.
    /// </summary>
    private static readonly BayesianNetwork Explain = new NetworkBuilder("explain")
        .AddVariable("X", "x0", "x1")
        .AddVariable("Y", "a", "b", "c")
        .AddVariable("E", "yes", "no")
        .SetTable("X", [], [0.4, 0.6])
        .SetTable("Y", ["X"], [1.0, 0.0, 0.0, 1.0 / 3, 1.0 / 3, 1.0 / 3])
        .SetTable("E", ["X"], [0.8, 0.2, 0.6, 0.4])
        .Build();

    private static readonly Clamps EvidenceYes = new Clamps().Observe("E", "yes");

    [Fact]
    public void Abduction_NoMapVariables_MostProbableExplanationByHand()
    {
        AbductionResult result = new OmnidirectionalInference(Explain).Abduction(EvidenceYes);

        Assert.Equal(ExplanationKind.MostProbableExplanation, result.Kind);
        Assert.Equal(["X", "Y"], result.ExplainedVariables);
        Assert.Equal("x0", result.Explanation.Assignment["X"]);
        Assert.Equal("a", result.Explanation.Assignment["Y"]);
        Assert.Equal(Math.Log(0.32), result.Explanation.LogProbability, Tolerance);
        Assert.Equal(0.32 / 0.68, result.Explanation.PosteriorProbability, Tolerance);
        Assert.Equal(Math.Log(0.68), result.LogEvidenceProbability, Tolerance);
        Assert.Empty(result.Beliefs);
    }

    [Fact]
    public void Abduction_MapOverX_DiffersFromMpeRestrictedToX()
    {
        AbductionResult map = new OmnidirectionalInference(Explain).Abduction(EvidenceYes, ["X"]);

        Assert.Equal(ExplanationKind.MaximumAPosteriori, map.Kind);
        Assert.Equal("x1", Assert.Single(map.Explanation.Assignment).Value);
        Assert.Equal(Math.Log(0.36), map.Explanation.LogProbability, Tolerance);
        Assert.Equal(0.36 / 0.68, map.Explanation.PosteriorProbability, Tolerance);
        Assert.Equal(0.32 / 0.68, map.Explanation.RunnerUpPosteriorProbability!.Value, Tolerance);
        OracleExplanation oracle = new Enumeration(Explain, EvidenceYes).MaximumAPosteriori(["X"]);
        Assert.Equal(oracle.Assignment["X"], map.Explanation.Assignment["X"]);
        Assert.NotEqual(new Enumeration(Explain, EvidenceYes).MostProbableExplanation().Assignment["X"], map.Explanation.Assignment["X"]);
    }

    [Fact]
    public void Abduction_BoundedDepth_LocalMapOverVariablesWithinDepth()
    {
        var engine = new OmnidirectionalInference(Explain);

        AbductionResult depth1 = engine.Abduction(EvidenceYes, maxDepth: 1);
        AbductionResult depth2 = engine.Abduction(EvidenceYes, maxDepth: 2);

        // Depth 1 reaches X only (Y is two edges from E): the local explanation is MAP over {X} = x1.
        Assert.Equal(ExplanationKind.MaximumAPosteriori, depth1.Kind);
        Assert.Equal(["X"], depth1.ExplainedVariables);
        Assert.Equal("x1", depth1.Explanation.Assignment["X"]);
        // Depth 2 reaches every free variable: MAP over {X, Y} is the MPE assignment.
        Assert.Equal(["X", "Y"], depth2.ExplainedVariables);
        Assert.Equal("x0", depth2.Explanation.Assignment["X"]);
        Assert.Equal("a", depth2.Explanation.Assignment["Y"]);
        Assert.Equal(Math.Log(0.32), depth2.Explanation.LogProbability, Tolerance);
    }

    [Fact]
    public void Abduction_NoClamps_PriorMpeMatchesOracle()
    {
        AbductionResult result = new OmnidirectionalInference(Explain).Abduction(new Clamps());

        OracleExplanation oracle = new Enumeration(Explain).MostProbableExplanation();
        Assert.Equal(oracle.Assignment, result.Explanation.Assignment);
        Assert.Equal(oracle.LogProbability, result.Explanation.LogProbability, Tolerance);
        Assert.Equal(Math.Log(0.4 * 0.8), result.Explanation.LogProbability, Tolerance); // (x0, a, yes)
    }

    [Fact]
    public void Abduction_InvalidRequests_ThrowNamingTheParameter()
    {
        var engine = new OmnidirectionalInference(Explain);

        Assert.Equal("mapVariables", Assert.Throws<ArgumentException>(() => engine.Abduction(EvidenceYes, ["E"])).ParamName);
        Assert.Equal("mapVariables", Assert.Throws<ArgumentException>(() => engine.Abduction(EvidenceYes, [])).ParamName);
        Assert.Equal("mapVariables", Assert.Throws<ArgumentException>(() => engine.Abduction(EvidenceYes, ["Q"])).ParamName);
        Assert.Equal("maxDepth", Assert.Throws<ArgumentException>(() => engine.Abduction(EvidenceYes, maxDepth: 0)).ParamName);
        Assert.Equal("maxDepth", Assert.Throws<ArgumentException>(() => engine.Abduction(new Clamps(), maxDepth: 3)).ParamName);
    }

    [Fact]
    public void Infer_Abduction_UsesMapVariables()
    {
        var result = (AbductionResult)new OmnidirectionalInference(Explain).Infer(InferenceDirection.Abduction, EvidenceYes, mapVariables: ["X"]);

        Assert.Equal("x1", result.Explanation.Assignment["X"]);
    }
}
