using Actinf.Causal.Directions;
using Actinf.Causal.Inference;
using Actinf.Causal.Networks;
using Actinf.Causal.Tests.Oracle;

namespace Actinf.Causal.Tests.Directions;

/// <summary>
/// Directional queries on seeded random networks and clamps (every clamp kind) against the brute-force
/// <see cref="Enumeration"/> and graph facts computed here independently (all-pairs skeleton distances by
/// Floyd-Warshall, ancestor sets by fixed-point iteration over the CPT parent lists).
/// </summary>
public class OmnidirectionalInferenceOracleTests
{
    private const double Tolerance = 1e-9;
    private const int Seeds = 120;

    [Fact]
    public void Bidirectional_RandomNetworksAndClamps_DefaultReachAndBeliefsMatchOracle()
    {
        int checkedBeliefs = 0;
        for (int seed = 0; seed < Seeds; seed++)
        {
            (BayesianNetwork network, Clamps clamps, Enumeration oracle, int maxDepth) = Case(seed);
            var engine = new OmnidirectionalInference(network);
            if (oracle.EvidenceProbability == 0)
            {
                Assert.Throws<ImpossibleEvidenceException>(() => engine.Bidirectional(clamps, maxDepth: maxDepth));
                continue;
            }

            BidirectionalResult result = engine.Bidirectional(clamps, maxDepth: maxDepth);

            var facts = new GraphFacts(network, clamps);
            var prior = new Enumeration(network);
            string[] expected = [.. Enumerable.Range(0, network.Count)
                .Where(v => !facts.Clamped[v] && (facts.IsEffect(v) || facts.IsCause(v)) && facts.Distance(v) >= 0 && facts.Distance(v) <= maxDepth)
                .OrderBy(facts.Distance).ThenBy(v => v)
                .Select(v => network[v].Name)];
            Assert.True(
                expected.SequenceEqual(result.Beliefs.Select(b => b.Name)),
                $"seed {seed}, depth {maxDepth}, clamps {RandomClamps.Describe(clamps)}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", result.Beliefs)}]");
            foreach (VariableBelief b in result.Beliefs)
            {
                int v = b.Variable.Index;
                Assert.Equal(facts.Distance(v), b.Distance);
                Assert.Equal(facts.IsEffect(v), b.IsEffect);
                Assert.Equal(facts.IsCause(v), b.IsCause);
                AssertClose(oracle.Marginal(b.Name), b.Posterior, seed);
                AssertClose(prior.Marginal(b.Name), b.Prior, seed);
                checkedBeliefs++;
            }

            Assert.Equal(result.Beliefs.Where(b => b.IsEffect).Select(b => b.Name), result.Effects.Select(b => b.Name));
            Assert.Equal(result.Beliefs.Where(b => b.IsCause).Select(b => b.Name), result.Causes.Select(b => b.Name));
            Assert.Equal(result.Causes.Sum(b => b.Variable.Cardinality), result.CandidatesByPosterior.Count);
            for (int i = 1; i < result.CandidatesByPosterior.Count; i++)
            {
                Assert.True(result.CandidatesByPosterior[i - 1].Posterior >= result.CandidatesByPosterior[i].Posterior);
                Assert.True(result.CandidatesByChange[i - 1].Change >= result.CandidatesByChange[i].Change);
            }
        }

        Assert.True(checkedBeliefs > 200, $"only {checkedBeliefs} beliefs were checked");
    }

    [Fact]
    public void Bridge_RandomNetworksAndClamps_UnconnectedTargetsKeepPriorAndPathsAreShortest()
    {
        int unconnected = 0;
        int connecting = 0;
        for (int seed = 0; seed < Seeds; seed++)
        {
            (BayesianNetwork network, Clamps clamps, Enumeration oracle, int maxDepth) = Case(seed);
            var facts = new GraphFacts(network, clamps);
            var rng = new Random(seed + 7);
            string[] targets = [.. Enumerable.Range(0, network.Count).Where(v => !facts.Clamped[v] && rng.NextDouble() < 0.5).Select(v => network[v].Name)];
            if (oracle.EvidenceProbability == 0 || targets.Length == 0)
            {
                continue;
            }

            BridgeResult result = new OmnidirectionalInference(network).Bridge(clamps, targets, maxDepth);

            var prior = new Enumeration(network);
            var isTarget = new HashSet<string>(targets, StringComparer.Ordinal);
            foreach (BridgeTarget t in result.Targets)
            {
                int tv = t.Belief.Variable.Index;
                double[] posterior = oracle.Marginal(t.Name);
                AssertClose(posterior, t.Belief.Posterior, seed);
                Assert.Equal(facts.SharesAncestorWithClampInMutilatedGraph(tv), t.IsDConnected);
                if (!t.IsDConnected)
                {
                    // Soundness of the d-connection answer, checked by enumeration alone.
                    AssertClose(posterior, prior.Marginal(t.Name), seed);
                    unconnected++;
                }

                Assert.Equal(facts.Distance(tv), t.PathLength);
                string[] through = [.. Enumerable.Range(0, network.Count)
                    .Where(v => t.PathLength >= 2 && !facts.Clamped[v] && !isTarget.Contains(network[v].Name)
                        && facts.Distance(v) >= 1 && facts.Distance(v) <= maxDepth && facts.Between(v, tv) >= 1
                        && facts.Distance(v) + facts.Between(v, tv) == t.PathLength)
                    .OrderBy(facts.Distance).ThenBy(v => v)
                    .Select(v => network[v].Name)];
                Assert.Equal(through, t.Through);
                connecting += through.Length;
            }

            foreach (VariableBelief c in result.ConnectingNodes)
            {
                AssertClose(oracle.Marginal(c.Name), c.Posterior, seed);
            }
        }

        Assert.True(unconnected > 10, $"only {unconnected} unconnected targets were checked");
        Assert.True(connecting > 10, $"only {connecting} connecting nodes were checked");
    }

    private static (BayesianNetwork Network, Clamps Clamps, Enumeration Oracle, int MaxDepth) Case(int seed)
    {
        BayesianNetwork network = RandomNetworks.Create(seed);
        var rng = new Random(seed + 1000);
        ClampMix mix = RandomClamps.Mixes[1 + (seed % (RandomClamps.Mixes.Count - 1))];
        Clamps clamps = RandomClamps.Create(network, rng, mix, rate: 0.2);
        int maxDepth = seed % 5 == 4 ? int.MaxValue : seed % 5;
        return (network, clamps, new Enumeration(network, clamps), maxDepth);
    }

    private static void AssertClose(IReadOnlyList<double> expected, Distribution actual, int seed) =>
        AssertClose(expected, actual.Probabilities, seed);

    private static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, int seed)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance, $"seed {seed}, entry {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    /// <summary>Graph facts about a network and its clamps, computed the plain way.</summary>
    private sealed class GraphFacts
    {
        private const int Infinity = int.MaxValue / 4;

        private readonly BayesianNetwork _network;
        private readonly int[,] _between;
        private readonly bool[,] _ancestor;
        private readonly bool[,] _mutilatedAncestorOrSelf;

        public GraphFacts(BayesianNetwork network, Clamps clamps)
        {
            _network = network;
            int n = network.Count;
            Clamped = new bool[n];
            var cut = new bool[n];
            foreach (string name in clamps.Variables)
            {
                Clamped[network[name].Index] = true;
            }

            foreach (string name in clamps.Interventions.Keys.Concat(clamps.SoftInterventions.Keys))
            {
                cut[network[name].Index] = true;
            }

            _between = new int[n, n];
            _ancestor = new bool[n, n];
            _mutilatedAncestorOrSelf = new bool[n, n];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    _between[i, j] = i == j ? 0 : Infinity;
                }
            }

            for (int i = 0; i < n; i++)
            {
                _mutilatedAncestorOrSelf[i, i] = true;
                foreach (int p in network.ParentsOf(i))
                {
                    _between[i, p] = 1;
                    _between[p, i] = 1;
                    _ancestor[p, i] = true;
                    if (!cut[i])
                    {
                        _mutilatedAncestorOrSelf[p, i] = true;
                    }
                }
            }

            // Floyd-Warshall for distances; Warshall for the two transitive closures.
            for (int k = 0; k < n; k++)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        _between[i, j] = Math.Min(_between[i, j], _between[i, k] + _between[k, j]);
                        _ancestor[i, j] |= _ancestor[i, k] && _ancestor[k, j];
                        _mutilatedAncestorOrSelf[i, j] |= _mutilatedAncestorOrSelf[i, k] && _mutilatedAncestorOrSelf[k, j];
                    }
                }
            }
        }

        public bool[] Clamped { get; }

        /// <summary>Skeleton distance between two nodes, -1 when disconnected.</summary>
        public int Between(int a, int b) => _between[a, b] >= Infinity ? -1 : _between[a, b];

        /// <summary>Skeleton distance to the nearest clamped variable, -1 when none is reachable.</summary>
        public int Distance(int v)
        {
            int best = Infinity;
            for (int c = 0; c < Clamped.Length; c++)
            {
                if (Clamped[c])
                {
                    best = Math.Min(best, _between[c, v]);
                }
            }

            return best >= Infinity ? -1 : best;
        }

        public bool IsEffect(int v) => Enumerable.Range(0, _network.Count).Any(c => Clamped[c] && _ancestor[c, v]);

        public bool IsCause(int v) => Enumerable.Range(0, _network.Count).Any(c => Clamped[c] && _ancestor[v, c]);

        /// <summary>With nothing observed, d-connection is a trek: a shared ancestor (or self) in the mutilated graph.</summary>
        public bool SharesAncestorWithClampInMutilatedGraph(int v) =>
            Enumerable.Range(0, _network.Count).Any(c => Clamped[c]
                && Enumerable.Range(0, _network.Count).Any(a => _mutilatedAncestorOrSelf[a, c] && _mutilatedAncestorOrSelf[a, v]));
    }
}
