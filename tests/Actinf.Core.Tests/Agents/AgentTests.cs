using Actinf.Core.Agents;
using Actinf.Core.Models;
using Actinf.Core.Tensors;
using Actinf.Core.Tests.Support;

namespace Actinf.Core.Tests.Agents;

public class AgentTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 10)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void InferStates_OneFactorFpi_EqualsBayesRuleByHand(int seed)
    {
        var rng = new Random(seed);
        int ns = rng.Next(2, 7);
        int no = rng.Next(2, 7);
        int nc = rng.Next(1, 4);
        Tensor a = RandomModels.Likelihood(rng, no, [ns], (ColumnKind)(seed % 4));
        Tensor b = RandomModels.Transitions(rng, ns, nc, ColumnKind.Dense);
        double[] d = RandomModels.DistributionWithZeros(rng, ns);
        var agent = new Agent(new GenerativeModel([a], [b], initialStatePrior: [Tensor.Vector(d)]));
        int o0 = rng.Next(no);
        int o1 = rng.Next(no);
        int u = rng.Next(nc);

        agent.InferStates([o0]);
        double[] first = agent.Posterior(0).ToArray();
        agent.InferPolicies();
        agent.ImposeAction([u]);
        agent.InferStates([o1]);
        double[] second = agent.Posterior(0).ToArray();

        // Step 0: q = softmax(ln_eps(A[o, :]) + ln_eps(D)). Step 1: the prior is B[:, :, u]·q.
        double[] expectedFirst = Bayes(Row(a, o0, ns), d);
        var predicted = new double[ns];
        for (int next = 0; next < ns; next++)
        {
            for (int s = 0; s < ns; s++)
            {
                predicted[next] += b[next, s, u] * expectedFirst[s];
            }
        }

        double[] expectedSecond = Bayes(Row(a, o1, ns), predicted);
        AssertClose(expectedFirst, first, 1e-14);
        AssertClose(expectedSecond, second, 1e-14);
    }

    [Fact]
    public void InferStates_OneFactorThreeModalities_UsesLogOfJointLikelihood()
    {
        var rng = new Random(3);
        Tensor[] a = [.. new[] { 3, 2, 4 }.Select(no => RandomModels.Likelihood(rng, no, [5], ColumnKind.Sparse))];
        Tensor b = RandomModels.Transitions(rng, 5, 1, ColumnKind.Dense);
        var agent = new Agent(new GenerativeModel(a, [b]));
        int[] obs = [2, 1, 3];

        agent.InferStates(obs);

        // lnL = ln_eps(Π_m A_m[o_m, :]) (spec §3.1–3.2), not Σ_m ln_eps(A_m[o_m, :]).
        var l = new double[5];
        Array.Fill(l, 1.0);
        for (int m = 0; m < 3; m++)
        {
            double[] row = Row(a[m], obs[m], 5);
            for (int s = 0; s < 5; s++)
            {
                l[s] *= row[s];
            }
        }

        AssertClose(Bayes(l, [0.2, 0.2, 0.2, 0.2, 0.2]), agent.Posterior(0).ToArray(), 1e-14);
    }

    [Theory]
    [InlineData(InferenceAlgorithm.Fpi)]
    [InlineData(InferenceAlgorithm.Mmp)]
    public void Reset_AfterSeveralSteps_NextInferenceUsesDAgain(InferenceAlgorithm algorithm)
    {
        GenerativeModel model = SmallModel(seed: 1, factors: 2);
        var options = new AgentOptions { Algorithm = algorithm, InferenceHorizon = 2 };
        var agent = new Agent(model, options);
        for (int t = 0; t < 4; t++)
        {
            agent.Step([t % 3, (t + 1) % 2]);
        }

        agent.Reset();

        Assert.Equal(0, agent.Time);
        Assert.False(agent.HasAction);
        agent.InferStates([1, 0]);
        var fresh = new Agent(model, options);
        fresh.InferStates([1, 0]);
        for (int f = 0; f < model.NumFactors; f++)
        {
            Assert.Equal(fresh.Posterior(f).ToArray(), agent.Posterior(f).ToArray());
        }
    }

    [Fact]
    public void Reset_AfterRepeatedFirstObservation_DoesNotReuseStaleInference()
    {
        // The same first observation before and after Reset: the posterior must be recomputed from D, not
        // left at the uniform belief Reset installs.
        GenerativeModel model = SmallModel(seed: 2, factors: 1);
        var agent = new Agent(model);
        agent.InferStates([1, 0]);
        double[] before = agent.Posterior(0).ToArray();

        agent.Reset();
        agent.InferStates([1, 0]);

        Assert.Equal(before, agent.Posterior(0).ToArray());
    }

    [Fact]
    public void Step_SameSeed_IdenticalStochasticRuns()
    {
        GenerativeModel model = SmallModel(seed: 4, factors: 2);
        var options = new AgentOptions { ActionSelection = ActionSelection.Stochastic, ActionPrecision = 1, Seed = 12345 };

        int[] first = Run(new Agent(model, options), steps: 60);
        int[] second = Run(new Agent(model, options), steps: 60);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Step_DifferentSeeds_DifferentStochasticRuns()
    {
        GenerativeModel model = SmallModel(seed: 4, factors: 2);
        var options = new AgentOptions { ActionSelection = ActionSelection.Stochastic, ActionPrecision = 1, Seed = 1 };

        int[] reference = Run(new Agent(model, options), steps: 60);

        for (int seed = 2; seed < 6; seed++)
        {
            int[] other = Run(new Agent(model, options with { Seed = seed }), steps: 60);
            Assert.NotEqual(reference, other);
        }
    }

    [Fact]
    public void Reset_StochasticAgent_ReplaysTheSameActions()
    {
        GenerativeModel model = SmallModel(seed: 5, factors: 1);
        var agent = new Agent(model, new AgentOptions { ActionSelection = ActionSelection.Stochastic, ActionPrecision = 1, SamplingMode = SamplingMode.Full, Seed = 9 });

        int[] first = Run(agent, steps: 30);
        agent.Reset();
        int[] second = Run(agent, steps: 30);

        Assert.Equal(first, second);
    }

    [Fact]
    public void ImposeAction_AfterPolicyInference_RecordsActionAndAdvancesTime()
    {
        GenerativeModel model = SmallModel(seed: 6, factors: 2);
        var agent = new Agent(model);
        agent.InferStates([0, 1]);
        agent.InferPolicies();

        agent.ImposeAction([2, 0]);

        Assert.Equal([2, 0], agent.Action.ToArray());
        Assert.Equal(1, agent.Time);
        Assert.True(agent.HasAction);
        Assert.Equal(1.0, agent.ActionMarginal(0).ToArray().Sum(), 1e-12);

        agent.InferStates([1, 1]);
        agent.InferPolicies();
        agent.ImposeAction([1, 0]);

        Assert.Equal([1, 0], agent.Action.ToArray());
        Assert.Equal(2, agent.Time);
    }

    [Fact]
    public void ImposeAction_BeforePolicyInference_ThrowsInvalidOperation()
    {
        var agent = new Agent(SmallModel(seed: 6, factors: 2));
        agent.InferStates([0, 1]);

        Assert.Throws<InvalidOperationException>(() => agent.ImposeAction([0, 0]));
    }

    [Theory]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 0, 0, 0 })]
    [InlineData(new[] { 3, 0 })]
    [InlineData(new[] { 0, 2 })]
    [InlineData(new[] { -1, 0 })]
    public void InferStates_BadObservation_ThrowsNamingObservation(int[] observation)
    {
        var agent = new Agent(SmallModel(seed: 7, factors: 1));

        var ex = Assert.Throws<ArgumentException>(() => agent.InferStates(observation));

        Assert.Equal("observation", ex.ParamName);
    }

    [Theory]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 5, 0 })]
    public void Step_BadObservation_ThrowsNamingObservation(int[] observation)
    {
        var agent = new Agent(SmallModel(seed: 7, factors: 1));

        var ex = Assert.Throws<ArgumentException>(() => agent.Step(observation));

        Assert.Equal("observation", ex.ParamName);
    }

    [Fact]
    public void UpdateLikelihood_BadObservation_ThrowsNamingObservation()
    {
        var agent = new Agent(SmallModel(seed: 7, factors: 1, concentrations: true));
        agent.InferStates([0, 0]);

        var ex = Assert.Throws<ArgumentException>(() => agent.UpdateLikelihood([0, 9]));

        Assert.Equal("observation", ex.ParamName);
    }

    [Theory]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 0, 0, 0 })]
    [InlineData(new[] { 3, 0 })]
    [InlineData(new[] { 0, 1 })]
    [InlineData(new[] { -1, 0 })]
    public void ImposeAction_BadAction_ThrowsNamingAction(int[] action)
    {
        // Factor 0 has 3 control states, factor 1 has 1.
        var agent = new Agent(SmallModel(seed: 8, factors: 2));
        agent.InferStates([0, 0]);
        agent.InferPolicies();

        var ex = Assert.Throws<ArgumentException>(() => agent.ImposeAction(action));

        Assert.Equal("action", ex.ParamName);
        Assert.Equal(0, agent.Time);
    }

    [Fact]
    public void Accessors_IndexOutOfRange_ThrowNamingTheIndex()
    {
        var agent = new Agent(SmallModel(seed: 8, factors: 2));

        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => agent.Posterior(2)).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => agent.ActionMarginal(-1)).ParamName);
        Assert.Equal("modality", Assert.Throws<ArgumentOutOfRangeException>(() => agent.Likelihood(2)).ParamName);
    }

    [Fact]
    public void UpdateLikelihood_WithoutPA_ThrowsInvalidOperationNamingPA()
    {
        var agent = new Agent(SmallModel(seed: 9, factors: 1));
        agent.InferStates([0, 0]);

        var ex = Assert.Throws<InvalidOperationException>(() => agent.UpdateLikelihood([0, 0]));

        Assert.Contains("pA", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateTransitions_WithoutPB_ThrowsInvalidOperationNamingPB()
    {
        var agent = new Agent(SmallModel(seed: 9, factors: 1));
        agent.Step([0, 0]);
        agent.InferStates([1, 0]);

        var ex = Assert.Throws<InvalidOperationException>(agent.UpdateTransitions);

        Assert.Contains("pB", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateInitialStatePrior_WithoutPD_ThrowsInvalidOperationNamingPD()
    {
        var agent = new Agent(SmallModel(seed: 9, factors: 1));
        agent.InferStates([0, 0]);

        var ex = Assert.Throws<InvalidOperationException>(agent.UpdateInitialStatePrior);

        Assert.Contains("pD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateTransitions_BeforeAnyAction_ThrowsInvalidOperation()
    {
        var agent = new Agent(SmallModel(seed: 9, factors: 1, concentrations: true));
        agent.InferStates([0, 0]);

        Assert.Throws<InvalidOperationException>(agent.UpdateTransitions);
    }

    [Fact]
    public void UpdateLikelihood_MmpAgent_ThrowsInvalidOperation()
    {
        var agent = new Agent(SmallModel(seed: 9, factors: 1, concentrations: true), new AgentOptions { Algorithm = InferenceAlgorithm.Mmp, InferenceHorizon = 2 });
        agent.InferStates([0, 0]);

        Assert.Throws<InvalidOperationException>(() => agent.UpdateLikelihood([0, 0]));
    }

    [Fact]
    public void Constructor_MmpWithParameterInfoGainAndPB_ThrowsNamingOptions()
    {
        GenerativeModel model = SmallModel(seed: 10, factors: 1, concentrations: true);
        var options = new AgentOptions { Algorithm = InferenceAlgorithm.Mmp, InferenceHorizon = 2, UseParameterInformationGain = true };

        var ex = Assert.Throws<ArgumentException>(() => new Agent(model, options));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("pB", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MmpWithParameterInfoGainWithoutPB_IsAccepted()
    {
        GenerativeModel model = SmallModel(seed: 10, factors: 1);
        var options = new AgentOptions { Algorithm = InferenceAlgorithm.Mmp, InferenceHorizon = 2, UseParameterInformationGain = true };

        var agent = new Agent(model, options);
        agent.Step([0, 0]);

        Assert.Equal(1, agent.Time);
    }

    [Fact]
    public void Constructor_AllZeroPDWithExplicitD_ThrowsNamingModel()
    {
        Tensor a = RandomModels.Likelihood(new Random(1), 2, [3], ColumnKind.Dense);
        Tensor b = RandomModels.Transitions(new Random(2), 3, 1, ColumnKind.Dense);
        var model = new GenerativeModel([a], [b], initialStatePrior: [Tensor.Vector([0.5, 0.5, 0])], initialStateConcentration: [Tensor.Vector([0, 0, 0])]);

        var ex = Assert.Throws<ArgumentException>(() => new Agent(model));

        Assert.Equal("model", ex.ParamName);
    }

    [Theory]
    [InlineData("lr_pA")]
    [InlineData("lr_pB")]
    [InlineData("lr_pD")]
    public void Constructor_NegativeLearningRate_ThrowsNamingIt(string name)
    {
        GenerativeModel model = SmallModel(seed: 10, factors: 1, concentrations: true);
        AgentOptions options = name switch
        {
            "lr_pA" => new AgentOptions { LikelihoodLearningRate = -5 },
            "lr_pB" => new AgentOptions { TransitionLearningRate = -5 },
            _ => new AgentOptions { InitialStateLearningRate = -5 },
        };

        var ex = Assert.Throws<ArgumentException>(() => new Agent(model, options));

        Assert.Equal(name, ex.ParamName);
    }

    [Fact]
    public void Learning_ManySteps_StructuralZerosStayZero()
    {
        var rng = new Random(11);
        int[] ns = [4, 3];
        Tensor[] a = [RandomModels.Likelihood(rng, 4, ns, ColumnKind.Sparse), RandomModels.Likelihood(rng, 3, ns, ColumnKind.Sparse)];
        Tensor[] b = [RandomModels.Transitions(rng, 4, 2, ColumnKind.Sparse), RandomModels.Transitions(rng, 3, 2, ColumnKind.Sparse)];
        Tensor[] d = [Tensor.Vector([0.5, 0, 0.5, 0]), Tensor.Vector([0, 1, 0])];
        var model = new GenerativeModel(
            a,
            b,
            initialStatePrior: d,
            policies: PolicySet.AllCombinations([2, 2], 1),
            likelihoodConcentration: [.. a.Select(t => RandomModels.Concentration(rng, t))],
            transitionConcentration: [.. b.Select(t => RandomModels.Concentration(rng, t))],
            initialStateConcentration: [.. d.Select(t => RandomModels.Concentration(rng, t))]);
        var agent = new Agent(model, new AgentOptions { ActionSelection = ActionSelection.Stochastic, LikelihoodLearningRate = 10, TransitionLearningRate = 10 });
        StepOperations all = StepOperations.PerceiveAndAct | StepOperations.UpdateLikelihood | StepOperations.UpdateTransitions | StepOperations.UpdateInitialStatePrior;

        for (int t = 0; t < 40; t++)
        {
            agent.Step([rng.Next(4), rng.Next(3)], all);
            if (t % 10 == 9)
            {
                agent.Reset();
            }
        }

        for (int m = 0; m < 2; m++)
        {
            AssertZerosKept(a[m].Span, agent.Likelihood(m), $"A[{m}]");
            AssertZerosKept(a[m].Span, agent.LikelihoodConcentration(m), $"pA[{m}]");
        }

        for (int f = 0; f < 2; f++)
        {
            AssertZerosKept(b[f].Span, agent.Transitions(f), $"B[{f}]");
            AssertZerosKept(b[f].Span, agent.TransitionConcentration(f), $"pB[{f}]");
            AssertZerosKept(d[f].Span, agent.InitialStatePrior(f), $"D[{f}]");
        }

        Assert.NotEqual(model.LikelihoodConcentration![0].ToArray(), agent.LikelihoodConcentration(0).ToArray());
    }

    public static TheoryData<string> AllocationCases() => ["fpi", "fpi-stochastic-full", "fpi-no-shortcuts", "mmp", "mmp-policy-separated", "learning"];

    [Theory]
    [MemberData(nameof(AllocationCases))]
    public void Step_SteadyState_AllocatesZeroBytes(string name)
    {
        (Agent agent, StepOperations ops) = AllocationCase(name);
        int[][] observations = [[0, 1], [2, 0], [1, 1], [2, 1], [0, 0]];
        for (int t = 0; t < 20; t++)
        {
            agent.Step(observations[t % observations.Length], ops);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 0; t < 100; t++)
        {
            agent.Step(observations[t % observations.Length], ops);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    private static (Agent Agent, StepOperations Ops) AllocationCase(string name)
    {
        GenerativeModel plain = SmallModel(seed: 12, factors: 2, policyLength: 2);
        return name switch
        {
            "fpi" => (new Agent(plain), StepOperations.PerceiveAndAct),
            "fpi-stochastic-full" => (new Agent(plain, new AgentOptions { ActionSelection = ActionSelection.Stochastic, SamplingMode = SamplingMode.Full }), StepOperations.PerceiveAndAct),
            "fpi-no-shortcuts" => (new Agent(plain, new AgentOptions { Shortcuts = ComputeShortcuts.None }), StepOperations.PerceiveAndAct),
            "mmp" => (new Agent(plain, new AgentOptions { Algorithm = InferenceAlgorithm.Mmp, InferenceHorizon = 3 }), StepOperations.PerceiveAndAct),
            "mmp-policy-separated" => (
                new Agent(SmallModel(seed: 12, factors: 2, concentrations: true), new AgentOptions { Algorithm = InferenceAlgorithm.Mmp, InferenceHorizon = 2, PolicySeparatedPrior = true }),
                StepOperations.PerceiveAndAct | StepOperations.UpdateInitialStatePrior),
            _ => (
                new Agent(SmallModel(seed: 12, factors: 2, concentrations: true), new AgentOptions { UseParameterInformationGain = true }),
                StepOperations.PerceiveAndAct | StepOperations.UpdateLikelihood | StepOperations.UpdateTransitions | StepOperations.UpdateInitialStatePrior),
        };
    }

    /// <summary>
    /// Modalities of 3 and 2 outcomes; factor 0 has 3 states and 3 controls, factor 1 (when present) 2 states and 1 control.
    /// </summary>
    private static GenerativeModel SmallModel(int seed, int factors, bool concentrations = false, int policyLength = 1)
    {
        var rng = new Random(seed);
        int[] ns = factors == 1 ? [3] : [3, 2];
        int[] nc = factors == 1 ? [3] : [3, 1];
        Tensor[] a = [RandomModels.Likelihood(rng, 3, ns, ColumnKind.Dense), RandomModels.Likelihood(rng, 2, ns, ColumnKind.Dense)];
        Tensor[] b = [.. ns.Select((n, f) => RandomModels.Transitions(rng, n, nc[f], ColumnKind.Dense))];
        Tensor[] c = [Tensor.Vector([0, 1, -1]), Tensor.Vector([0.5, 0])];
        return new GenerativeModel(
            a,
            b,
            preferences: c,
            policies: PolicySet.AllCombinations(nc, policyLength),
            likelihoodConcentration: concentrations ? [.. a.Select(t => RandomModels.Concentration(rng, t))] : null,
            transitionConcentration: concentrations ? [.. b.Select(t => RandomModels.Concentration(rng, t))] : null,
            initialStateConcentration: concentrations ? [.. ns.Select(n => Tensor.Vector(RandomModels.Distribution(rng, n)))] : null);
    }

    /// <summary>Runs a closed loop whose observation follows the last action; returns the actions of factor 0.</summary>
    private static int[] Run(Agent agent, int steps)
    {
        var actions = new int[steps];
        int[] obs = new int[agent.Model.NumModalities];
        for (int t = 0; t < steps; t++)
        {
            ReadOnlySpan<int> action = agent.Step(obs);
            actions[t] = action[0];
            obs[0] = action[0] % agent.Model.NumObservations[0];
        }

        return actions;
    }

    private static double[] Row(Tensor a, int o, int ns) => a.Span.Slice(o * ns, ns).ToArray();

    private static double[] Bayes(double[] likelihood, double[] prior)
    {
        double[] logits = [.. likelihood.Zip(prior, (l, p) => Math.Log(l + 1e-16) + Math.Log(p + 1e-16))];
        double max = logits.Max();
        double[] e = [.. logits.Select(v => Math.Exp(v - max))];
        double z = e.Sum();
        return [.. e.Select(v => v / z)];
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"entry {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    private static void AssertZerosKept(ReadOnlySpan<double> initial, ReadOnlySpan<double> current, string name)
    {
        Assert.Equal(initial.Length, current.Length);
        for (int i = 0; i < initial.Length; i++)
        {
            if (initial[i] == 0)
            {
                Assert.True(current[i] == 0, $"{name} entry {i} was a structural zero and is now {current[i]:R}");
            }
        }
    }
}
