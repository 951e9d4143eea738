using Actinf.Causal.Inference;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Tests.Oracle;

/// <summary>The oracle against closed forms and against identities it must satisfy on random networks.</summary>
public class EnumerationTests
{
    private const double Tolerance = 1e-12;

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 40)];

    [Fact]
    public void Marginal_TwoNodesObservedChild_FollowsBayesRule()
    {
        // P(A = a0 | B = b0) = 0.3 * 0.9 / (0.3 * 0.9 + 0.7 * 0.2) = 0.27 / 0.41.
        var oracle = new Enumeration(SmallNetworks.TwoNodes(), new Clamps().Observe("B", "b0"));

        AssertClose([0.27 / 0.41, 0.14 / 0.41], oracle.Marginal("A"));
        AssertClose([1.0, 0.0], oracle.Marginal("B"));
        Assert.Equal(0.41, oracle.EvidenceProbability, Tolerance);
    }

    [Fact]
    public void Marginal_TwoNodesNoClamps_PriorAndZOne()
    {
        // P(B = b0) = 0.3 * 0.9 + 0.7 * 0.2 = 0.41.
        var oracle = new Enumeration(SmallNetworks.TwoNodes());

        AssertClose([0.3, 0.7], oracle.Marginal("A"));
        AssertClose([0.41, 0.59], oracle.Marginal("B"));
        Assert.Equal(1.0, oracle.EvidenceProbability, Tolerance);
        Assert.Equal(4, oracle.Size);
    }

    [Fact]
    public void Marginal_TwoNodesInterventionOnChild_ParentKeepsPrior()
    {
        var oracle = new Enumeration(SmallNetworks.TwoNodes(), new Clamps().Intervene("B", "b1"));

        AssertClose([0.3, 0.7], oracle.Marginal("A"));
        AssertClose([0.0, 1.0], oracle.Marginal("B"));
        Assert.Equal(1.0, oracle.EvidenceProbability, Tolerance);
    }

    [Fact]
    public void Marginal_TwoNodesSoftInterventionOnParent_ChildMixesRowsByQ()
    {
        // do(A ~ (0.5, 0.5)): P(B = b0) = 0.5 * 0.9 + 0.5 * 0.2 = 0.55.
        var oracle = new Enumeration(SmallNetworks.TwoNodes(), new Clamps().SoftIntervene("A", 0.5, 0.5));

        AssertClose([0.5, 0.5], oracle.Marginal("A"));
        AssertClose([0.55, 0.45], oracle.Marginal("B"));
        Assert.Equal(1.0, oracle.EvidenceProbability, Tolerance);
    }

    [Fact]
    public void Marginal_TwoNodesSoftInterventionOnChild_ParentKeepsPriorChildIsQ()
    {
        // do(B ~ (0.25, 0.75)) cuts A -> B: A keeps its prior and B follows q.
        var oracle = new Enumeration(SmallNetworks.TwoNodes(), new Clamps().SoftIntervene("B", 0.25, 0.75));

        AssertClose([0.3, 0.7], oracle.Marginal("A"));
        AssertClose([0.25, 0.75], oracle.Marginal("B"));
    }

    [Fact]
    public void Marginal_TwoNodesVirtualEvidence_UsesLambdaAsGiven()
    {
        // lambda_B = (2, 1): A = a0: 0.3 (0.9 * 2 + 0.1) = 0.57; A = a1: 0.7 (0.2 * 2 + 0.8) = 0.84; Z = 1.41.
        var oracle = new Enumeration(SmallNetworks.TwoNodes(), new Clamps().Likelihood("B", 2, 1));

        AssertClose([0.57 / 1.41, 0.84 / 1.41], oracle.Marginal("A"));
        AssertClose([(0.41 * 2) / 1.41, 0.59 / 1.41], oracle.Marginal("B"));
        Assert.Equal(1.41, oracle.EvidenceProbability, Tolerance);
    }

    [Fact]
    public void Marginal_SprinklerWetObserved_RainPosteriorByHand()
    {
        // P(rain = yes | wet = yes) = 0.16038 / 0.44838 (see SmallNetworks.Sprinkler).
        var oracle = new Enumeration(SmallNetworks.Sprinkler(), new Clamps().Observe("wet", "yes"));

        AssertClose([0.16038 / 0.44838, 0.288 / 0.44838], oracle.Marginal("rain"));
        Assert.Equal(0.44838, oracle.EvidenceProbability, Tolerance);
    }

    [Fact]
    public void Marginal_SprinklerImpossibleEvidence_ZIsExactlyZeroAndMarginalThrows()
    {
        // P(wet = yes | sprinkler = no, rain = no) = 0.
        var clamps = new Clamps().Observe("wet", "yes").Observe("sprinkler", "no").Observe("rain", "no");
        var oracle = new Enumeration(SmallNetworks.Sprinkler(), clamps);

        Assert.Equal(0.0, oracle.EvidenceProbability);
        Assert.Equal(double.NegativeInfinity, oracle.LogEvidenceProbability);
        Assert.Throws<InvalidOperationException>(() => oracle.Marginal("rain"));
    }

    [Fact]
    public void Joint_SprinklerWetRain_RowMajorLastFastest()
    {
        // (wet, rain): (y, y) 0.16038, (y, n) 0.288, (n, y) 0.2 - 0.16038, (n, n) 0.8 - 0.288.
        var oracle = new Enumeration(SmallNetworks.Sprinkler());

        AssertClose([0.16038, 0.288, 0.2 - 0.16038, 0.8 - 0.288], oracle.Joint(["wet", "rain"]));
        AssertClose([0.16038, 0.2 - 0.16038, 0.288, 0.8 - 0.288], oracle.Joint(["rain", "wet"]));
    }

    [Fact]
    public void MostProbableExplanation_SprinklerWetObserved_NoRainSprinklerOn()
    {
        // W(rain, sprinkler, wet = yes): (y, y) 0.00198, (y, n) 0.1584, (n, y) 0.288, (n, n) 0.
        var oracle = new Enumeration(SmallNetworks.Sprinkler(), new Clamps().Observe("wet", "yes"));

        OracleExplanation mpe = oracle.MostProbableExplanation();

        Assert.Equal(new Dictionary<string, string> { ["rain"] = "no", ["sprinkler"] = "yes" }, mpe.Assignment);
        Assert.Equal(Math.Log(0.288), mpe.LogProbability, Tolerance);
        Assert.Equal(Math.Log(0.44838), mpe.LogEvidenceProbability, Tolerance);
        Assert.Equal(0.1584 / 0.44838, mpe.RunnerUpPosteriorProbability!.Value, Tolerance);
        Assert.Equal(Math.Log(0.00198), oracle.LogWeight(new Dictionary<string, string> { ["rain"] = "yes", ["sprinkler"] = "yes" }), Tolerance);
    }

    [Fact]
    public void MaximumAPosteriori_MapIsNotMpe_SubsetAnswerDiffersFromMpeRestriction()
    {
        var oracle = new Enumeration(SmallNetworks.MapIsNotMpe());

        OracleExplanation mpe = oracle.MostProbableExplanation();
        OracleExplanation map = oracle.MaximumAPosteriori(["A"]);

        Assert.Equal("a0", mpe.Assignment["A"]);
        Assert.Equal("b0", mpe.Assignment["B"]);
        Assert.Equal(Math.Log(0.4), mpe.LogProbability, Tolerance);
        Assert.Equal(0.2, mpe.RunnerUpPosteriorProbability!.Value, Tolerance);
        Assert.Equal("a1", Assert.Single(map.Assignment).Value);
        Assert.Equal(Math.Log(0.6), map.LogProbability, Tolerance);
        Assert.Equal(0.4, map.RunnerUpPosteriorProbability!.Value, Tolerance);
    }

    [Fact]
    public void Constructor_TooManyJointEntries_Throws()
    {
        var builder = new NetworkBuilder("wide");
        for (int i = 0; i < 18; i++)
        {
            string name = "V" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.AddVariable(name, "a", "b").SetTable(name, [], [0.5, 0.5]);
        }

        ArgumentException e = Assert.Throws<ArgumentException>(() => new Enumeration(builder.Build()));
        Assert.Equal("network", e.ParamName);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Enumeration_RandomNetworks_SatisfiesProbabilityIdentities(int seed)
    {
        var options = new RandomNetworkOptions { MaxJointSize = 40_000, StructuralZeroRate = seed % 2 == 0 ? 0 : 0.2, NearDeterministicRate = 0.2 };
        BayesianNetwork network = RandomNetworks.Create(seed, options);
        var rng = new Random(seed + 100_000);
        var prior = new Enumeration(network);

        // The CPTs are normalised, so the product sums to 1 and every marginal sums to 1.
        Assert.Equal(1.0, prior.EvidenceProbability, 1e-12);
        foreach (Variable v in network.Variables)
        {
            Assert.Equal(1.0, prior.Marginal(v.Name).Sum(), 1e-12);
        }

        // Z of an observation is its prior marginal, and Z(e1, e2) = Z(e1) P(e2 | e1).
        Variable x = network[rng.Next(network.Count)];
        Variable y = network[(x.Index + 1 + rng.Next(network.Count - 1)) % network.Count];
        int xs = rng.Next(x.Cardinality);
        int ys = rng.Next(y.Cardinality);
        var seeX = new Enumeration(network, new Clamps().Observe(x.Name, x.States[xs]));
        var seeXY = new Enumeration(network, new Clamps().Observe(x.Name, x.States[xs]).Observe(y.Name, y.States[ys]));
        Assert.Equal(prior.Marginal(x.Name)[xs], seeX.EvidenceProbability, 1e-12);
        Assert.Equal(seeXY.EvidenceProbability, seeX.EvidenceProbability * (seeX.EvidenceProbability == 0 ? 0 : seeX.Marginal(y.Name)[ys]), 1e-12);

        // A soft intervention with an indicator q is the hard intervention; an indicator likelihood is the observation.
        var indicator = new double[x.Cardinality];
        indicator[xs] = 1;
        var doX = new Enumeration(network, new Clamps().Intervene(x.Name, x.States[xs]));
        var softDoX = new Enumeration(network, new Clamps().SoftIntervene(x.Name, indicator));
        var lambdaX = new Enumeration(network, new Clamps().Likelihood(x.Name, indicator));
        Assert.Equal(1.0, doX.EvidenceProbability, 1e-12);
        Assert.Equal(seeX.EvidenceProbability, lambdaX.EvidenceProbability, 1e-12);
        foreach (Variable v in network.Variables)
        {
            AssertClose(doX.Marginal(v.Name), softDoX.Marginal(v.Name), 1e-12);
            if (seeX.EvidenceProbability > 0)
            {
                AssertClose(seeX.Marginal(v.Name), lambdaX.Marginal(v.Name), 1e-12);
            }
        }

        // Surgery leaves every non-descendant of X at its prior marginal.
        var descendants = new bool[network.Count];
        network.Graph.MarkDescendants([x.Index], descendants);
        foreach (Variable v in network.Variables)
        {
            if (!descendants[v.Index])
            {
                AssertClose(prior.Marginal(v.Name), doX.Marginal(v.Name), 1e-12);
            }
        }

        // Scaling a likelihood scales Z and leaves the posterior alone.
        double[] lambda = [.. Enumerable.Range(0, y.Cardinality).Select(_ => 0.1 + rng.NextDouble())];
        var soft = new Enumeration(network, new Clamps().Likelihood(y.Name, lambda));
        var scaled = new Enumeration(network, new Clamps().Likelihood(y.Name, [.. lambda.Select(l => l * 1000)]));
        Assert.Equal(soft.EvidenceProbability * 1000, scaled.EvidenceProbability, 1e-9);
        AssertClose(soft.Marginal(x.Name), scaled.Marginal(x.Name), 1e-12);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MostProbableExplanation_RandomNetworks_NoConfigurationBeatsIt(int seed)
    {
        BayesianNetwork network = RandomNetworks.Create(seed, new RandomNetworkOptions { MaxVariables = 6 });
        var rng = new Random(seed + 200_000);
        Clamps clamps = RandomClamps.Create(network, rng, ClampMix.All);
        var oracle = new Enumeration(network, clamps);
        if (oracle.EvidenceProbability == 0)
        {
            return;
        }

        OracleExplanation mpe = oracle.MostProbableExplanation();
        string[] free = [.. network.Variables.Where(v => !clamps.Observed.ContainsKey(v.Name) && !clamps.Interventions.ContainsKey(v.Name)).Select(v => v.Name)];
        Assert.Equal(free.Order(StringComparer.Ordinal), mpe.Assignment.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(mpe.LogProbability, oracle.LogWeight(mpe.Assignment), 1e-12);

        // Every single-variable change of the best assignment scores no higher.
        foreach (string name in free)
        {
            foreach (string state in network[name].States)
            {
                var neighbour = new Dictionary<string, string>(mpe.Assignment) { [name] = state };
                Assert.True(oracle.LogWeight(neighbour) <= mpe.LogProbability, $"seed {seed}: {name}={state} beats the MPE");
            }
        }
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance = Tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"entry {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
