using Actinf.Causal.Directions;
using Actinf.Causal.Inference;
using Actinf.Causal.Networks;
using Actinf.Causal.Tests.Oracle;

namespace Actinf.Causal.Tests.Directions;

/// <summary>Bridge queries: targets, d-connection and connecting nodes, by hand and against the oracle.</summary>
public class OmnidirectionalInferenceBridgeTests
{
    private const double Tolerance = 1e-12;

    /// <summary>
    /// Two domains joined through M: E -> M -> T, and M -> K &lt;- R -> U (K a collider). Declared E, M, T, K, R, U.
    /// P(E = yes) = 0.4; P(M = yes | E) = 0.9 / 0.3; P(T = yes | M) = 0.8 / 0.1; P(R = yes) = 0.3;
    /// P(U = yes | R) = 0.7 / 0.2; P(K = yes | M, R) = 0.9, 0.5, 0.6, 0.05.
    /// Given E = yes: P(T = yes) = 0.9 * 0.8 + 0.1 * 0.1 = 0.73 (prior: P(M = yes) = 0.54, P(T = yes) = 0.478).
    /// U is d-separated from E (the collider K is unobserved): P(U = yes) stays 0.3 * 0.7 + 0.7 * 0.2 = 0.35.
    /// Skeleton distances from E: M 1, T 2, K 2, R 3, U 4.
    /// </summary>
    private static readonly BayesianNetwork Domains = new NetworkBuilder("domains")
        .AddVariable("E", "yes", "no")
        .AddVariable("M", "yes", "no")
        .AddVariable("T", "yes", "no")
        .AddVariable("K", "yes", "no")
        .AddVariable("R", "yes", "no")
        .AddVariable("U", "yes", "no")
        .SetTable("E", [], [0.4, 0.6])
        .SetTable("M", ["E"], [0.9, 0.1, 0.3, 0.7])
        .SetTable("T", ["M"], [0.8, 0.2, 0.1, 0.9])
        .SetTable("K", ["M", "R"], [0.9, 0.1, 0.5, 0.5, 0.6, 0.4, 0.05, 0.95])
        .SetTable("R", [], [0.3, 0.7])
        .SetTable("U", ["R"], [0.7, 0.3, 0.2, 0.8])
        .Build();

    [Fact]
    public void Bridge_ThroughIntermediate_TargetConnectedAndConnectingNodesListed()
    {
        BridgeResult result = new OmnidirectionalInference(Domains).Bridge(new Clamps().Observe("E", "yes"), ["T", "U"]);

        BridgeTarget t = result.Targets[0];
        Assert.Equal("T", t.Name);
        Assert.True(t.IsDConnected);
        Assert.Equal(2, t.PathLength);
        Assert.Equal(["M"], t.Through);
        AssertClose([0.73, 0.27], t.Belief.Posterior);
        AssertClose([0.478, 0.522], t.Belief.Prior);
        Assert.Equal(["M", "K", "R"], [.. result.ConnectingNodes.Select(b => b.Name)]);
        AssertClose([0.9, 0.1], result.ConnectingNodes[0].Posterior);
        Assert.Equal(["E"], result.EvidenceGroup);
        Assert.Equal(["T", "U", "M", "K", "R"], [.. result.Beliefs.Select(b => b.Name)]);
    }

    [Fact]
    public void Bridge_TargetBehindUnobservedCollider_NotConnectedAndPosteriorEqualsPrior()
    {
        BridgeResult result = new OmnidirectionalInference(Domains).Bridge(new Clamps().Observe("E", "yes"), ["T", "U"]);

        BridgeTarget u = result.Targets[1];
        Assert.False(u.IsDConnected);
        Assert.Equal(4, u.PathLength);
        Assert.Equal(["M", "K", "R"], u.Through);
        AssertClose([0.35, 0.65], u.Belief.Posterior);
        AssertClose([0.35, 0.65], u.Belief.Prior);
        Assert.Equal(0.0, u.Belief.TotalVariation, Tolerance);
    }

    [Fact]
    public void Bridge_ColliderObserved_FarTargetBecomesConnected()
    {
        var clamps = new Clamps().Observe("E", "yes").Observe("K", "yes");

        BridgeResult result = new OmnidirectionalInference(Domains).Bridge(clamps, ["T", "U"]);

        BridgeTarget u = result.Targets[1];
        Assert.True(u.IsDConnected);
        Assert.Equal(2, u.PathLength);
        Assert.Equal(["R"], u.Through);
        Assert.Equal(["M"], result.Targets[0].Through);
        var oracle = new Enumeration(Domains, clamps);
        AssertClose(oracle.Marginal("U"), u.Belief.Posterior);
        Assert.True(u.Belief.TotalVariation > 0.01);
        Assert.Equal(["E", "K"], result.EvidenceGroup);
    }

    [Fact]
    public void Bridge_MaxDepth_BoundsConnectingNodesNotTargets()
    {
        BridgeResult result = new OmnidirectionalInference(Domains).Bridge(new Clamps().Observe("E", "yes"), ["T", "U"], maxDepth: 1);

        Assert.Equal(["M"], [.. result.ConnectingNodes.Select(b => b.Name)]);
        Assert.Equal(["M"], result.Targets[1].Through);
        Assert.Equal(2, result.Targets.Count);
    }

    [Fact]
    public void Bridge_InterventionCutsEdgeFromParent_ParentNotConnected()
    {
        // Domains with do(M): E loses its only link to M's side; T still depends on M.
        var doing = new Clamps().Intervene("M", "yes");
        var seeing = new Clamps().Observe("M", "yes");
        var engine = new OmnidirectionalInference(Domains);

        BridgeResult done = engine.Bridge(doing, ["E", "T"]);
        BridgeResult seen = engine.Bridge(seeing, ["E", "T"]);

        Assert.False(done.Targets[0].IsDConnected);
        AssertClose([0.4, 0.6], done.Targets[0].Belief.Posterior);
        Assert.True(done.Targets[1].IsDConnected);
        AssertClose([0.8, 0.2], done.Targets[1].Belief.Posterior);
        Assert.True(seen.Targets[0].IsDConnected);
        AssertClose([0.36 / 0.54, 0.18 / 0.54], seen.Targets[0].Belief.Posterior);
    }

    [Fact]
    public void Bridge_VirtualEvidence_ActsAsObservedChild()
    {
        var clamps = new Clamps().Likelihood("E", 0.9, 0.2);

        BridgeResult result = new OmnidirectionalInference(Domains).Bridge(clamps, ["T", "U"]);

        Assert.True(result.Targets[0].IsDConnected);
        Assert.False(result.Targets[1].IsDConnected);
        AssertClose(new Enumeration(Domains, clamps).Marginal("T"), result.Targets[0].Belief.Posterior);
    }

    [Fact]
    public void Bridge_AdjacentTarget_NoConnectingNodes()
    {
        BridgeResult result = new OmnidirectionalInference(Domains).Bridge(new Clamps().Observe("E", "yes"), ["M"]);

        Assert.Equal(1, result.Targets[0].PathLength);
        Assert.Empty(result.Targets[0].Through);
        Assert.Empty(result.ConnectingNodes);
    }

    [Fact]
    public void Bridge_GroupsOverlap_ThrowsNamingTargetGroup()
    {
        var e = Assert.Throws<ArgumentException>(() => new OmnidirectionalInference(Domains).Bridge(new Clamps().Observe("E", "yes"), ["T", "E"]));

        Assert.Equal("targetGroup", e.ParamName);
        Assert.Contains("'E'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bridge_EmptyGroups_Throw()
    {
        var engine = new OmnidirectionalInference(Domains);

        Assert.Equal("targetGroup", Assert.Throws<ArgumentException>(() => engine.Bridge(new Clamps().Observe("E", "yes"), [])).ParamName);
        Assert.Equal("evidenceGroup", Assert.Throws<ArgumentException>(() => engine.Bridge(new Clamps(), ["T"])).ParamName);
    }

    private static void AssertClose(double[] expected, Distribution actual)
    {
        Assert.Equal(expected.Length, actual.Probabilities.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance, $"{actual.Variable.Name}[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
