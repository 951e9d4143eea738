using Actinf.Causal.Effects;
using Actinf.Causal.Inference;
using Actinf.Causal.Networks;
using Actinf.Causal.Tests.Oracle;

namespace Actinf.Causal.Tests.Effects;

/// <summary>Interventional distributions and average causal effects, by hand and against the oracle.</summary>
public class CausalEffectsTests
{
    private const double Tolerance = 1e-12;

    /// <summary>
    /// A confounded treatment: U -> X, U -> Y, X -> Y (declared U, X, Y; states yes, no). P(U = yes) = 0.5;
    /// P(X = yes | U) = 0.8 / 0.2; P(Y = yes | X, U) = 0.9 (yes, yes), 0.5 (yes, no), 0.7 (no, yes), 0.1 (no, no).
    /// Doing (adjust for U): P(y | do(x = yes)) = 0.5 * 0.9 + 0.5 * 0.5 = 0.7, P(y | do(x = no)) = 0.5 * 0.7 + 0.5 * 0.1 = 0.4,
    /// ACE = 0.3. Seeing: P(U = yes | X = yes) = 0.8 and P(U = yes | X = no) = 0.2, so
    /// P(y | x = yes) = 0.8 * 0.9 + 0.2 * 0.5 = 0.82, P(y | x = no) = 0.2 * 0.7 + 0.8 * 0.1 = 0.22, contrast 0.6.
    /// </summary>
    private static readonly BayesianNetwork Confounded = new NetworkBuilder("confounded")
        .AddVariable("U", "yes", "no")
        .AddVariable("X", "yes", "no")
        .AddVariable("Y", "yes", "no")
        .SetTable("U", [], [0.5, 0.5])
        .SetTable("X", ["U"], [0.8, 0.2, 0.2, 0.8])
        .SetRow("Y", ["X", "U"], ["yes", "yes"], [0.9, 0.1])
        .SetRow("Y", ["X", "U"], ["yes", "no"], [0.5, 0.5])
        .SetRow("Y", ["X", "U"], ["no", "yes"], [0.7, 0.3])
        .SetRow("Y", ["X", "U"], ["no", "no"], [0.1, 0.9])
        .Build();

    [Fact]
    public void Interventional_ConfoundedTreatment_AdjustsForConfounderByHand()
    {
        Distribution y = new CausalEffects(Confounded).Interventional("Y", "X", "yes");

        Assert.Equal(0.7, y["yes"], Tolerance);
        Assert.Equal(0.3, y["no"], Tolerance);
    }

    [Fact]
    public void AverageCausalEffect_ConfoundedTreatment_DiffersFromObservationalContrast()
    {
        CausalContrast c = new CausalEffects(Confounded).AverageCausalEffect("Y", "yes", "X", "yes", "no");

        Assert.Equal(0.7, c.InterventionalTreated, Tolerance);
        Assert.Equal(0.4, c.InterventionalControl, Tolerance);
        Assert.Equal(0.3, c.AverageCausalEffect, Tolerance);
        Assert.Equal(0.82, c.ObservationalTreated, Tolerance);
        Assert.Equal(0.22, c.ObservationalControl, Tolerance);
        Assert.Equal(0.6, c.ObservationalContrast, Tolerance);
        Assert.Equal(("Y", "yes", "X", "yes", "no"), (c.Outcome.Name, c.OutcomeState, c.Treatment.Name, c.Treated, c.Control));
    }

    [Fact]
    public void AverageCausalEffect_ConfounderObserved_SeeingEqualsDoing()
    {
        // Given U = yes the back door is blocked: both contrasts are 0.9 - 0.7 = 0.2.
        var clamps = new Clamps().Observe("U", "yes");

        CausalContrast c = new CausalEffects(Confounded).AverageCausalEffect("Y", "yes", "X", "yes", "no", clamps);

        Assert.Equal(0.2, c.AverageCausalEffect, Tolerance);
        Assert.Equal(0.2, c.ObservationalContrast, Tolerance);
        Assert.Equal(0.9, c.InterventionalTreated, Tolerance);
        Assert.Single(clamps.Observed);
        Assert.Empty(clamps.Interventions);
    }

    [Fact]
    public void AverageCausalEffect_ReversedStates_FlipsSign()
    {
        var effects = new CausalEffects(Confounded);

        CausalContrast forward = effects.AverageCausalEffect("Y", "yes", "X", "yes", "no");
        CausalContrast reversed = effects.AverageCausalEffect("Y", "yes", "X", "no", "yes");

        Assert.Equal(-forward.AverageCausalEffect, reversed.AverageCausalEffect, Tolerance);
        Assert.Equal(-forward.ObservationalContrast, reversed.ObservationalContrast, Tolerance);
    }

    [Fact]
    public void AverageCausalEffect_TreatmentImpossibleUnderClamps_ObservationalNaN()
    {
        // X copies U: given U = yes, X = no never happens, so P(Y | X = no, U = yes) is undefined; do(X = no) is not.
        BayesianNetwork copy = new NetworkBuilder("copy")
            .AddVariable("U", "yes", "no")
            .AddVariable("X", "yes", "no")
            .AddVariable("Y", "yes", "no")
            .SetTable("U", [], [0.5, 0.5])
            .SetTable("X", ["U"], [1, 0, 0, 1])
            .SetTable("Y", ["X", "U"], [0.9, 0.1, 0.5, 0.5, 0.7, 0.3, 0.1, 0.9])
            .Build();

        CausalContrast c = new CausalEffects(copy).AverageCausalEffect("Y", "yes", "X", "yes", "no", new Clamps().Observe("U", "yes"));

        Assert.Equal(0.9 - 0.7, c.AverageCausalEffect, Tolerance);
        Assert.Equal(0.9, c.ObservationalTreated, Tolerance);
        Assert.True(double.IsNaN(c.ObservationalControl));
        Assert.True(double.IsNaN(c.ObservationalContrast));
    }

    [Fact]
    public void Interventional_RandomNetworksAndClamps_MatchesOracleSurgery()
    {
        int compared = 0;
        for (int seed = 0; seed < 80; seed++)
        {
            BayesianNetwork network = RandomNetworks.Create(seed);
            var rng = new Random(seed + 300);
            Clamps clamps = RandomClamps.Create(network, rng, RandomClamps.Mixes[seed % RandomClamps.Mixes.Count], rate: 0.2);
            Variable[] free = [.. network.Variables.Where(v => clamps.TypeOf(v.Name) is null)];
            if (free.Length < 2)
            {
                continue;
            }

            Variable x = free[rng.Next(free.Length)];
            Variable y = free.Where(v => v != x).ElementAt(rng.Next(free.Length - 1));
            string state = x.States[rng.Next(x.Cardinality)];
            var oracle = new Enumeration(network, Copy(clamps).Intervene(x.Name, state));
            var effects = new CausalEffects(network);
            if (oracle.EvidenceProbability == 0)
            {
                Assert.Throws<ImpossibleEvidenceException>(() => effects.Interventional(y.Name, x.Name, state, clamps));
                continue;
            }

            Distribution actual = effects.Interventional(y.Name, x.Name, state, clamps);

            double[] expected = oracle.Marginal(y.Name);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-9, $"seed {seed}: P({y.Name}[{i}] | do({x.Name} = {state})) expected {expected[i]:R}, got {actual[i]:R}");
            }

            compared++;
        }

        Assert.True(compared > 40, $"only {compared} queries were compared");
    }

    [Fact]
    public void AverageCausalEffect_InvalidRequests_ThrowNamingTheParameter()
    {
        var effects = new CausalEffects(Confounded);

        Assert.Equal("treatment", Assert.Throws<ArgumentException>(() => effects.AverageCausalEffect("Y", "yes", "Y", "yes", "no")).ParamName);
        Assert.Equal("treatment", Assert.Throws<ArgumentException>(() => effects.AverageCausalEffect("Y", "yes", "X", "yes", "no", new Clamps().Observe("X", "yes"))).ParamName);
        Assert.Equal("outcome", Assert.Throws<ArgumentException>(() => effects.AverageCausalEffect("Y", "yes", "X", "yes", "no", new Clamps().Observe("Y", "yes"))).ParamName);
        Assert.Equal("control", Assert.Throws<ArgumentException>(() => effects.AverageCausalEffect("Y", "yes", "X", "yes", "yes")).ParamName);
        Assert.Equal("outcomeState", Assert.Throws<ArgumentException>(() => effects.AverageCausalEffect("Y", "maybe", "X", "yes", "no")).ParamName);
        Assert.Equal("treatmentState", Assert.Throws<ArgumentException>(() => effects.Interventional("Y", "X", "maybe")).ParamName);
        Assert.Equal("outcome", Assert.Throws<ArgumentException>(() => effects.Interventional("Q", "X", "yes")).ParamName);
    }

    private static Clamps Copy(Clamps clamps)
    {
        var copy = new Clamps();
        foreach ((string name, string value) in clamps.Observed)
        {
            copy.Observe(name, value);
        }

        foreach ((string name, string value) in clamps.Interventions)
        {
            copy.Intervene(name, value);
        }

        foreach ((string name, double[] lambda) in clamps.Likelihoods)
        {
            copy.Likelihood(name, lambda);
        }

        foreach ((string name, double[] q) in clamps.SoftInterventions)
        {
            copy.SoftIntervene(name, q);
        }

        return copy;
    }
}
