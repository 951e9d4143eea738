using Actinf.Causal.Inference;
using Actinf.Causal.Networks;
using Actinf.Causal.Tests.Oracle;

namespace Actinf.Causal.Tests.Inference;

/// <summary>
/// Property tests: <see cref="ExactInference"/> against the brute-force <see cref="Enumeration"/> on seeded
/// random networks (3..9 variables, 2..4 states, up to 3 parents; dense, structural zeros, near-deterministic
/// rows) and seeded random queries of every clamp mix. Failure messages name the network seed, the mix, the
/// clamps and the targets, so a case can be replayed with <see cref="RandomNetworks.Create"/>.
/// </summary>
public class ExactInferenceOracleTests
{
    private const double ProbabilityTolerance = 1e-10;
    private const double RelativeTolerance = 1e-9;
    private const double LogTolerance = 1e-9;

    public static TheoryData<int> QuerySeeds() => [.. Enumerable.Range(0, 200)];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1000, 100)];

    public static TheoryData<int> ManyTargetSeeds() => [.. Enumerable.Range(2000, 100)];

    [Theory]
    [MemberData(nameof(QuerySeeds))]
    public void Query_RandomNetworkAndClamps_MatchesEnumeration(int seed)
    {
        BayesianNetwork network = RandomNetworks.Create(seed, OptionsFor(seed));
        var engine = new ExactInference(network);
        var rng = new Random(seed + 1);
        foreach (ClampMix mix in RandomClamps.Mixes)
        {
            Clamps clamps = RandomClamps.Create(network, rng, mix);
            string[] targets = RandomClamps.Subset(network, rng, network.Count);
            CheckQuery(engine, Where(seed, mix, clamps, targets));
        }
    }

    [Theory]
    [MemberData(nameof(ManyTargetSeeds))]
    public void Query_EveryVariableTargeted_MatchesEnumeration(int seed)
    {
        // Many free targets on larger networks: where the engine may switch to one clique-tree pass.
        BayesianNetwork network = RandomNetworks.Create(seed, OptionsFor(seed) with { MinVariables = 7 });
        var engine = new ExactInference(network);
        var rng = new Random(seed + 5);
        foreach (ClampMix mix in RandomClamps.Mixes)
        {
            Clamps clamps = RandomClamps.Create(network, rng, mix, rate: 0.2);
            string[] targets = [.. network.Variables.Select(v => v.Name)];
            rng.Shuffle(targets);
            CheckQuery(engine, Where(seed, mix, clamps, targets));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Joint_RandomNetworkAndClamps_MatchesEnumeration(int seed)
    {
        BayesianNetwork network = RandomNetworks.Create(seed, OptionsFor(seed));
        var engine = new ExactInference(network);
        var rng = new Random(seed + 1);
        foreach (ClampMix mix in RandomClamps.Mixes)
        {
            Clamps clamps = RandomClamps.Create(network, rng, mix);
            if (clamps.Observed.Count + clamps.Interventions.Count == network.Count)
            {
                continue;
            }

            // Joint is over variables that are not hard-clamped (documented ArgumentException otherwise).
            string[] variables = RandomClamps.Subset(network, rng, 3, v => clamps.TypeOf(v.Name) != ClampType.Hard);
            var oracle = new Enumeration(network, clamps);
            Case where = Where(seed, mix, clamps, variables);
            if (oracle.EvidenceProbability == 0)
            {
                Assert.Throws<ImpossibleEvidenceException>(() => engine.Joint(variables, clamps));
                continue;
            }

            JointDistribution joint = engine.Joint(variables, clamps);

            Assert.Equal(variables, joint.Variables.Select(v => v.Name));
            AssertClose(oracle.Joint(variables), joint.Probabilities, ProbabilityTolerance, where, "joint");
            AssertRelative(oracle.EvidenceProbability, joint.EvidenceProbability, where, "Z");
            AssertAbsolute(oracle.LogEvidenceProbability, joint.LogEvidenceProbability, LogTolerance, where, "ln Z");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void LogEvidenceProbability_RandomNetworkAndClamps_MatchesEnumeration(int seed)
    {
        BayesianNetwork network = RandomNetworks.Create(seed, OptionsFor(seed));
        var engine = new ExactInference(network);
        var rng = new Random(seed + 2);
        foreach (ClampMix mix in RandomClamps.Mixes)
        {
            Clamps clamps = RandomClamps.Create(network, rng, mix);
            var oracle = new Enumeration(network, clamps);
            Case where = Where(seed, mix, clamps, []);

            double actual = engine.LogEvidenceProbability(clamps);

            if (oracle.EvidenceProbability == 0)
            {
                AssertNegativeInfinity(actual, where);
            }
            else
            {
                AssertAbsolute(oracle.LogEvidenceProbability, actual, LogTolerance, where, "ln Z");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MostProbableExplanation_RandomNetworkAndClamps_ReachesOracleMaximum(int seed)
    {
        BayesianNetwork network = RandomNetworks.Create(seed, OptionsFor(seed));
        var engine = new ExactInference(network);
        var rng = new Random(seed + 3);
        foreach (ClampMix mix in RandomClamps.Mixes)
        {
            Clamps clamps = RandomClamps.Create(network, rng, mix);
            var oracle = new Enumeration(network, clamps);
            Case where = Where(seed, mix, clamps, []);
            if (oracle.EvidenceProbability == 0)
            {
                Assert.Throws<ImpossibleEvidenceException>(() => engine.MostProbableExplanation(clamps));
                continue;
            }

            OracleExplanation expected = oracle.MostProbableExplanation();

            Explanation actual = engine.MostProbableExplanation(clamps);

            // Ties can exist (symmetric or deterministic rows): check the value W of the returned assignment.
            Assert.Equal(expected.Assignment.Keys.Order(StringComparer.Ordinal), actual.Assignment.Keys.Order(StringComparer.Ordinal));
            AssertAbsolute(expected.LogProbability, oracle.LogWeight(actual.Assignment), LogTolerance, where, $"ln W of the returned assignment {Show(actual.Assignment)} (oracle's: {Show(expected.Assignment)})");
            AssertAbsolute(expected.LogProbability, actual.LogProbability, LogTolerance, where, "reported ln P(x*, e)");
            AssertAbsolute(expected.LogEvidenceProbability, actual.LogEvidenceProbability, LogTolerance, where, "ln Z");
            if (actual.RunnerUpPosteriorProbability is double runnerUp)
            {
                AssertAbsolute(expected.RunnerUpPosteriorProbability!.Value, runnerUp, ProbabilityTolerance, where, "runner-up");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MaximumAPosteriori_RandomNetworkAndClamps_ReachesOracleMaximum(int seed)
    {
        BayesianNetwork network = RandomNetworks.Create(seed, OptionsFor(seed));
        var engine = new ExactInference(network);
        var rng = new Random(seed + 4);
        foreach (ClampMix mix in RandomClamps.Mixes)
        {
            Clamps clamps = RandomClamps.Create(network, rng, mix);
            var oracle = new Enumeration(network, clamps);
            if (clamps.Observed.Count + clamps.Interventions.Count == network.Count)
            {
                continue;
            }

            // MAP is over variables that are not hard-clamped (documented ArgumentException otherwise).
            string[] variables = RandomClamps.Subset(network, rng, 4, v => clamps.TypeOf(v.Name) != ClampType.Hard);
            Case where = Where(seed, mix, clamps, variables);
            if (oracle.EvidenceProbability == 0)
            {
                Assert.Throws<ImpossibleEvidenceException>(() => engine.MaximumAPosteriori(variables, clamps));
                continue;
            }

            OracleExplanation expected = oracle.MaximumAPosteriori(variables);

            Explanation actual = engine.MaximumAPosteriori(variables, clamps);

            Assert.Equal(variables.Order(StringComparer.Ordinal), actual.Assignment.Keys.Order(StringComparer.Ordinal));
            AssertAbsolute(expected.LogProbability, oracle.LogWeight(actual.Assignment), LogTolerance, where, $"ln P(q, e) of the returned assignment {Show(actual.Assignment)} (oracle's: {Show(expected.Assignment)})");
            AssertAbsolute(expected.LogProbability, actual.LogProbability, LogTolerance, where, "reported ln P(q*, e)");
            AssertAbsolute(expected.LogEvidenceProbability, actual.LogEvidenceProbability, LogTolerance, where, "ln Z");
            AssertAbsolute(Math.Exp(expected.LogProbability - expected.LogEvidenceProbability), actual.PosteriorProbability, ProbabilityTolerance, where, "P(q* | e)");
            if (actual.RunnerUpPosteriorProbability is double runnerUp)
            {
                AssertAbsolute(expected.RunnerUpPosteriorProbability!.Value, runnerUp, ProbabilityTolerance, where, "runner-up");
            }
        }
    }

    [Fact]
    public void AllQueries_ImpossibleClampsFoundByOracle_ThrowOrNegativeInfinity()
    {
        // Many structural zeros and many clamps: the oracle finds the cases with Z exactly 0.
        var options = new RandomNetworkOptions { MaxVariables = 7, StructuralZeroRate = 0.5, NearDeterministicRate = 0.3 };
        int impossible = 0;
        int possible = 0;
        for (int seed = 5000; seed < 5200; seed++)
        {
            BayesianNetwork network = RandomNetworks.Create(seed, options);
            var engine = new ExactInference(network);
            var rng = new Random(seed);
            foreach (ClampMix mix in (ClampMix[])[ClampMix.HardEvidence, ClampMix.All])
            {
                Clamps clamps = RandomClamps.Create(network, rng, mix, rate: 0.6);
                var oracle = new Enumeration(network, clamps);
                Case where = Where(seed, mix, clamps, [network[0].Name]);
                double logZ = engine.LogEvidenceProbability(clamps);
                if (oracle.EvidenceProbability > 0)
                {
                    possible++;
                    AssertAbsolute(oracle.LogEvidenceProbability, logZ, LogTolerance, where, "ln Z");
                    continue;
                }

                impossible++;
                AssertNegativeInfinity(logZ, where);
                Assert.Throws<ImpossibleEvidenceException>(() => engine.Query([network[0].Name], clamps));
                Assert.Throws<ImpossibleEvidenceException>(() => engine.MostProbableExplanation(clamps));
                string[] free = [.. network.Variables.Where(v => clamps.TypeOf(v.Name) != ClampType.Hard).Select(v => v.Name)];
                if (free.Length > 0)
                {
                    Assert.Throws<ImpossibleEvidenceException>(() => engine.Joint(free[..Math.Min(2, free.Length)], clamps));
                    Assert.Throws<ImpossibleEvidenceException>(() => engine.MaximumAPosteriori(free[..1], clamps));
                }
            }
        }

        // Both branches must have been exercised, or the test proves nothing.
        Assert.True(impossible >= 20, $"only {impossible} impossible cases found");
        Assert.True(possible >= 20, $"only {possible} possible cases found");
    }

    private static void CheckQuery(ExactInference engine, Case where)
    {
        (Clamps clamps, string[] targets) = (where.Clamps, where.Variables);
        var oracle = new Enumeration(engine.Network, clamps);
        if (oracle.EvidenceProbability == 0)
        {
            Assert.Throws<ImpossibleEvidenceException>(() => engine.Query(targets, clamps));
            return;
        }

        Posterior posterior = engine.Query(targets, clamps);

        double[][] expected = oracle.Marginals(targets);
        Assert.Equal(targets.Length, posterior.Marginals.Count);
        for (int k = 0; k < targets.Length; k++)
        {
            Distribution marginal = posterior.Marginals[k];
            Assert.Equal(targets[k], marginal.Variable.Name);
            AssertClose(expected[k], marginal.Probabilities, ProbabilityTolerance, where, $"marginal of {targets[k]}");
        }

        AssertRelative(oracle.EvidenceProbability, posterior.EvidenceProbability, where, "Z");
        AssertAbsolute(oracle.LogEvidenceProbability, posterior.LogEvidenceProbability, LogTolerance, where, "ln Z");
    }

    // Seeds cycle through dense rows, structural zeros, near-deterministic rows and both. Joint tables are
    // capped at 40 000 entries to keep the suite fast (about 5 % of the networks lose a few states).
    private static RandomNetworkOptions OptionsFor(int seed) => (seed % 4) switch
    {
        0 => new RandomNetworkOptions { MaxJointSize = 40_000 },
        1 => new RandomNetworkOptions { MaxJointSize = 40_000, StructuralZeroRate = 0.3 },
        2 => new RandomNetworkOptions { MaxJointSize = 40_000, NearDeterministicRate = 0.3 },
        _ => new RandomNetworkOptions { MaxJointSize = 40_000, StructuralZeroRate = 0.2, NearDeterministicRate = 0.3 },
    };

    private static Case Where(int seed, ClampMix mix, Clamps clamps, string[] variables) => new(seed, mix, clamps, variables);

    private static string Show(IReadOnlyDictionary<string, string> assignment) =>
        "{" + string.Join(", ", assignment.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")) + "}";

    private static void AssertClose(double[] expected, IReadOnlyList<double> actual, double tolerance, Case where, string what)
    {
        if (expected.Length != actual.Count)
        {
            Assert.Fail($"{where}: {what}: expected {expected.Length} entries, got {actual.Count}");
        }

        for (int i = 0; i < expected.Length; i++)
        {
            if (!(Math.Abs(expected[i] - actual[i]) <= tolerance))
            {
                Assert.Fail($"{where}: {what}, entry {i}: expected {expected[i]:R}, got {actual[i]:R} (difference {Math.Abs(expected[i] - actual[i]):R}, tolerance {tolerance:R})");
            }
        }
    }

    // The messages are formatted only on failure: formatting every clamp vector eagerly dominated the run time.
    private static void AssertAbsolute(double expected, double actual, double tolerance, Case where, string what)
    {
        if (!(Math.Abs(expected - actual) <= tolerance))
        {
            Assert.Fail($"{where}: {what}: expected {expected:R}, got {actual:R} (difference {Math.Abs(expected - actual):R}, tolerance {tolerance:R})");
        }
    }

    private static void AssertNegativeInfinity(double actual, Case where)
    {
        if (!double.IsNegativeInfinity(actual))
        {
            Assert.Fail($"{where}: impossible clamps, expected ln Z = -infinity, got {actual:R}");
        }
    }

    private static void AssertRelative(double expected, double actual, Case where, string what)
    {
        if (!(Math.Abs(expected - actual) <= RelativeTolerance * Math.Abs(expected)))
        {
            Assert.Fail($"{where}: {what}: expected {expected:R}, got {actual:R} (relative tolerance {RelativeTolerance:R})");
        }
    }

    /// <summary>One random query, described for failure messages (replay: RandomNetworks.Create(Seed, OptionsFor(Seed))).</summary>
    private sealed record Case(int Seed, ClampMix Mix, Clamps Clamps, string[] Variables)
    {
        public override string ToString() =>
            $"network seed {Seed} ({OptionsFor(Seed)}), mix {Mix}, clamps {RandomClamps.Describe(Clamps)}, variables [{string.Join(", ", Variables)}]";
    }
}
