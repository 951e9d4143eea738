using Actinf.Causal.Inference;
using Actinf.Causal.Networks;
using Actinf.Causal.Tests.Oracle;

namespace Actinf.Causal.Tests.Inference;

/// <summary>
/// Named behaviour of <see cref="ExactInference"/> on hand-built networks, with the values worked out by hand
/// (see <see cref="SmallNetworks.Sprinkler"/>: P(wet = yes, rain = yes) = 0.16038, P(wet = yes, rain = no) = 0.288,
/// P(wet = yes) = 0.44838, P(sprinkler = yes) = 0.322) and checked against the oracle as well.
/// </summary>
public class ExactInferenceTests
{
    private const double Tolerance = 1e-12;

    private static readonly BayesianNetwork Sprinkler = SmallNetworks.Sprinkler();

    public static TheoryData<string, string> OtherEvidence() => new()
    {
        { "wet", "yes" },
        { "wet", "no" },
        { "rain", "yes" },
        { "rain", "no" },
    };

    [Fact]
    public void Query_NoClamps_PriorMarginalsByHand()
    {
        Posterior posterior = new ExactInference(Sprinkler).Query(["wet", "sprinkler", "rain"]);

        AssertClose([0.44838, 1 - 0.44838], posterior["wet"]);
        AssertClose([0.322, 0.678], posterior["sprinkler"]);
        AssertClose([0.2, 0.8], posterior["rain"]);
        Assert.Equal(1.0, posterior.EvidenceProbability, Tolerance);
        Assert.Equal(0.0, posterior.LogEvidenceProbability, Tolerance);
    }

    [Fact]
    public void Query_WetObserved_RainPosteriorByBayesRule()
    {
        // P(rain = yes | wet = yes) = 0.16038 / 0.44838 = 0.35769...
        var clamps = new Clamps().Observe("wet", "yes");

        Posterior posterior = new ExactInference(Sprinkler).Query(["rain"], clamps);

        AssertClose([0.16038 / 0.44838, 0.288 / 0.44838], posterior["rain"]);
        AssertClose(new Enumeration(Sprinkler, clamps).Marginal("rain"), posterior["rain"]);
        Assert.Equal(0.44838, posterior.EvidenceProbability, Tolerance);
        Assert.Equal(Math.Log(0.44838), posterior.LogEvidenceProbability, Tolerance);
    }

    [Fact]
    public void Query_SeeingVersusDoingSprinkler_Differ()
    {
        // Seeing: P(rain = yes | sprinkler = yes) = 0.2 * 0.01 / 0.322; P(wet = yes | sprinkler = yes) = (0.002 * 0.99 + 0.32 * 0.9) / 0.322.
        // Doing: rain keeps its prior 0.2; P(wet = yes | do(sprinkler = yes)) = 0.2 * 0.99 + 0.8 * 0.9 = 0.918.
        var engine = new ExactInference(Sprinkler);

        Posterior seeing = engine.Query(["rain", "wet"], new Clamps().Observe("sprinkler", "yes"));
        Posterior doing = engine.Query(["rain", "wet"], new Clamps().Intervene("sprinkler", "yes"));

        AssertClose([0.002 / 0.322, 0.32 / 0.322], seeing["rain"]);
        AssertClose([0.28998 / 0.322, 1 - (0.28998 / 0.322)], seeing["wet"]);
        Assert.Equal(0.322, seeing.EvidenceProbability, Tolerance);
        AssertClose([0.2, 0.8], doing["rain"]);
        AssertClose([0.918, 0.082], doing["wet"]);
        Assert.Equal(1.0, doing.EvidenceProbability, Tolerance);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    public void Query_InterventionOnSprinkler_ParentKeepsPriorMarginal(string state)
    {
        var engine = new ExactInference(Sprinkler);

        Posterior hard = engine.Query(["rain"], new Clamps().Intervene("sprinkler", state));
        Posterior soft = engine.Query(["rain", "sprinkler"], new Clamps().SoftIntervene("sprinkler", 0.7, 0.3));

        AssertClose([0.2, 0.8], hard["rain"]);
        AssertClose([0.2, 0.8], soft["rain"]);
        AssertClose([0.7, 0.3], soft["sprinkler"]);
    }

    [Theory]
    [MemberData(nameof(OtherEvidence))]
    public void Query_HardClampedTarget_PointMassWhateverTheOtherEvidence(string variable, string state)
    {
        // Every combination with sprinkler = yes has positive probability, so each query is possible.
        var engine = new ExactInference(Sprinkler);

        foreach (Clamps clamps in (Clamps[])[
            new Clamps().Observe("sprinkler", "yes").Observe(variable, state),
            new Clamps().Intervene("sprinkler", "yes").Observe(variable, state)])
        {
            Posterior posterior = engine.Query(["sprinkler", variable], clamps);

            Assert.Equal(1.0, posterior["sprinkler"]["yes"]);
            Assert.Equal(0.0, posterior["sprinkler"]["no"]);
            Assert.Equal(1.0, posterior[variable][state]);
        }
    }

    [Fact]
    public void Query_HardClampedTarget_GetsPointMass()
    {
        var engine = new ExactInference(Sprinkler);

        Posterior observed = engine.Query(["wet", "rain"], new Clamps().Observe("wet", "no").Observe("rain", "yes"));
        Posterior intervened = engine.Query(["wet"], new Clamps().Intervene("wet", "no").Observe("rain", "yes"));

        Assert.Equal([0.0, 1.0], observed["wet"].Probabilities);
        Assert.Equal([1.0, 0.0], observed["rain"].Probabilities);
        Assert.Equal([0.0, 1.0], intervened["wet"].Probabilities);
        Assert.Equal(0.2, intervened.EvidenceProbability, Tolerance);

        // A strong hint that the grass is dry does not move an observed sprinkler.
        Posterior hinted = engine.Query(["sprinkler"], new Clamps().Observe("sprinkler", "yes").Likelihood("wet", 1e-6, 1));
        Assert.Equal(1.0, hinted["sprinkler"]["yes"]);
        Assert.Equal(0.0, hinted["sprinkler"]["no"]);
    }

    [Fact]
    public void Query_SoftClampOnRain_MovesALittleUnderWeakAndReversesUnderStrongOpposingEvidence()
    {
        // lambda_rain = (0.9, 0.1). Alone: P(rain = yes) = 0.18 / (0.18 + 0.08) = 0.6923.
        // Weak opposing hint on wet, lambda_wet = (0.45, 0.55): rain = yes: 0.18 (0.8019 * 0.45 + 0.1981 * 0.55) = 0.0845658;
        //   rain = no: 0.08 (0.36 * 0.45 + 0.64 * 0.55) = 0.04112; P(rain = yes) = 0.6728, down by 0.02.
        // Strong opposing evidence wet = no: rain = yes: 0.18 * 0.1981 = 0.035658; rain = no: 0.08 * 0.64 = 0.0512;
        //   P(rain = yes) = 0.4105: the clamp's state is no longer the most probable.
        var engine = new ExactInference(Sprinkler);
        Clamps Soft() => new Clamps().SoftClamp("rain", "yes", 0.9, Sprinkler);
        Clamps alone = Soft();
        Clamps weak = Soft().Likelihood("wet", 0.45, 0.55);
        Clamps strong = Soft().Observe("wet", "no");

        double pAlone = engine.Query(["rain"], alone)["rain"]["yes"];
        double pWeak = engine.Query(["rain"], weak)["rain"]["yes"];
        double pStrong = engine.Query(["rain"], strong)["rain"]["yes"];

        Assert.Equal(0.18 / 0.26, pAlone, Tolerance);
        Assert.Equal(0.0845658 / 0.1256858, pWeak, Tolerance);
        Assert.Equal(0.035658 / 0.086858, pStrong, Tolerance);
        Assert.Equal(new Enumeration(Sprinkler, weak).Marginal("rain")[0], pWeak, Tolerance);
        Assert.Equal(new Enumeration(Sprinkler, strong).Marginal("rain")[0], pStrong, Tolerance);
        Assert.InRange(pAlone - pWeak, 0.01, 0.05);
        Assert.True(pWeak > 0.5, $"weak opposing evidence reversed the soft clamp: {pWeak:R}");
        Assert.True(pStrong < 0.5, $"strong opposing evidence did not reverse the soft clamp: {pStrong:R}");

        // The hard clamp under the same strong evidence does not move at all.
        Assert.Equal(1.0, engine.Query(["rain"], new Clamps().Observe("rain", "yes").Observe("wet", "no"))["rain"]["yes"]);
    }

    [Fact]
    public void Query_ImpossibleEvidence_ThrowsAndLogEvidenceIsNegativeInfinity()
    {
        // P(wet = yes | sprinkler = no, rain = no) = 0.
        // Also with the rain ruled out by virtual evidence instead, so that rain stays free for Joint and MAP.
        var engine = new ExactInference(Sprinkler);
        var clamps = new Clamps().Observe("wet", "yes").Observe("sprinkler", "no").Observe("rain", "no");
        var softClamps = new Clamps().Observe("wet", "yes").Observe("sprinkler", "no").Likelihood("rain", 0, 1);
        Assert.Equal(0.0, new Enumeration(Sprinkler, clamps).EvidenceProbability);
        Assert.Equal(0.0, new Enumeration(Sprinkler, softClamps).EvidenceProbability);

        Assert.Throws<ImpossibleEvidenceException>(() => engine.Query(["rain"], clamps));
        Assert.Throws<ImpossibleEvidenceException>(() => engine.MostProbableExplanation(clamps));
        Assert.Equal(double.NegativeInfinity, engine.LogEvidenceProbability(clamps));
        Assert.Throws<ImpossibleEvidenceException>(() => engine.Query(["rain"], softClamps));
        Assert.Throws<ImpossibleEvidenceException>(() => engine.Joint(["rain"], softClamps));
        Assert.Throws<ImpossibleEvidenceException>(() => engine.MaximumAPosteriori(["rain"], softClamps));
        Assert.Equal(double.NegativeInfinity, engine.LogEvidenceProbability(softClamps));
    }

    [Fact]
    public void Query_ImpossibleAfterSurgery_ThrowsAndLogEvidenceIsNegativeInfinity()
    {
        // do(sprinkler = no) then wet = yes and rain = no: P(wet = yes | sprinkler = no, rain = no) = 0.
        var engine = new ExactInference(Sprinkler);
        var clamps = new Clamps().Intervene("sprinkler", "no").Observe("rain", "no").Observe("wet", "yes");

        Assert.Throws<ImpossibleEvidenceException>(() => engine.Query(["wet"], clamps));
        Assert.Equal(double.NegativeInfinity, engine.LogEvidenceProbability(clamps));
    }

    [Fact]
    public void Joint_WetRain_RowMajorLastFastest()
    {
        var engine = new ExactInference(Sprinkler);

        JointDistribution joint = engine.Joint(["wet", "rain"]);

        Assert.Equal(["wet", "rain"], joint.Variables.Select(v => v.Name));
        AssertClose([0.16038, 0.288, 0.2 - 0.16038, 0.8 - 0.288], joint.Probabilities);
        Assert.Equal(0.288, joint.Probability("yes", "no"), Tolerance);
        Assert.Equal(1.0, joint.EvidenceProbability, Tolerance);
    }

    [Theory]
    [InlineData("observe")]
    [InlineData("intervene")]
    public void JointAndMaximumAPosteriori_HardClampedVariable_ThrowArgumentExceptionNamingIt(string kind)
    {
        var engine = new ExactInference(Sprinkler);
        Clamps clamps = kind == "observe" ? new Clamps().Observe("sprinkler", "yes") : new Clamps().Intervene("sprinkler", "yes");

        ArgumentException joint = Assert.ThrowsAny<ArgumentException>(() => engine.Joint(["rain", "sprinkler"], clamps));
        ArgumentException map = Assert.ThrowsAny<ArgumentException>(() => engine.MaximumAPosteriori(["sprinkler"], clamps));

        Assert.Contains("'sprinkler' is hard-clamped", joint.Message, StringComparison.Ordinal);
        Assert.Contains("'sprinkler' is hard-clamped", map.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LogEvidenceProbability_WetObserved_LogOfHandValue()
    {
        double logZ = new ExactInference(Sprinkler).LogEvidenceProbability(new Clamps().Observe("wet", "yes"));

        Assert.Equal(Math.Log(0.44838), logZ, Tolerance);
    }

    [Fact]
    public void MostProbableExplanation_WetObserved_NoRainSprinklerOn()
    {
        // W(rain, sprinkler, wet = yes): (yes, yes) 0.00198, (yes, no) 0.1584, (no, yes) 0.288, (no, no) 0.
        Explanation mpe = new ExactInference(Sprinkler).MostProbableExplanation(new Clamps().Observe("wet", "yes"));

        Assert.Equal(new Dictionary<string, string> { ["rain"] = "no", ["sprinkler"] = "yes" }, mpe.Assignment);
        Assert.Equal(Math.Log(0.288), mpe.LogProbability, Tolerance);
        Assert.Equal(Math.Log(0.44838), mpe.LogEvidenceProbability, Tolerance);
        Assert.Equal(0.288 / 0.44838, mpe.PosteriorProbability, Tolerance);
        if (mpe.RunnerUpPosteriorProbability is double runnerUp)
        {
            Assert.Equal(0.1584 / 0.44838, runnerUp, Tolerance);
        }
    }

    [Fact]
    public void MostProbableExplanation_InterventionOnSprinkler_ExplainsOnlyFreeVariables()
    {
        // do(sprinkler = no), wet = yes: W(rain = yes) = 0.2 * 0.8 = 0.16, W(rain = no) = 0; Z = 0.16.
        Explanation mpe = new ExactInference(Sprinkler).MostProbableExplanation(new Clamps().Intervene("sprinkler", "no").Observe("wet", "yes"));

        Assert.Equal(new Dictionary<string, string> { ["rain"] = "yes" }, mpe.Assignment);
        Assert.Equal(Math.Log(0.16), mpe.LogProbability, Tolerance);
        Assert.Equal(1.0, mpe.PosteriorProbability, Tolerance);
    }

    [Fact]
    public void MaximumAPosteriori_SubsetOfMapIsNotMpe_DiffersFromMpeRestriction()
    {
        // MPE (a0, b0) with 0.4; MAP over A: a1 with 0.6, runner-up a0 with 0.4.
        var engine = new ExactInference(SmallNetworks.MapIsNotMpe());

        Explanation mpe = engine.MostProbableExplanation();
        Explanation map = engine.MaximumAPosteriori(["A"]);

        Assert.Equal("a0", mpe.Assignment["A"]);
        Assert.Equal(Math.Log(0.4), mpe.LogProbability, Tolerance);
        Assert.Equal("a1", Assert.Single(map.Assignment).Value);
        Assert.Equal(Math.Log(0.6), map.LogProbability, Tolerance);
        Assert.Equal(0.6, map.PosteriorProbability, Tolerance);
        Assert.Equal(0.4, map.RunnerUpPosteriorProbability!.Value, Tolerance);
    }

    [Fact]
    public void MaximumAPosteriori_WetObservedOverRain_NoRainWithRunnerUp()
    {
        Explanation map = new ExactInference(Sprinkler).MaximumAPosteriori(["rain"], new Clamps().Observe("wet", "yes"));

        Assert.Equal("no", map.Assignment["rain"]);
        Assert.Equal(0.288 / 0.44838, map.PosteriorProbability, Tolerance);
        Assert.Equal(0.16038 / 0.44838, map.RunnerUpPosteriorProbability!.Value, Tolerance);
    }

    private static void AssertClose(IReadOnlyList<double> expected, Distribution actual) => AssertClose(expected, actual.Probabilities);

    private static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance, $"entry {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
