using Actinf.Epistemic.Actions;
using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Numerics;
using Actinf.Epistemic.Planning;
using Actinf.Epistemic.Tests.Support;

namespace Actinf.Epistemic.Tests.Planning;

public class PolicyEvaluatorTests
{
    private static readonly TimeSpan NoLimit = TimeSpan.FromMinutes(1);

    // A clock that never advances: neither the whole-evaluation budget nor the 2 ms per-policy budget can cut a
    // search short, even on a cold (JIT-compiling) first call.
    private static readonly TimeProvider Frozen = new ManualTimeProvider();

    private static PlanningProblem Problem(float precision, int dims = 64, float reveal = 1f)
    {
        var problem = new PlanningProblem { PriorPrecision = 1f, PreferencePrecision = 1f, Balance = 0.5f };
        problem.AddGap(Enumerable.Repeat(precision, dims).ToArray());
        problem.AddCandidate(new PolicyCandidate(false, EpistemicActionType.SeekClarification, 0, reveal, 0f));
        problem.AddCandidate(new PolicyCandidate(true, default, -1, 0f, 0f));
        return problem;
    }

    [Fact]
    public void Evaluate_TwoStepPlan_MatchesClosedFormComputedIndependently()
    {
        float[] p = [0.5f, 1.5f, 3f, 8f];
        var problem = new PlanningProblem { PriorPrecision = 1f, PreferencePrecision = 2f, Balance = 0.3f, GoalAlignment = 0.7f };
        problem.AddGap(p);
        problem.AddCandidate(new PolicyCandidate(false, EpistemicActionType.RequestExample, 0, 1.25f, 0f));
        problem.AddCandidate(new PolicyCandidate(true, default, -1, 0f, 0f));
        using var evaluator = new PolicyEvaluator(new PolicyEvaluatorOptions { PruningThreshold = 0f });
        PolicyEvaluation result = evaluator.Evaluate(problem, 2, NoLimit, Frozen);

        double b = 0.3, gamma = 2, discount = 0.9, pa = 1.25;
        double e0 = p.Sum(x => 0.5 * Math.Log(1 + (pa / x)));
        double prag1 = (0.5 * gamma * p.Sum(x => 1.0 - (1.0 / (x + pa)))) + 0.7;
        double expected = (-2 * b * e0) + (discount * -2 * (1 - b) * prag1);
        Plan plan = result.Plans.Single(pl => pl.Steps.SequenceEqual([0, 1]));
        Assert.Equal(expected, plan.ExpectedFreeEnergy, 1e-4 * Math.Abs(expected));

        double respondNow = -2 * (1 - b) * ((0.5 * gamma * p.Sum(x => 1.0 - (1.0 / x))) + 0.7);
        Assert.Equal(respondNow, result.Plans.Single(pl => pl.Steps.SequenceEqual([1])).ExpectedFreeEnergy, 1e-4 * Math.Abs(respondNow));
    }

    [Fact]
    public void Evaluate_FullTreeWithoutPruning_EqualsBruteForceEnumeration()
    {
        var problem = new PlanningProblem { PriorPrecision = 1f, PreferencePrecision = 1f, Balance = 0.5f };
        problem.AddGap([1f, 2f, 4f]);
        problem.AddGap([0.8f, 5f]);
        problem.AddCandidate(new PolicyCandidate(false, EpistemicActionType.SeekClarification, 0, 1f, MathF.Log(2.4f)));
        problem.AddCandidate(new PolicyCandidate(false, EpistemicActionType.ExploreRelated, 1, 0.6f, MathF.Log(0.6f)));
        problem.AddCandidate(new PolicyCandidate(true, default, -1, 0f, 0f));
        var options = new PolicyEvaluatorOptions { PruningThreshold = 0f, BranchingFactor = 3 };
        using var evaluator = new PolicyEvaluator(options);
        PolicyEvaluation result = evaluator.Evaluate(problem, 3, NoLimit, Frozen);

        var brute = new List<(int[] Steps, double G, double Prior)>();
        void Walk(List<int> path, double[] added, double g, double prior)
        {
            int k = path.Count;
            for (int c = 0; c < 3; c++)
            {
                PolicyCandidate cand = problem.Candidates[c];
                double step;
                if (cand.IsRespond)
                {
                    double variance = 0;
                    for (int gap = 0; gap < 2; gap++)
                    {
                        for (int i = problem.GapOffsets[gap]; i < problem.GapOffsets[gap + 1]; i++)
                        {
                            variance += 1.0 / (problem.BasePrecision[i] + added[gap]);
                        }
                    }

                    step = -2 * 0.5 * 0.5 * (5 - variance);
                }
                else
                {
                    double e = 0;
                    for (int i = problem.GapOffsets[cand.Gap]; i < problem.GapOffsets[cand.Gap + 1]; i++)
                    {
                        e += 0.5 * Math.Log(1 + (cand.RevealPrecision / (problem.BasePrecision[i] + added[cand.Gap])));
                    }

                    step = -2 * 0.5 * e;
                }

                double ng = g + (Math.Pow(0.9, k) * step), np = prior + cand.LogPrior;
                var next = new List<int>(path) { c };
                if (cand.IsRespond || next.Count == 3)
                {
                    brute.Add((next.ToArray(), ng, np));
                    continue;
                }

                double[] na = (double[])added.Clone();
                na[cand.Gap] += cand.RevealPrecision;
                Walk(next, na, ng, np);
            }
        }

        Walk([], new double[2], 0, 0);
        Assert.Equal(brute.Count, result.PlansEvaluated);
        double[] logits = brute.Select(x => -x.G + x.Prior).ToArray();
        double[] probs = new double[logits.Length];
        StableSoftmax.SoftmaxFromLogits(logits, probs);
        foreach (Plan plan in result.Plans)
        {
            int index = brute.FindIndex(x => x.Steps.SequenceEqual(plan.Steps));
            Assert.True(index >= 0);
            Assert.Equal(brute[index].G, plan.ExpectedFreeEnergy, 1e-4 * (1 + Math.Abs(brute[index].G)));
            Assert.Equal(probs[index], plan.Probability, 1e-4);
        }

        var ordered = brute.OrderBy(x => x.G).Take(result.Plans.Count).Select(x => x.G).ToArray();
        Assert.Equal(ordered, result.Plans.Select(pl => (double)pl.ExpectedFreeEnergy), new ToleranceComparer(1e-4));
    }

    [Fact]
    public void Evaluate_Plans_RankedByAscendingEfeWithMatchingProbabilities()
    {
        PlanningProblem problem = Problem(2f);
        using var evaluator = new PolicyEvaluator(new PolicyEvaluatorOptions());
        PolicyEvaluation result = evaluator.Evaluate(problem, 5, NoLimit, Frozen);
        for (int k = 1; k < result.Plans.Count; k++)
        {
            Assert.True(result.Plans[k - 1].ExpectedFreeEnergy <= result.Plans[k].ExpectedFreeEnergy);
            Assert.True(result.Plans[k - 1].Probability >= result.Plans[k].Probability - 1e-6f); // uniform priors
        }
    }

    [Fact]
    public void Evaluate_HighUncertainty_InformativeActionBeforeAnswer()
    {
        using var evaluator = new PolicyEvaluator(new PolicyEvaluatorOptions());
        PolicyEvaluation result = evaluator.Evaluate(Problem(2f), 5, NoLimit, Frozen);
        Plan best = result.Plans[0];
        Assert.Equal(0, best.Steps[0]);
        Assert.Equal(1, best.Steps[^1]);
        Assert.True(result.FirstStepProbability[0] > result.FirstStepProbability[1]);
    }

    [Fact]
    public void Evaluate_LowUncertainty_AnswerFirst()
    {
        using var evaluator = new PolicyEvaluator(new PolicyEvaluatorOptions());
        PolicyEvaluation result = evaluator.Evaluate(Problem(40f), 5, NoLimit, Frozen);
        Assert.Equal([1], result.Plans[0].Steps);
        Assert.True(result.FirstStepProbability[1] > result.FirstStepProbability[0]);
    }

    [Fact]
    public void Evaluate_SameProblemTwice_SecondIsCacheHit()
    {
        var cache = new EfeCache(1 << 20);
        using var evaluator = new PolicyEvaluator(new PolicyEvaluatorOptions(), cache);
        PolicyEvaluation first = evaluator.Evaluate(Problem(2f), 5, NoLimit, Frozen);
        PolicyEvaluation second = evaluator.Evaluate(Problem(2f), 5, NoLimit, Frozen);
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(1, cache.Misses);
        Assert.Equal(first.Plans.Select(p => p.ExpectedFreeEnergy), second.Plans.Select(p => p.ExpectedFreeEnergy));
    }

    [Fact]
    public void Evaluate_BudgetOverrun_ReturnsPlansSoFarMarked()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(10));
        using var evaluator = new PolicyEvaluator(new PolicyEvaluatorOptions { PruningThreshold = 0f });
        PolicyEvaluation result = evaluator.Evaluate(SixTypes(), 5, TimeSpan.FromMilliseconds(5), clock);
        Assert.True(result.TimedOut);
        Assert.NotEmpty(result.Plans);
    }

    [Fact]
    public void Evaluate_PolicyBudgetOverrun_EveryFirstStepKeepsPlansAndResultIsMarked()
    {
        // Every clock read advances 1 ms; a first step's subtree reads the clock at its start and every 16 nodes, so
        // with a 1.5 ms per-policy budget a subtree is cut at its second check. The 1 h total budget never fires.
        PlanningProblem problem = SixTypes();
        using var full = new PolicyEvaluator(new PolicyEvaluatorOptions { PruningThreshold = 0f });
        PolicyEvaluation reference = full.Evaluate(problem, 5, NoLimit, Frozen);
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(1));
        var cache = new EfeCache(1 << 20);
        using var evaluator = new PolicyEvaluator(new PolicyEvaluatorOptions { PruningThreshold = 0f, EfeTimeout = TimeSpan.FromMilliseconds(1.5) }, cache);

        PolicyEvaluation cut = evaluator.Evaluate(problem, 5, TimeSpan.FromHours(1), clock);

        // Branching 4 of 7 candidates, depth 5, no pruning: the 4 first steps root subtrees of up to 85 expanded nodes
        // each, over the ~32 a 1.5 ms policy budget allows here (the answer step ends some plans early).
        Assert.False(reference.TimedOut);
        Assert.Equal(0, reference.PolicyBudgetOverruns);
        Assert.True(cut.TimedOut);
        Assert.Equal(4, cut.PolicyBudgetOverruns);
        Assert.InRange(cut.PlansEvaluated, 4, reference.PlansEvaluated - 1);

        // Unlike the whole-evaluation budget, which stops the search, each first step kept its best plans so far.
        int[] firstSteps = [.. Enumerable.Range(0, problem.Candidates.Count).Where(c => reference.FirstStepProbability[c] > 0)];
        Assert.Equal(4, firstSteps.Length);
        Assert.All(firstSteps, c => Assert.True(cut.FirstStepProbability[c] > 0, $"first step {c} lost its plans"));
        Assert.True(cut.Plans[0].ExpectedFreeEnergy >= reference.Plans[0].ExpectedFreeEnergy, "a partial search cannot beat the full one");

        // A partial result is not cached.
        PolicyEvaluation again = evaluator.Evaluate(problem, 5, TimeSpan.FromHours(1), clock);
        Assert.False(again.FromCache);
        Assert.Equal(0, cache.Hits);
    }

    [Fact]
    public void Evaluate_TotalBudgetOverrunWithGenerousPolicyBudget_StopsTheSearchWithoutPolicyOverruns()
    {
        // The contrast to the per-policy budget: the whole evaluation's budget stops everything, so later first steps
        // get no plan at all.
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(1));
        using var evaluator = new PolicyEvaluator(new PolicyEvaluatorOptions { PruningThreshold = 0f, EfeTimeout = TimeSpan.FromHours(1) });

        PolicyEvaluation result = evaluator.Evaluate(SixTypes(), 5, TimeSpan.FromMilliseconds(1.5), clock);

        Assert.True(result.TimedOut);
        Assert.Equal(0, result.PolicyBudgetOverruns);
        Assert.True(result.FirstStepProbability.Count(p => p > 0) < 4, "the search stopped inside the first subtrees");
    }

    private static PlanningProblem SixTypes()
    {
        var problem = new PlanningProblem();
        problem.AddGap(Enumerable.Repeat(1.5f, 64).ToArray());
        foreach (EpistemicActionType t in Enum.GetValues<EpistemicActionType>())
        {
            problem.AddCandidate(new PolicyCandidate(false, t, 0, 0.2f + (0.3f * (int)t), 0f));
        }

        problem.AddCandidate(new PolicyCandidate(true, default, -1, 0f, 0f));
        return problem;
    }

    [Fact]
    public void Evaluate_DefaultPruning_PrunesBranches()
    {
        PlanningProblem problem = SixTypes();
        using var evaluator = new PolicyEvaluator(new PolicyEvaluatorOptions());
        PolicyEvaluation result = evaluator.Evaluate(problem, 5, NoLimit, Frozen);
        Assert.True(result.BranchesPruned > 0);
        Assert.InRange(result.PlansEvaluated, 1, 1364);
    }

    [Fact]
    public void Search_SteadyState_AllocatesNothing()
    {
        PlanningProblem problem = Problem(2f);
        using var evaluator = new PolicyEvaluator(new PolicyEvaluatorOptions());
        var ws = evaluator.Prepare(problem, 5);
        evaluator.Search(ws, problem.Candidates.Count, problem.GapCount, 5, problem, NoLimit, Frozen);
        ws = evaluator.Prepare(problem, 5);
        long before = GC.GetAllocatedBytesForCurrentThread();
        ws = evaluator.Prepare(problem, 5);
        evaluator.Search(ws, problem.Candidates.Count, problem.GapCount, 5, problem, NoLimit, Frozen);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(ws.LeafCount > 0);
    }

    [Fact]
    public void Evaluate_NoCandidates_PolicyEvaluationFailed()
    {
        using var evaluator = new PolicyEvaluator(new PolicyEvaluatorOptions());
        var ex = Assert.Throws<Actinf.Epistemic.Errors.ActiveInferenceException>(() => evaluator.Evaluate(new PlanningProblem(), 5, NoLimit, Frozen));
        Assert.Equal(-32013, ex.McpCode);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * (1 + Math.Abs(x));

        public int GetHashCode(double obj) => 0;
    }
}
