using Actinf.Core.Agents;
using Actinf.Core.Io;

namespace Actinf.Core.Tests.Agents;

/// <summary>Shortcuts must save work without changing any result.</summary>
public sealed class ComputeShortcutsTests
{
    public static TheoryData<string> BenchModels()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(RepositoryFolders.TestDataPath("bench-models"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    private static Agent Build(ModelDocument doc, ComputeShortcuts shortcuts) =>
        new(doc.Model, doc.Options with { Shortcuts = shortcuts });

    [Theory]
    [MemberData(nameof(BenchModels))]
    public void Step_ExactShortcutsOnOrOff_GiveBitwiseIdenticalRuns(string model)
    {
        ModelDocument doc = ModelJson.ReadFile(RepositoryFolders.TestDataPath("bench-models", model + ".json"));
        BenchWorkload bench = doc.Bench!;
        // Sparse products reorder sums, so both runs keep the same transition representation.
        Agent fast = Build(doc, ComputeShortcuts.All);
        Agent plain = Build(doc, ComputeShortcuts.SparseTransitions);
        int steps = Math.Min(bench.Observations.Count, 40);

        for (int i = 0; i < steps; i++)
        {
            ReadOnlySpan<int> obs = bench.Observations[i].Span;
            int[] a = fast.Step(obs, bench.Operations).ToArray();
            int[] b = plain.Step(obs, bench.Operations).ToArray();

            Assert.Equal(b, a);
            Assert.True(plain.PolicyPosterior.SequenceEqual(fast.PolicyPosterior), $"{model} step {i}: q(pi) differs");
            Assert.True(plain.NegativeExpectedFreeEnergy.SequenceEqual(fast.NegativeExpectedFreeEnergy), $"{model} step {i}: G differs");
            for (int f = 0; f < doc.Model.NumFactors; f++)
            {
                Assert.True(plain.Posterior(f).SequenceEqual(fast.Posterior(f)), $"{model} step {i}: posterior of factor {f} differs");
            }
        }
    }

    [Theory]
    [MemberData(nameof(BenchModels))]
    public void Step_SparseTransitionsOff_AgreesToRounding(string model)
    {
        ModelDocument doc = ModelJson.ReadFile(RepositoryFolders.TestDataPath("bench-models", model + ".json"));
        BenchWorkload bench = doc.Bench!;
        Agent sparse = Build(doc, ComputeShortcuts.All);
        Agent dense = Build(doc, ComputeShortcuts.All & ~ComputeShortcuts.SparseTransitions);
        int steps = Math.Min(bench.Observations.Count, 20);

        for (int i = 0; i < steps; i++)
        {
            ReadOnlySpan<int> obs = bench.Observations[i].Span;
            Assert.Equal(dense.Step(obs, bench.Operations).ToArray(), sparse.Step(obs, bench.Operations).ToArray());
            for (int p = 0; p < sparse.NumPolicies; p++)
            {
                Assert.Equal(dense.PolicyPosterior[p], sparse.PolicyPosterior[p], 1e-12);
            }
        }
    }

    [Fact]
    public void Counters_SharedPrefixes_ScoreEachDistinctPrefixOnce()
    {
        ModelDocument doc = ModelJson.ReadFile(RepositoryFolders.TestDataPath("bench-models", "grid3x3_plen3.json"));
        Agent shared = Build(doc, ComputeShortcuts.SharedPolicyPrefixes);
        Agent unshared = Build(doc, ComputeShortcuts.None);
        ReadOnlySpan<int> obs = doc.Bench!.Observations[0].Span;

        shared.InferStates(obs);
        shared.InferPolicies();
        unshared.InferStates(obs);
        unshared.InferPolicies();

        // 5 actions, 3 steps: 5 + 25 + 125 distinct prefixes instead of 125 policies x 3 steps.
        Assert.Equal(375, shared.Counters.PolicyStepEvaluations);
        Assert.Equal(155, shared.Counters.PolicyNodesScored);
        Assert.Equal(375, unshared.Counters.PolicyNodesScored);
        Assert.True(shared.PolicyPosterior.SequenceEqual(unshared.PolicyPosterior));
    }

    [Fact]
    public void Counters_RepeatedObservationAndBelief_SkipInferenceAndReuseScores()
    {
        ModelDocument doc = ModelJson.ReadFile(RepositoryFolders.TestDataPath("bench-models", "tmaze.json"));
        Agent agent = Build(doc, ComputeShortcuts.All);
        int[] obs = [0, 0, 0];

        // With no action taken the prior stays D, so a repeated observation cannot change the posterior.
        agent.InferStates(obs);
        agent.InferPolicies();
        double[] qPi = agent.PolicyPosterior.ToArray();
        agent.InferStates(obs);
        agent.InferPolicies();

        ComputeCounters c = agent.Counters;
        Assert.Equal(1, c.StateInferences);
        Assert.Equal(1, c.StateInferencesSkipped);
        Assert.Equal(4, c.PolicyNodesScored);
        Assert.Equal(4, c.PolicyNodesReused);
        Assert.Equal(0.5, c.PolicyScoreHitRate);
        Assert.Equal(qPi, agent.PolicyPosterior.ToArray());
        Assert.True(c.CacheBytes > 0);
    }

    [Fact]
    public void Counters_LearningChangesA_InvalidatesSkips()
    {
        ModelDocument doc = ModelJson.ReadFile(RepositoryFolders.TestDataPath("bench-models", "learn_AB.json"));
        Agent agent = Build(doc, ComputeShortcuts.All);
        int[] obs = doc.Bench!.Observations[0].ToArray();

        agent.InferStates(obs);
        agent.UpdateLikelihood(obs);
        agent.InferStates(obs);

        Assert.Equal(2, agent.Counters.StateInferences);
        Assert.Equal(0, agent.Counters.StateInferencesSkipped);
    }
}
