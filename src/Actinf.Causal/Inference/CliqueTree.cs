namespace Actinf.Causal.Inference;

/// <summary>
/// All posterior marginals of a query in two passes over the elimination tree (Shafer–Shenoy): the upward
/// pass is variable elimination of every free variable, each step's message going to the step that
/// consumes it; the downward pass sends each step what the rest of the network says about its separator.
/// A marginal is then read from one clique. Cost about three eliminations, whatever the number of targets,
/// where one elimination per target would grow with their count.
/// </summary>
internal static class CliqueTree
{
    /// <summary>
    /// Normalised marginals of <paramref name="targets"/> (free variables, all eliminated by the plan) and ln Z.
    /// </summary>
    /// <exception cref="ImpossibleEvidenceException">Z = 0.</exception>
    public static (double[][] Marginals, double LogZ) Marginals(EliminationPlan plan, int[] targets)
    {
        List<Factor> factors = plan.Factors;
        int[] order = plan.Order;
        var steps = new Step[order.Length];
        var stepOf = new Dictionary<int, int>(order.Length);

        // Pool of live factors with their origin: -1 = a network factor, i = the message of step i.
        var pool = new List<(Factor Factor, int From)>(factors.Count);
        foreach (Factor f in factors)
        {
            pool.Add((f, -1));
        }

        var bucket = new List<Factor>();
        for (int i = 0; i < order.Length; i++)
        {
            int v = order[i];
            var step = new Step(v);
            bucket.Clear();
            int write = 0;
            for (int k = 0; k < pool.Count; k++)
            {
                (Factor f, int from) = pool[k];
                if (f.IndexOf(v) < 0)
                {
                    pool[write++] = pool[k];
                    continue;
                }

                bucket.Add(f);
                if (from < 0)
                {
                    step.Local.Add(f);
                }
                else
                {
                    step.Children.Add(from);
                    steps[from].Parent = i;
                }
            }

            pool.RemoveRange(write, pool.Count - write);
            step.Message = FactorKernel.Combine(bucket, v, maximise: false, out _);
            steps[i] = step;
            stepOf[v] = i;
            pool.Add((step.Message, i));
        }

        double logZ = 0;
        foreach ((Factor f, _) in pool)
        {
            double value = f.Values.Length == 1 ? f.Values[0] : double.NaN;
            if (!(value > 0) || double.IsNegativeInfinity(f.LogScale))
            {
                throw new ImpossibleEvidenceException("the clamps have probability 0 (an observation ruled out by the network, e.g. by a structural zero in a CPT); no posterior exists.");
            }

            logZ += Math.Log(value) + f.LogScale;
        }

        // Downward pass, last step first: what every other part of the network says about step i's separator.
        var down = new Factor?[order.Length];
        var gather = new List<Factor>();
        for (int i = order.Length - 1; i >= 0; i--)
        {
            int p = steps[i].Parent;
            if (p < 0)
            {
                continue;
            }

            gather.Clear();
            gather.AddRange(steps[p].Local);
            foreach (int c in steps[p].Children)
            {
                if (c != i)
                {
                    gather.Add(steps[c].Message!);
                }
            }

            if (down[p] is Factor fromAbove)
            {
                gather.Add(fromAbove);
            }

            Factor separator = steps[i].Message!;
            AddMissing(gather, separator);
            down[i] = FactorKernel.Project(gather, separator.Variables);
        }

        var marginals = new double[targets.Length][];
        for (int t = 0; t < targets.Length; t++)
        {
            Step step = steps[stepOf[targets[t]]];
            gather.Clear();
            gather.AddRange(step.Local);
            foreach (int c in step.Children)
            {
                gather.Add(steps[c].Message!);
            }

            if (down[stepOf[targets[t]]] is Factor fromAbove)
            {
                gather.Add(fromAbove);
            }

            Factor belief = FactorKernel.Project(gather, [targets[t]]);
            double sum = 0;
            foreach (double x in belief.Values)
            {
                sum += x;
            }

            var p = new double[belief.Values.Length];
            for (int s = 0; s < p.Length; s++)
            {
                p[s] = belief.Values[s] / sum;
            }

            marginals[t] = p;
        }

        return (marginals, logZ);
    }

    /// <summary>Separator variables seen by no gathered factor get a factor of ones (they are unconstrained there).</summary>
    private static void AddMissing(List<Factor> gather, Factor separator)
    {
        for (int j = 0; j < separator.Variables.Length; j++)
        {
            int v = separator.Variables[j];
            bool seen = false;
            foreach (Factor f in gather)
            {
                if (f.IndexOf(v) >= 0)
                {
                    seen = true;
                    break;
                }
            }

            if (!seen)
            {
                var ones = new double[separator.Cardinalities[j]];
                Array.Fill(ones, 1.0);
                gather.Add(new Factor([v], [separator.Cardinalities[j]], ones));
            }
        }
    }

    private sealed class Step(int variable)
    {
        public int Variable { get; } = variable;

        public List<Factor> Local { get; } = [];

        public List<int> Children { get; } = [];

        public int Parent { get; set; } = -1;

        public Factor? Message { get; set; }
    }
}
