namespace Actinf.Causal.Inference;

/// <summary>
/// What one elimination will do: the factors of the pruned, mutilated, evidence-sliced network and the
/// order in which to eliminate, with the order's cost (sum of the clique tables it creates).
/// </summary>
internal sealed class EliminationPlan
{
    private EliminationPlan(List<Factor> factors, int[] order, double largestClique, double totalTable)
    {
        Factors = factors;
        Order = order;
        LargestClique = largestClique;
        TotalTable = totalTable;
    }

    /// <summary>The factors to eliminate from (consumed by the elimination).</summary>
    public List<Factor> Factors { get; }

    /// <summary>Variables in elimination order.</summary>
    public int[] Order { get; }

    /// <summary>Entries of the largest clique table the order creates.</summary>
    public double LargestClique { get; }

    /// <summary>Sum of the clique tables the order creates: the work of one pass.</summary>
    public double TotalTable { get; }

    /// <summary>
    /// Plans the elimination for <paramref name="keep"/>: prunes to the mutilated ancestors of keep and of
    /// the evidence, then orders every free relevant variable except keep (or including keep when
    /// <paramref name="eliminateKept"/>, as the clique tree needs).
    /// </summary>
    public static EliminationPlan Create(ResolvedClamps resolved, int[] keep, bool eliminateKept)
    {
        var seeds = new List<int>(keep.Length + resolved.EvidenceVariables.Count);
        seeds.AddRange(keep);
        seeds.AddRange(resolved.EvidenceVariables);
        bool[] relevant = resolved.MutilatedAncestors(seeds);
        List<Factor> factors = resolved.Factors(relevant);
        var isKept = new HashSet<int>(keep);
        var eliminate = new List<int>();
        for (int v = 0; v < relevant.Length; v++)
        {
            if (relevant[v] && resolved.Fixed[v] < 0 && (eliminateKept || !isKept.Contains(v)))
            {
                eliminate.Add(v);
            }
        }

        (int[] order, double largest, double total) = EliminationOrdering.Choose(factors, eliminate, resolved.Cardinalities, resolved.Orders);
        return new EliminationPlan(factors, order, largest, total);
    }
}
