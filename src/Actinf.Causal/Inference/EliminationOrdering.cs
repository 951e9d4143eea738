namespace Actinf.Causal.Inference;

/// <summary>
/// Greedy elimination ordering on the interaction graph of a set of factors: repeatedly eliminate the
/// variable whose elimination adds the least weighted fill (sum of |a|·|b| over the new edges a–b),
/// ties broken by the smaller clique table. Scores are recomputed only around the eliminated variable,
/// so an order costs about O(n · deg³) rather than O(n² · deg²).
/// </summary>
internal static class EliminationOrdering
{
    /// <summary>
    /// An order for eliminating <paramref name="toEliminate"/> (network indices) given the factors' scopes;
    /// variables not in the set stay (targets). Returns the order and the largest clique table size met.
    /// </summary>
    public static (int[] Order, double LargestClique) GreedyWeightedMinFill(List<Factor> factors, IReadOnlyCollection<int> toEliminate, ReadOnlySpan<int> cardinalities)
    {
        var neighbours = new Dictionary<int, HashSet<int>>();
        foreach (Factor f in factors)
        {
            foreach (int a in f.Variables)
            {
                if (!neighbours.TryGetValue(a, out HashSet<int>? set))
                {
                    set = [];
                    neighbours[a] = set;
                }

                foreach (int b in f.Variables)
                {
                    if (a != b)
                    {
                        set.Add(b);
                    }
                }
            }
        }

        var cards = cardinalities.ToArray();
        var pending = new HashSet<int>();
        foreach (int v in toEliminate)
        {
            if (neighbours.ContainsKey(v))
            {
                pending.Add(v);
            }
        }

        var score = new Dictionary<int, (double Fill, double Clique)>();
        foreach (int v in pending)
        {
            score[v] = Score(v, neighbours, cards);
        }

        var order = new List<int>(toEliminate.Count);
        double largest = 1;
        while (pending.Count > 0)
        {
            int best = -1;
            (double Fill, double Clique) bestScore = (double.MaxValue, double.MaxValue);
            foreach (int v in pending)
            {
                (double fill, double clique) = score[v];
                if (fill < bestScore.Fill || (fill == bestScore.Fill && (clique < bestScore.Clique || (clique == bestScore.Clique && v < best))))
                {
                    best = v;
                    bestScore = (fill, clique);
                }
            }

            order.Add(best);
            largest = Math.Max(largest, bestScore.Clique);
            pending.Remove(best);
            HashSet<int> around = neighbours[best];
            foreach (int a in around)
            {
                HashSet<int> na = neighbours[a];
                na.Remove(best);
                foreach (int b in around)
                {
                    if (a != b)
                    {
                        na.Add(b);
                    }
                }
            }

            neighbours.Remove(best);
            var touched = new HashSet<int>();
            foreach (int a in around)
            {
                touched.Add(a);
                foreach (int b in neighbours[a])
                {
                    touched.Add(b);
                }
            }

            foreach (int t in touched)
            {
                if (pending.Contains(t))
                {
                    score[t] = Score(t, neighbours, cards);
                }
            }
        }

        // Variables that appear in no factor can go anywhere: they are eliminated trivially.
        foreach (int v in toEliminate)
        {
            if (!order.Contains(v) && !neighbours.ContainsKey(v))
            {
                order.Add(v);
            }
        }

        return (order.ToArray(), largest);
    }

    private static (double Fill, double Clique) Score(int v, Dictionary<int, HashSet<int>> neighbours, int[] cards)
    {
        HashSet<int> around = neighbours[v];
        double fill = 0;
        double clique = cards[v];
        foreach (int a in around)
        {
            clique *= cards[a];
            HashSet<int> na = neighbours[a];
            foreach (int b in around)
            {
                if (a < b && !na.Contains(b))
                {
                    fill += (double)cards[a] * cards[b];
                }
            }
        }

        return (fill, clique);
    }
}
