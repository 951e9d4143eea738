using Actinf.Causal.Experiments;
using Actinf.Causal.Inference;
using Actinf.Causal.Networks;
using Actinf.Causal.Tests.Oracle;

namespace Actinf.Causal.Tests.Experiments;

/// <summary>
/// Expected information gain of observations and interventions, by hand on small networks (binary entropy
/// Hb(p) = -p ln p - (1 - p) ln(1 - p), nats) and against the brute-force <see cref="Enumeration"/> on random ones.
/// </summary>
public class ExperimentDesignerTests
{
    private const double Tolerance = 1e-12;

    /// <summary>
    /// C -> T -> X and an independent N (declared C, T, X, N; states yes, no). P(C = yes) = 0.5,
    /// P(T = yes | C) = 0.8 / 0.2, P(X = yes | T) = 0.9 / 0.1, P(N = yes) = 0.3. So P(T = yes) = 0.5 and
    /// H(T) = ln 2; observing X gains ln 2 - Hb(0.1); observing C, or setting it at random, gains ln 2 - Hb(0.2);
    /// setting X tells nothing about T; N tells nothing either way.
    /// </summary>
    private static readonly BayesianNetwork Lab = new NetworkBuilder("lab")
        .AddVariable("C", "yes", "no")
        .AddVariable("T", "yes", "no")
        .AddVariable("X", "yes", "no")
        .AddVariable("N", "yes", "no")
        .SetTable("C", [], [0.5, 0.5])
        .SetTable("T", ["C"], [0.8, 0.2, 0.2, 0.8])
        .SetTable("X", ["T"], [0.9, 0.1, 0.1, 0.9])
        .SetTable("N", [], [0.3, 0.7])
        .Build();

    /// <summary>T -> X -> Y with Y a copy of X (deterministic). P(T = yes) = 0.3; P(X = yes | T) = 0.7 / 0.4.</summary>
    private static readonly BayesianNetwork Copy = new NetworkBuilder("copy")
        .AddVariable("T", "yes", "no")
        .AddVariable("X", "yes", "no")
        .AddVariable("Y", "yes", "no")
        .SetTable("T", [], [0.3, 0.7])
        .SetTable("X", ["T"], [0.7, 0.3, 0.4, 0.6])
        .SetTable("Y", ["X"], [1, 0, 0, 1])
        .Build();

    [Fact]
    public void Rank_NoClamps_InformativeChildFirstAndIndependentNodeZero()
    {
        ExperimentRanking ranking = new ExperimentDesigner(Lab).Rank("T");

        Assert.Equal(Math.Log(2), ranking.TargetEntropy, Tolerance);
        ExperimentSuggestion best = ranking.Suggestions[0];
        Assert.Equal(("X", ExperimentKind.Observe), (best.Name, best.Kind));
        Assert.Equal(Math.Log(2) - Hb(0.1), best.ExpectedInformationGain, Tolerance);
        Assert.Equal(6, ranking.Suggestions.Count);
        Assert.Empty(ranking.Skipped);
        foreach (ExperimentSuggestion s in ranking.Suggestions.Where(s => s.Name == "N"))
        {
            Assert.Equal(0.0, s.ExpectedInformationGain, Tolerance);
        }

        Assert.True(Position(ranking, "X", ExperimentKind.Observe) < Position(ranking, "N", ExperimentKind.Observe));
        Assert.Equal(Math.Log(2) - Hb(0.2), Gain(ranking, "C", ExperimentKind.Observe), Tolerance);
    }

    [Fact]
    public void ExpectedInformationGain_InterventionOnCause_PositiveAndOnEffect_Zero()
    {
        var designer = new ExperimentDesigner(Lab);

        double onCause = designer.ExpectedInformationGain("T", "C", ExperimentKind.Intervene);
        double onEffect = designer.ExpectedInformationGain("T", "X", ExperimentKind.Intervene);

        // do(C = yes) gives T ~ (0.8, 0.2), do(C = no) gives (0.2, 0.8): ln 2 - Hb(0.2).
        Assert.Equal(Math.Log(2) - Hb(0.2), onCause, Tolerance);
        Assert.True(onCause > 0.1);
        // Doing on an effect cuts T -> X: T keeps its distribution whatever X is set to.
        Assert.Equal(0.0, onEffect, Tolerance);
        Assert.Equal(Math.Log(2) - Hb(0.1), designer.ExpectedInformationGain("T", "X", ExperimentKind.Observe), Tolerance);
    }

    [Fact]
    public void Rank_EffectObserved_GainsByHandAndInterventionNotReweighted()
    {
        // Given X = yes: P(C, T | X = yes) = (0.72, 0.02, 0.18, 0.08) over (C, T) = (y,y), (y,n), (n,y), (n,n).
        // do(C = yes): T ~ (0.72, 0.02) / 0.74; do(C = no): T ~ (0.18, 0.08) / 0.26; q = (1/2, 1/2), not (0.74, 0.26).
        var clamps = new Clamps().Observe("X", "yes");

        ExperimentRanking ranking = new ExperimentDesigner(Lab).Rank("T", clamps);

        Assert.Equal(Hb(0.9), ranking.TargetEntropy, Tolerance);
        Assert.DoesNotContain(ranking.Suggestions, s => s.Name == "X");
        Assert.Equal(MutualInformation([[0.72, 0.02], [0.18, 0.08]]), Gain(ranking, "C", ExperimentKind.Observe), Tolerance);
        double[] doYes = [0.72 / 0.74, 0.02 / 0.74];
        double[] doNo = [0.18 / 0.26, 0.08 / 0.26];
        double expected = Entropy([(doYes[0] + doNo[0]) / 2, (doYes[1] + doNo[1]) / 2]) - ((Entropy(doYes) + Entropy(doNo)) / 2);
        Assert.Equal(expected, Gain(ranking, "C", ExperimentKind.Intervene), Tolerance);
        Assert.NotEqual(Gain(ranking, "C", ExperimentKind.Observe), Gain(ranking, "C", ExperimentKind.Intervene), 1e-3);
    }

    [Fact]
    public void Rank_InterventionMakesEvidenceImpossible_SkippedWithReason()
    {
        // Y = yes forces X = yes, so do(X = no) contradicts the observation.
        var clamps = new Clamps().Observe("Y", "yes");

        ExperimentRanking ranking = new ExperimentDesigner(Copy).Rank("T", clamps);

        SkippedExperiment skipped = Assert.Single(ranking.Skipped);
        Assert.Equal(("X", ExperimentKind.Intervene), (skipped.Variable.Name, skipped.Kind));
        Assert.Contains("do(X = no)", skipped.Reason, StringComparison.Ordinal);
        ExperimentSuggestion observe = Assert.Single(ranking.Suggestions);
        Assert.Equal(("X", ExperimentKind.Observe), (observe.Name, observe.Kind));
        Assert.Equal(0.0, observe.ExpectedInformationGain, Tolerance); // X is already known to be yes.
        Assert.Equal(Hb(0.21 / 0.49), ranking.TargetEntropy, Tolerance); // P(T = yes | X = yes) = 0.3 * 0.7 / 0.49
        Assert.Throws<ImpossibleEvidenceException>(() => new ExperimentDesigner(Copy).ExpectedInformationGain("T", "X", ExperimentKind.Intervene, clamps));
    }

    [Fact]
    public void Rank_Options_RestrictKindsCandidatesAndTop()
    {
        var designer = new ExperimentDesigner(Lab);
        ExperimentRanking all = designer.Rank("T");

        ExperimentRanking observations = designer.Rank("T", options: new ExperimentOptions { Interventions = false });
        ExperimentRanking interventions = designer.Rank("T", options: new ExperimentOptions { Observations = false, Candidates = ["N", "C"] });
        ExperimentRanking top2 = designer.Rank("T", options: new ExperimentOptions { Top = 2 });

        Assert.Equal(3, observations.Suggestions.Count);
        Assert.All(observations.Suggestions, s => Assert.Equal(ExperimentKind.Observe, s.Kind));
        Assert.Equal(["C", "N"], interventions.Suggestions.Select(s => s.Name));
        Assert.All(interventions.Suggestions, s => Assert.Equal(ExperimentKind.Intervene, s.Kind));
        Assert.Equal(all.Suggestions.Take(2).Select(s => s.ToString()), top2.Suggestions.Select(s => s.ToString()));
        for (int i = 1; i < all.Suggestions.Count; i++)
        {
            Assert.True(all.Suggestions[i - 1].ExpectedInformationGain >= all.Suggestions[i].ExpectedInformationGain);
        }
    }

    [Fact]
    public void Rank_InvalidRequests_ThrowNamingTheParameter()
    {
        var designer = new ExperimentDesigner(Lab);
        var clamps = new Clamps().Observe("T", "yes");

        Assert.Equal("target", Assert.Throws<ArgumentException>(() => designer.Rank("T", clamps)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => designer.Rank("Q")).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => designer.Rank("T", options: new ExperimentOptions { Top = 0 })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => designer.Rank("T", options: new ExperimentOptions { Observations = false, Interventions = false })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => designer.Rank("C", new Clamps().Observe("X", "no"), new ExperimentOptions { Candidates = ["X"] })).ParamName);
        Assert.Equal("candidate", Assert.Throws<ArgumentException>(() => designer.ExpectedInformationGain("T", "T", ExperimentKind.Observe)).ParamName);
    }

    [Fact]
    public void Rank_RandomNetworksAndClamps_GainsMatchOracle()
    {
        int compared = 0;
        for (int seed = 0; seed < 60; seed++)
        {
            var options = new RandomNetworkOptions { MaxVariables = 6, MaxStates = 3 };
            BayesianNetwork network = RandomNetworks.Create(seed, options);
            var rng = new Random(seed + 500);
            Clamps clamps = RandomClamps.Create(network, rng, RandomClamps.Mixes[seed % RandomClamps.Mixes.Count], rate: 0.25);
            Variable[] free = [.. network.Variables.Where(v => clamps.TypeOf(v.Name) is null)];
            var oracle = new Enumeration(network, clamps);
            if (free.Length < 2 || oracle.EvidenceProbability == 0)
            {
                continue;
            }

            Variable target = free[rng.Next(free.Length)];
            ExperimentRanking ranking = new ExperimentDesigner(network).Rank(target.Name, clamps);

            Assert.Equal(Entropy(oracle.Marginal(target.Name)), ranking.TargetEntropy, 1e-9);
            foreach (Variable x in free.Where(v => v != target))
            {
                double[] joint = oracle.Joint([target.Name, x.Name]);
                double[][] rows = [.. Enumerable.Range(0, target.Cardinality).Select(t => joint[(t * x.Cardinality)..((t + 1) * x.Cardinality)])];
                double observe = MutualInformation(rows);
                Assert.Equal(observe, Gain(ranking, x.Name, ExperimentKind.Observe), 1e-9);
                Assert.True(observe <= ranking.TargetEntropy + 1e-9);

                double[][] interventional = [.. x.States.Select(s => new Enumeration(network, With(clamps, x.Name, s)))
                    .Select(e => e.EvidenceProbability == 0 ? null! : e.Marginal(target.Name))];
                if (interventional.Any(p => p is null))
                {
                    Assert.Contains(ranking.Skipped, s => s.Variable == x && s.Kind == ExperimentKind.Intervene);
                    continue;
                }

                double[] mixture = new double[target.Cardinality];
                foreach (double[] p in interventional)
                {
                    for (int i = 0; i < mixture.Length; i++)
                    {
                        mixture[i] += p[i] / x.Cardinality;
                    }
                }

                double intervene = Entropy(mixture) - interventional.Average(Entropy);
                Assert.Equal(intervene, Gain(ranking, x.Name, ExperimentKind.Intervene), 1e-9);
                compared++;
            }
        }

        Assert.True(compared > 60, $"only {compared} candidates were compared");
    }

    private static Clamps With(Clamps clamps, string variable, string state)
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

        return copy.Intervene(variable, state);
    }

    private static double Gain(ExperimentRanking ranking, string variable, ExperimentKind kind) =>
        ranking.Suggestions.Single(s => s.Name == variable && s.Kind == kind).ExpectedInformationGain;

    private static int Position(ExperimentRanking ranking, string variable, ExperimentKind kind)
    {
        for (int i = 0; i < ranking.Suggestions.Count; i++)
        {
            if (ranking.Suggestions[i].Name == variable && ranking.Suggestions[i].Kind == kind)
            {
                return i;
            }
        }

        return -1;
    }

    private static double Hb(double p) => -(p * Math.Log(p)) - ((1 - p) * Math.Log(1 - p));

    private static double Entropy(double[] p) => -p.Where(x => x > 0).Sum(x => x * Math.Log(x));

    /// <summary>I(A; B) = H(A) + H(B) - H(A, B) from a joint table given as rows over A.</summary>
    private static double MutualInformation(double[][] rows)
    {
        double[] a = [.. rows.Select(r => r.Sum())];
        double[] b = [.. Enumerable.Range(0, rows[0].Length).Select(j => rows.Sum(r => r[j]))];
        return Entropy(a) + Entropy(b) - Entropy([.. rows.SelectMany(r => r)]);
    }
}
