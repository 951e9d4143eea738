using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Errors;
using Actinf.Epistemic.Numerics;

namespace Actinf.Epistemic.Planning;

/// <summary>
/// Evaluates plans of up to depth D over the candidate steps of a <see cref="PlanningProblem"/> by expected
/// free energy, rolled forward exactly for the linear-Gaussian case (seed 004 REQ-ACTINF-005).
/// </summary>
/// <remarks>
/// <para>Tree search: at each node every candidate's one-step G is computed from the rolled-forward precisions;
/// the <c>BranchingFactor</c> best children (by -G/T + log prior) are expanded, a child whose softmax weight
/// among its siblings or whose path probability is below <c>PruningThreshold</c> is pruned (the best child is
/// always kept). The answer step ends a plan. G(plan) = Σ_k discount^k G_k, P(plan) ∝ exp(-G/T)·prior.</para>
/// <para>Thread-safe: scratch is per thread; the <see cref="EfeCache"/> is locked.</para>
/// </remarks>
public sealed class PolicyEvaluator : IDisposable
{
    /// <summary>Maximum plans returned in <see cref="PolicyEvaluation.Plans"/>.</summary>
    public const int MaxReportedPlans = 16;

    private readonly ThreadLocal<PlannerWorkspace?> _workspace = new();
    private long _evaluations;
    private long _plansScored;
    private long _pruned;

    /// <summary>Creates an evaluator.</summary>
    /// <param name="options">Validated options.</param>
    /// <param name="cache">Optional shared EFE cache.</param>
    /// <exception cref="ActiveInferenceException"><see cref="ErrorKind.ConfigurationError"/> for invalid options.</exception>
    public PolicyEvaluator(PolicyEvaluatorOptions options, EfeCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Cache = cache;
    }

    /// <summary>The options.</summary>
    public PolicyEvaluatorOptions Options { get; }

    /// <summary>The EFE cache, if any.</summary>
    public EfeCache? Cache { get; }

    /// <summary>Evaluations performed (cache hits included).</summary>
    public long Evaluations => Interlocked.Read(ref _evaluations);

    /// <summary>Plans scored in all evaluations (cache misses only).</summary>
    public long PlansScored => Interlocked.Read(ref _plansScored);

    /// <summary>Branches pruned in all evaluations.</summary>
    public long BranchesPruned => Interlocked.Read(ref _pruned);

    /// <summary>Evaluates all plans up to <paramref name="depth"/> steps.</summary>
    /// <param name="problem">Gaps, candidates and pragmatic terms.</param>
    /// <param name="depth">Plan depth (1 … MaxDepth).</param>
    /// <param name="budget">
    /// Time budget of the whole evaluation; on overrun the search stops and the plans scored so far are returned with
    /// TimedOut set. Separately, the plans that begin with one first step (one policy and its continuations) get
    /// <see cref="PolicyEvaluatorOptions.EfeTimeout"/> each: on overrun that first step keeps the plans it scored
    /// (at least one), the search moves on to the next first step, and the result is marked (TimedOut,
    /// PolicyBudgetOverruns).
    /// </param>
    /// <param name="timeProvider">Clock.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ActiveInferenceException">
    /// <see cref="ErrorKind.PolicyEvaluationFailed"/> for an empty problem or a bad depth;
    /// <see cref="ErrorKind.NumericalInstability"/> for non-finite precisions.
    /// </exception>
    public PolicyEvaluation Evaluate(PlanningProblem problem, int depth, TimeSpan budget, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (problem.Candidates.Count == 0)
        {
            throw new ActiveInferenceException(ErrorKind.PolicyEvaluationFailed, "The planning problem has no candidate steps; add at least the answer step.");
        }

        if (depth < 1 || depth > Options.MaxDepth)
        {
            throw new ActiveInferenceException(ErrorKind.PolicyEvaluationFailed, $"Plan depth {depth} is outside 1..{Options.MaxDepth} (PolicyEvaluator.MaxDepth).");
        }

        foreach (float p in problem.BasePrecision)
        {
            if (!(p > 0) || !float.IsFinite(p))
            {
                throw new ActiveInferenceException(ErrorKind.NumericalInstability, $"A belief precision in the planning problem is {p}; precisions must be finite and positive.");
            }
        }

        Interlocked.Increment(ref _evaluations);
        ulong key = problem.Fingerprint(depth, Options.BranchingFactor, Options.DiscountFactor, Options.SelectionTemperature, Options.PruningThreshold);
        if (Cache is not null && Cache.TryGet(key, out PolicyEvaluation? cached) && cached is not null)
        {
            return cached with { FromCache = true };
        }

        PlannerWorkspace ws = Prepare(problem, depth);
        var stats = Search(ws, problem.Candidates.Count, problem.GapCount, depth, problem, budget, timeProvider);
        PolicyEvaluation result = Materialise(ws, problem, stats);
        Interlocked.Add(ref _plansScored, result.PlansEvaluated);
        Interlocked.Add(ref _pruned, result.BranchesPruned);
        if (Cache is not null && !result.TimedOut)
        {
            Cache.Add(key, result);
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _workspace.Dispose();

    internal PlannerWorkspace Prepare(PlanningProblem problem, int depth)
    {
        PlannerWorkspace ws = _workspace.Value ??= new PlannerWorkspace();
        int gaps = problem.GapCount, count = problem.Candidates.Count;
        int leafCapacity = 0, power = 1;
        for (int k = 1; k <= depth; k++)
        {
            power *= Math.Min(Options.BranchingFactor, count);
            leafCapacity += power;
        }

        ws.Ensure(problem.BasePrecision.Count, gaps, count, depth, leafCapacity);
        ws.Depth = depth;
        for (int i = 0; i < problem.BasePrecision.Count; i++)
        {
            ws.Base[i] = problem.BasePrecision[i];
        }

        for (int g = 0; g <= gaps; g++)
        {
            ws.Offsets[g] = problem.GapOffsets[g];
        }

        for (int c = 0; c < count; c++)
        {
            ws.Candidates[c] = problem.Candidates[c];
        }

        Array.Clear(ws.Added, 0, gaps);
        return ws;
    }

    internal (int Nodes, int Pruned, bool TimedOut, int PolicyOverruns) Search(PlannerWorkspace ws, int count, int gaps, int depth, PlanningProblem problem, TimeSpan budget, TimeProvider timeProvider)
    {
        var search = new TreeSearch(ws, count, gaps, depth, Options, problem, budget, timeProvider);
        search.Expand(0, 0, 0, 0, 0, 1.0);
        return (search.Nodes, search.Pruned, search.TimedOut || search.PolicyOverruns > 0, search.PolicyOverruns);
    }

    private PolicyEvaluation Materialise(PlannerWorkspace ws, PlanningProblem problem, (int Nodes, int Pruned, bool TimedOut, int PolicyOverruns) stats)
    {
        int leaves = ws.LeafCount, count = problem.Candidates.Count, depthStride = ws.Depth;
        Span<double> logits = ws.LeafLogit.AsSpan(0, leaves);
        StableSoftmax.SoftmaxFromLogits(logits, logits);
        var first = new float[count];
        var inclusion = new float[count];
        Span<bool> seen = count <= 256 ? stackalloc bool[count] : new bool[count];
        for (int leaf = 0; leaf < leaves; leaf++)
        {
            float prob = (float)logits[leaf];
            int len = ws.LeafLength[leaf];
            first[ws.LeafSteps[leaf * depthStride]] += prob;
            seen.Clear();
            for (int k = 0; k < len; k++)
            {
                int c = ws.LeafSteps[(leaf * depthStride) + k];
                if (!seen[c] && !problem.Candidates[c].IsRespond)
                {
                    seen[c] = true;
                    inclusion[c] += prob;
                }
            }
        }

        int[] order = Enumerable.Range(0, leaves).ToArray();
        float[] g = ws.LeafG;
        Array.Sort(order, (a, b) => g[a] != g[b] ? g[a].CompareTo(g[b]) : a.CompareTo(b));
        var plans = new List<Plan>(Math.Min(MaxReportedPlans, leaves));
        for (int r = 0; r < Math.Min(MaxReportedPlans, leaves); r++)
        {
            int leaf = order[r];
            var steps = new int[ws.LeafLength[leaf]];
            Array.Copy(ws.LeafSteps, leaf * depthStride, steps, 0, steps.Length);
            plans.Add(new Plan(steps, ws.LeafG[leaf], ws.LeafE[leaf], ws.LeafP[leaf], ws.LeafPrior[leaf], (float)logits[leaf]));
        }

        var oneStep = new float[count];
        for (int c = 0; c < count; c++)
        {
            PolicyCandidate cand = problem.Candidates[c];
            if (!cand.IsRespond)
            {
                int start = ws.Offsets[cand.Gap], n = ws.Offsets[cand.Gap + 1] - start;
                oneStep[c] = ExpectedFreeEnergy.InformationGain(ws.Base.AsSpan(start, n), cand.RevealPrecision, ws.Scratch);
            }
        }

        return new PolicyEvaluation(plans, first, inclusion, oneStep, leaves, stats.Nodes, stats.Pruned, stats.TimedOut, false, stats.PolicyOverruns);
    }

    private struct TreeSearch
    {
        private readonly PlannerWorkspace _ws;
        private readonly int _count;
        private readonly int _gaps;
        private readonly int _depth;
        private readonly int _branching;
        private readonly float _discount;
        private readonly float _temperature;
        private readonly float _pruning;
        private readonly float _balance;
        private readonly float _halfGamma;
        private readonly float _priorVarianceSum;
        private readonly float _goal;
        private readonly TimeSpan _budget;
        private readonly TimeSpan _policyBudget;
        private readonly TimeProvider _time;
        private readonly long _start;
        private long _policyStart;
        private int _policyFirstLeaf;
        private bool _policyCut;

        public TreeSearch(PlannerWorkspace ws, int count, int gaps, int depth, PolicyEvaluatorOptions options, PlanningProblem problem, TimeSpan budget, TimeProvider time)
        {
            _ws = ws;
            _count = count;
            _gaps = gaps;
            _depth = depth;
            _branching = options.BranchingFactor;
            _discount = options.DiscountFactor;
            _temperature = options.SelectionTemperature;
            _pruning = options.PruningThreshold;
            _balance = problem.Balance;
            _halfGamma = 0.5f * problem.PreferencePrecision;
            _priorVarianceSum = problem.BasePrecision.Count / problem.PriorPrecision;
            _goal = problem.GoalAlignment;
            _budget = budget;
            _policyBudget = options.EfeTimeout;
            _time = time;
            _start = time.GetTimestamp();
            _policyStart = _start;
            _policyFirstLeaf = 0;
            _policyCut = false;
            Nodes = 0;
            Pruned = 0;
            TimedOut = false;
            PolicyOverruns = 0;
        }

        public int Nodes { get; private set; }

        public int Pruned { get; private set; }

        public bool TimedOut { get; private set; }

        /// <summary>First steps whose subtree overran the per-policy budget.</summary>
        public int PolicyOverruns { get; private set; }

        public void Expand(int level, float g, float e, float p, float prior, double pathProbability)
        {
            if (TimedOut || _policyCut)
            {
                return;
            }

            // One clock read every 16 nodes serves both budgets. A budget only stops the search once it has a plan to
            // return: the whole evaluation needs one leaf, a first step one leaf of its own subtree.
            if ((++Nodes & 15) == 0)
            {
                long now = _time.GetTimestamp();
                if (_time.GetElapsedTime(_start, now) > _budget && _ws.LeafCount > 0)
                {
                    TimedOut = true;
                    return;
                }

                if (level > 0 && _time.GetElapsedTime(_policyStart, now) > _policyBudget && _ws.LeafCount > _policyFirstLeaf)
                {
                    _policyCut = true;
                    return;
                }
            }

            PlannerWorkspace ws = _ws;
            int stepBase = level * _count;
            int addedBase = level * _gaps;
            Span<double> local = ws.Local.AsSpan(0, _count);
            for (int c = 0; c < _count; c++)
            {
                PolicyCandidate cand = ws.Candidates[c];
                float epi, prag;
                if (cand.IsRespond)
                {
                    float variance = 0;
                    for (int gap = 0; gap < _gaps; gap++)
                    {
                        variance += Variance(gap, ws.Added[addedBase + gap]);
                    }

                    epi = 0;
                    prag = (_halfGamma * (_priorVarianceSum - variance)) + _goal;
                }
                else
                {
                    epi = Gain(c, cand, ws.Added[addedBase + cand.Gap]);
                    prag = 0;
                }

                float stepG = ExpectedFreeEnergy.Combine(epi, prag, _balance);
                ws.StepG[stepBase + c] = stepG;
                ws.StepE[stepBase + c] = epi;
                ws.StepP[stepBase + c] = prag;
                local[c] = (-stepG / _temperature) + cand.LogPrior;
            }

            // Top-B children by local score (selection sort of B; B and the candidate count are small).
            Span<int> order = ws.Order.AsSpan(stepBase, _count);
            for (int c = 0; c < _count; c++)
            {
                order[c] = c;
            }

            int children = Math.Min(_branching, _count);
            for (int r = 0; r < children; r++)
            {
                int best = r;
                for (int k = r + 1; k < _count; k++)
                {
                    if (local[order[k]] > local[order[best]])
                    {
                        best = k;
                    }
                }

                (order[r], order[best]) = (order[best], order[r]);
            }

            double lse = StableSoftmax.LogSumExp(local);
            double weight = Math.Pow(_discount, level);
            for (int r = 0; r < children; r++)
            {
                int c = order[r];
                double probability = Math.Exp(local[c] - lse);
                double childPath = pathProbability * probability;
                if (r > 0 && (probability < _pruning || childPath < _pruning))
                {
                    Pruned++;
                    continue;
                }

                PolicyCandidate cand = ws.Candidates[c];
                ws.Path[level] = c;
                float ng = g + (float)(weight * ws.StepG[stepBase + c]);
                float ne = e + (float)(weight * ws.StepE[stepBase + c]);
                float np = p + (float)(weight * ws.StepP[stepBase + c]);
                float nprior = prior + cand.LogPrior;
                if (cand.IsRespond || level + 1 == _depth)
                {
                    RecordLeaf(level + 1, ng, ne, np, nprior);
                    continue;
                }

                int nextBase = (level + 1) * _gaps;
                Array.Copy(ws.Added, addedBase, ws.Added, nextBase, _gaps);
                ws.Added[nextBase + cand.Gap] += cand.RevealPrecision;
                if (level == 0)
                {
                    // A new policy (first step): its own budget starts now (seed 004 PolicyEvaluatorConfig.efe_timeout).
                    _policyStart = _time.GetTimestamp();
                    _policyFirstLeaf = ws.LeafCount;
                }

                Expand(level + 1, ng, ne, np, nprior, childPath);
                if (TimedOut)
                {
                    return;
                }

                if (_policyCut)
                {
                    if (level > 0)
                    {
                        return;
                    }

                    PolicyOverruns++;
                    _policyCut = false;
                }
            }
        }

        private readonly void RecordLeaf(int length, float g, float e, float p, float prior)
        {
            PlannerWorkspace ws = _ws;
            int leaf = ws.LeafCount;
            if (leaf >= ws.LeafLength.Length)
            {
                return;
            }

            Array.Copy(ws.Path, 0, ws.LeafSteps, leaf * _depth, length);
            ws.LeafLength[leaf] = length;
            ws.LeafG[leaf] = g;
            ws.LeafE[leaf] = e;
            ws.LeafP[leaf] = p;
            ws.LeafPrior[leaf] = prior;
            ws.LeafLogit[leaf] = (-g / _temperature) + prior;
            ws.LeafCount = leaf + 1;
        }

        private readonly float Gain(int c, PolicyCandidate cand, float added)
        {
            PlannerWorkspace ws = _ws;
            int memo = c * PlannerWorkspace.MemoSize;
            int n = ws.MemoCount[c];
            for (int k = 0; k < n; k++)
            {
                if (ws.MemoKey[memo + k] == added)
                {
                    return ws.MemoValue[memo + k];
                }
            }

            int start = ws.Offsets[cand.Gap];
            int dims = ws.Offsets[cand.Gap + 1] - start;
            float value = ExpectedFreeEnergy.InformationGain(ws.Base.AsSpan(start, dims), added, cand.RevealPrecision, ws.Scratch);
            int slot = n < PlannerWorkspace.MemoSize ? n : (int)((uint)BitConverter.SingleToUInt32Bits(added) % PlannerWorkspace.MemoSize);
            ws.MemoKey[memo + slot] = added;
            ws.MemoValue[memo + slot] = value;
            ws.MemoCount[c] = Math.Min(n + 1, PlannerWorkspace.MemoSize);
            return value;
        }

        private readonly float Variance(int gap, float added)
        {
            PlannerWorkspace ws = _ws;
            int memo = gap * PlannerWorkspace.MemoSize;
            int n = ws.VarianceCount[gap];
            for (int k = 0; k < n; k++)
            {
                if (ws.VarianceKey[memo + k] == added)
                {
                    return ws.VarianceValue[memo + k];
                }
            }

            int start = ws.Offsets[gap];
            float value = ExpectedFreeEnergy.SummedVariance(ws.Base.AsSpan(start, ws.Offsets[gap + 1] - start), added, ws.Scratch);
            int slot = n < PlannerWorkspace.MemoSize ? n : (int)((uint)BitConverter.SingleToUInt32Bits(added) % PlannerWorkspace.MemoSize);
            ws.VarianceKey[memo + slot] = added;
            ws.VarianceValue[memo + slot] = value;
            ws.VarianceCount[gap] = Math.Min(n + 1, PlannerWorkspace.MemoSize);
            return value;
        }
    }
}
