using Actinf.Causal.Networks;

namespace Actinf.Causal.Inference;

/// <summary>
/// Exact inference on a <see cref="BayesianNetwork"/> by variable elimination. Every query prunes the
/// network to the ancestors of its targets and evidence in the mutilated graph (everything else sums to 1),
/// applies graph surgery for interventions, slices CPTs at fixed values, and eliminates in a greedy
/// weighted min-fill order. Cost is exponential only in the width of that order on the pruned network.
/// Thread-safe: one instance can serve concurrent queries.
/// </summary>
public sealed partial class ExactInference
{
    /// <summary>Largest joint table over MAP variables enumerated to find the runner-up (2^22 entries).</summary>
    private const long MaxMapTable = 1L << 22;

    /// <summary>From this many free targets on, one clique-tree pass replaces one elimination per target.</summary>
    private const int CliqueTreeFromTargets = 3;

    /// <summary>Largest sum of per-target relevant-set sizes for which per-target plans are costed.</summary>
    private const long MaxPlannedPerTarget = 20_000;

    private readonly OrderCache? _orders;

    /// <summary>Creates the engine for <paramref name="network"/>.</summary>
    /// <param name="network">The network to query.</param>
    /// <param name="reuseOrders">Keep the elimination orders found, keyed by query structure, and reuse them
    /// for later queries of the same shape (different observed values, same variables). On by default.</param>
    public ExactInference(BayesianNetwork network, bool reuseOrders = true)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
        _orders = reuseOrders ? new OrderCache() : null;
    }

    /// <summary>Queries whose elimination order came from the order cache (0 when it is off).</summary>
    public long ReusedOrders => _orders?.Hits ?? 0;

    /// <summary>Queries whose elimination order had to be searched for.</summary>
    public long SearchedOrders => _orders?.Misses ?? 0;

    /// <summary>The network queried.</summary>
    public BayesianNetwork Network { get; }

    /// <summary>
    /// Posterior marginals of <paramref name="targets"/> under <paramref name="clamps"/>. A hard-clamped
    /// target gets the point mass on its clamped state.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown variable or state, or an invalid clamp.</exception>
    /// <exception cref="ImpossibleEvidenceException">The clamps have probability 0.</exception>
    public Posterior Query(IReadOnlyList<string> targets, Clamps? clamps = null)
    {
        int[] targetIndex = ResolveVariables(targets, "target");
        ResolvedClamps resolved = Resolve(clamps);
        var marginals = new Distribution[targetIndex.Length];
        var free = new List<int>(targetIndex.Length);
        for (int t = 0; t < targetIndex.Length; t++)
        {
            int target = targetIndex[t];
            if (resolved.Fixed[target] >= 0)
            {
                var point = new double[Network[target].Cardinality];
                point[resolved.Fixed[target]] = 1;
                marginals[t] = new Distribution(Network[target], point);
            }
            else
            {
                free.Add(t);
            }
        }

        var freeTargets = new int[free.Count];
        for (int i = 0; i < free.Count; i++)
        {
            freeTargets[i] = targetIndex[free[i]];
        }

        EliminationPlan[]? perTarget = null;
        EliminationPlan? tree = null;
        if (free.Count >= CliqueTreeFromTargets)
        {
            // Choose by estimated work: three passes of the joint plan against one plan per target (each
            // pruned to its own ancestors). Per-target plans are only costed when they are cheap to order.
            tree = EliminationPlan.Create(resolved, freeTargets, eliminateKept: true);
            if (RelevantSum(resolved, freeTargets) <= MaxPlannedPerTarget)
            {
                perTarget = PlanEach(resolved, freeTargets);
                double separate = 0;
                foreach (EliminationPlan plan in perTarget)
                {
                    separate += plan.TotalTable;
                }

                if (separate <= 3 * tree.TotalTable)
                {
                    tree = null;
                }
            }
        }

        double logZ = double.NaN;
        if (tree is not null)
        {
            (double[][] p, logZ) = CliqueTree.Marginals(tree, freeTargets);
            for (int i = 0; i < free.Count; i++)
            {
                marginals[free[i]] = new Distribution(Network[freeTargets[i]], p[i]);
            }
        }
        else
        {
            perTarget ??= PlanEach(resolved, freeTargets);
            for (int i = 0; i < free.Count; i++)
            {
                Factor result = Execute(perTarget[i], [freeTargets[i]]);
                marginals[free[i]] = new Distribution(Network[freeTargets[i]], Normalise(result, out logZ));
            }
        }

        if (double.IsNaN(logZ))
        {
            logZ = LogEvidence(resolved);
            if (double.IsNegativeInfinity(logZ))
            {
                throw Impossible();
            }
        }

        return new Posterior(marginals, Math.Exp(logZ), logZ);
    }

    /// <summary>The joint posterior of <paramref name="variables"/> (row-major, last fastest).</summary>
    /// <exception cref="ArgumentException">Unknown, repeated or hard-clamped variable, or an invalid clamp.</exception>
    /// <exception cref="ImpossibleEvidenceException">The clamps have probability 0.</exception>
    public JointDistribution Joint(IReadOnlyList<string> variables, Clamps? clamps = null)
    {
        int[] index = ResolveVariables(variables, "joint variable");
        ResolvedClamps resolved = Resolve(clamps);
        RejectFixed(resolved, index, "a joint distribution");
        Factor result = Eliminate(resolved, index);
        double[] ascending = Normalise(result, out double logZ);
        double[] table = Reorder(result, ascending, index);
        var vars = new Variable[index.Length];
        for (int i = 0; i < index.Length; i++)
        {
            vars[i] = Network[index[i]];
        }

        return new JointDistribution(vars, table, Math.Exp(logZ), logZ);
    }

    /// <summary>
    /// The cost of eliminating every variable relevant to <paramref name="targets"/> (all variables when
    /// null) under <paramref name="clamps"/>, without running the elimination: what MPE or a clique-tree
    /// pass over those variables would build.
    /// </summary>
    public InferenceCost EstimateCost(IReadOnlyList<string>? targets = null, Clamps? clamps = null)
    {
        ResolvedClamps resolved = Resolve(clamps);
        int[] keep;
        if (targets is null)
        {
            var all = new List<int>();
            for (int v = 0; v < Network.Count; v++)
            {
                if (resolved.Fixed[v] < 0)
                {
                    all.Add(v);
                }
            }

            keep = [.. all];
        }
        else
        {
            keep = ResolveVariables(targets, "target");
            RejectFixed(resolved, keep, "a cost estimate");
        }

        EliminationPlan plan = EliminationPlan.Create(resolved, keep, eliminateKept: true);
        return new InferenceCost(
            plan.Order.Length,
            EliminationOrdering.InducedWidth(plan.Factors, plan.Order, resolved.Cardinalities),
            plan.LargestClique,
            plan.TotalTable);
    }

    /// <summary>ln Z of the clamps (negative infinity when they are impossible).</summary>
    public double LogEvidenceProbability(Clamps clamps)
    {
        ArgumentNullException.ThrowIfNull(clamps);
        return LogEvidence(Resolve(clamps));
    }

    private static double LogEvidence(ResolvedClamps resolved)
    {
        if (resolved.EvidenceVariables.Count == 0)
        {
            return 0;
        }

        Factor scalar = Eliminate(resolved, []);
        return scalar.Values[0] > 0 ? Math.Log(scalar.Values[0]) + scalar.LogScale : double.NegativeInfinity;
    }

    /// <summary>
    /// Sum-product elimination of every relevant variable except <paramref name="keep"/> (ascending result
    /// scope). Relevant = ancestors of keep and of the evidence in the mutilated graph.
    /// </summary>
    private static Factor Eliminate(ResolvedClamps resolved, int[] keep) =>
        Execute(EliminationPlan.Create(resolved, keep, eliminateKept: false), keep);

    private static Factor Execute(EliminationPlan plan, int[] keep)
    {
        List<Factor> factors = plan.Factors;
        foreach (int v in plan.Order)
        {
            EliminateOne(factors, v, maximise: false, out _);
        }

        return factors.Count == 1 && factors[0].Variables.Length == keep.Length
            ? factors[0]
            : FactorKernel.Combine(factors, -1, maximise: false, out _);
    }

    private static EliminationPlan[] PlanEach(ResolvedClamps resolved, int[] targets)
    {
        var plans = new EliminationPlan[targets.Length];
        for (int i = 0; i < targets.Length; i++)
        {
            plans[i] = EliminationPlan.Create(resolved, [targets[i]], eliminateKept: false);
        }

        return plans;
    }

    private static long RelevantSum(ResolvedClamps resolved, int[] targets)
    {
        long sum = 0;
        var seeds = new List<int>(resolved.EvidenceVariables.Count + 1);
        foreach (int t in targets)
        {
            seeds.Clear();
            seeds.Add(t);
            seeds.AddRange(resolved.EvidenceVariables);
            foreach (bool r in resolved.MutilatedAncestors(seeds))
            {
                sum += r ? 1 : 0;
            }
        }

        return sum;
    }

    /// <summary>Replaces the factors that mention <paramref name="v"/> by their product with v summed or maximised out.</summary>
    private static Factor EliminateOne(List<Factor> factors, int v, bool maximise, out byte[]? argMax)
    {
        var bucket = new List<Factor>();
        int write = 0;
        for (int i = 0; i < factors.Count; i++)
        {
            Factor f = factors[i];
            if (f.IndexOf(v) >= 0)
            {
                bucket.Add(f);
            }
            else
            {
                factors[write++] = f;
            }
        }

        factors.RemoveRange(write, factors.Count - write);
        Factor combined = FactorKernel.Combine(bucket, v, maximise, out argMax);
        factors.Add(combined);
        return combined;
    }

    private static double[] Normalise(Factor result, out double logSum)
    {
        double sum = 0;
        foreach (double x in result.Values)
        {
            sum += x;
        }

        if (!(sum > 0) || double.IsNegativeInfinity(result.LogScale))
        {
            throw Impossible();
        }

        logSum = Math.Log(sum) + result.LogScale;
        var p = new double[result.Values.Length];
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = result.Values[i] / sum;
        }

        return p;
    }

    /// <summary>Permutes a table over ascending variables into the order of <paramref name="order"/>.</summary>
    private static double[] Reorder(Factor ascending, double[] values, int[] order)
    {
        int k = order.Length;
        int[] sourceStrides = ascending.Strides();
        var strides = new int[k];
        var cards = new int[k];
        for (int i = 0; i < k; i++)
        {
            int pos = ascending.IndexOf(order[i]);
            strides[i] = sourceStrides[pos];
            cards[i] = ascending.Cardinalities[pos];
        }

        var table = new double[values.Length];
        var digits = new int[k];
        int offset = 0;
        for (int o = 0; o < table.Length; o++)
        {
            table[o] = values[offset];
            for (int j = k - 1; j >= 0; j--)
            {
                if (++digits[j] < cards[j])
                {
                    offset += strides[j];
                    break;
                }

                digits[j] = 0;
                offset -= strides[j] * (cards[j] - 1);
            }
        }

        return table;
    }

    private int[] ResolveVariables(IReadOnlyList<string> names, string role)
    {
        ArgumentNullException.ThrowIfNull(names);
        var index = new int[names.Count];
        var seen = new HashSet<int>();
        for (int i = 0; i < names.Count; i++)
        {
            if (!Network.TryGetVariable(names[i], out Variable v))
            {
                throw new ArgumentException($"{role} names unknown variable '{names[i]}' (network '{Network.Name}').", nameof(names));
            }

            if (!seen.Add(v.Index))
            {
                throw new ArgumentException($"{role} '{names[i]}' is listed twice.", nameof(names));
            }

            index[i] = v.Index;
        }

        return index;
    }

    private void RejectFixed(ResolvedClamps resolved, int[] index, string what)
    {
        foreach (int v in index)
        {
            if (resolved.Fixed[v] >= 0)
            {
                throw new ArgumentException($"'{Network[v].Name}' is hard-clamped; {what} is over unclamped variables.");
            }
        }
    }

    private ResolvedClamps Resolve(Clamps? clamps) => ResolvedClamps.Resolve(Network, clamps, _orders);

    private static ImpossibleEvidenceException Impossible() =>
        new("the clamps have probability 0 (an observation ruled out by the network, e.g. by a structural zero in a CPT); no posterior exists.");
}
