using Actinf.Causal.Networks;

namespace Actinf.Causal.Inference;

public sealed partial class ExactInference
{
    /// <summary>
    /// MPE: the jointly most probable assignment of every variable that is not hard-clamped (observed or
    /// intervened), by max-product elimination with traceback. Ties go to the first state met.
    /// </summary>
    /// <exception cref="ImpossibleEvidenceException">The clamps have probability 0.</exception>
    public Explanation MostProbableExplanation(Clamps? clamps = null)
    {
        ResolvedClamps resolved = Resolve(clamps);
        var all = new bool[Network.Count];
        Array.Fill(all, true);
        List<Factor> factors = resolved.Factors(all);
        var free = new List<int>();
        for (int v = 0; v < Network.Count; v++)
        {
            if (resolved.Fixed[v] < 0)
            {
                free.Add(v);
            }
        }

        var assignment = new int[Network.Count];
        double logMax = MaxEliminate(resolved, factors, free, assignment);
        double logZ = LogEvidence(resolved);
        if (double.IsNegativeInfinity(logMax) || double.IsNegativeInfinity(logZ))
        {
            throw Impossible();
        }

        return new Explanation(Named(free, assignment), logMax, logZ, null);
    }

    /// <summary>
    /// Marginal MAP over <paramref name="variables"/> (the others summed out): the most probable joint
    /// state of that subset, with the runner-up's posterior probability when the subset's joint table has
    /// at most 2^22 entries (otherwise constrained max-product elimination, runner-up null).
    /// </summary>
    /// <exception cref="ArgumentException">Unknown, repeated or hard-clamped variable.</exception>
    /// <exception cref="ImpossibleEvidenceException">The clamps have probability 0.</exception>
    public Explanation MaximumAPosteriori(IReadOnlyList<string> variables, Clamps? clamps = null)
    {
        int[] index = ResolveVariables(variables, "MAP variable");
        if (index.Length == 0)
        {
            throw new ArgumentException("MAP needs at least one variable.", nameof(variables));
        }

        ResolvedClamps resolved = Resolve(clamps);
        RejectFixed(resolved, index, "MAP");
        long tableSize = 1;
        foreach (int v in index)
        {
            tableSize *= Network.Cardinalities[v];
        }

        var assignment = new int[Network.Count];
        if (tableSize <= MaxMapTable)
        {
            Factor joint = Eliminate(resolved, [.. index.Order()]);
            return ExplainFromTable(joint, assignment);
        }

        // Constrained order: sum out everything else first, then maximise over the MAP variables.
        var seeds = new List<int>(index);
        seeds.AddRange(resolved.EvidenceVariables);
        bool[] relevant = resolved.MutilatedAncestors(seeds);
        List<Factor> factors = resolved.Factors(relevant);
        var isMap = new HashSet<int>(index);
        var sumOut = new List<int>();
        for (int v = 0; v < relevant.Length; v++)
        {
            if (relevant[v] && resolved.Fixed[v] < 0 && !isMap.Contains(v))
            {
                sumOut.Add(v);
            }
        }

        (int[] order, _, _) = EliminationOrdering.Choose(factors, sumOut, resolved.Cardinalities, resolved.Orders);
        foreach (int v in order)
        {
            EliminateOne(factors, v, maximise: false, out _);
        }

        double logMax = MaxEliminate(resolved, factors, [.. index], assignment);
        double logZ = LogEvidence(resolved);
        if (double.IsNegativeInfinity(logMax) || double.IsNegativeInfinity(logZ))
        {
            throw Impossible();
        }

        return new Explanation(Named(index, assignment), logMax, logZ, null);
    }

    private Explanation ExplainFromTable(Factor joint, int[] assignment)
    {
        double sum = 0;
        int best = -1;
        int second = -1;
        double[] values = joint.Values;
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i];
            if (best < 0 || values[i] > values[best])
            {
                second = best;
                best = i;
            }
            else if (second < 0 || values[i] > values[second])
            {
                second = i;
            }
        }

        if (!(sum > 0) || double.IsNegativeInfinity(joint.LogScale))
        {
            throw Impossible();
        }

        int rest = best;
        for (int j = joint.Variables.Length - 1; j >= 0; j--)
        {
            assignment[joint.Variables[j]] = rest % joint.Cardinalities[j];
            rest /= joint.Cardinalities[j];
        }

        double logZ = Math.Log(sum) + joint.LogScale;
        double logBest = Math.Log(values[best]) + joint.LogScale;
        double? runnerUp = second >= 0 ? values[second] / sum : null;
        return new Explanation(Named(joint.Variables, assignment), logBest, logZ, runnerUp);
    }

    /// <summary>
    /// Max-product elimination of <paramref name="variables"/> from <paramref name="factors"/> (any
    /// remaining variables must be among them), then traceback into <paramref name="assignment"/>.
    /// Returns ln of the maximum.
    /// </summary>
    private static double MaxEliminate(ResolvedClamps resolved, List<Factor> factors, IReadOnlyCollection<int> variables, int[] assignment)
    {
        (int[] order, _, _) = EliminationOrdering.Choose(factors, variables, resolved.Cardinalities, resolved.Orders);
        var trace = new List<(int Variable, int[] Scope, int[] Cards, byte[] ArgMax)>(order.Length);
        foreach (int v in order)
        {
            Factor output = EliminateOne(factors, v, maximise: true, out byte[]? argMax);
            trace.Add((v, output.Variables, output.Cardinalities, argMax!));
        }

        Factor scalar = FactorKernel.Combine(factors, -1, maximise: false, out _);
        if (!(scalar.Values[0] > 0) || double.IsNegativeInfinity(scalar.LogScale))
        {
            return double.NegativeInfinity;
        }

        for (int i = trace.Count - 1; i >= 0; i--)
        {
            (int v, int[] scope, int[] cards, byte[] argMax) = trace[i];
            int offset = 0;
            for (int j = 0; j < scope.Length; j++)
            {
                offset = (offset * cards[j]) + assignment[scope[j]];
            }

            assignment[v] = argMax[offset];
        }

        return Math.Log(scalar.Values[0]) + scalar.LogScale;
    }

    private Dictionary<string, string> Named(IEnumerable<int> variables, int[] assignment)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (int v in variables)
        {
            Variable variable = Network[v];
            named[variable.Name] = variable.States[assignment[v]];
        }

        return named;
    }
}
