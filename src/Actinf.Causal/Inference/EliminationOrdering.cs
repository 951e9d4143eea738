namespace Actinf.Causal.Inference;

/// <summary>
/// Greedy elimination ordering on the interaction graph of a set of factors: repeatedly eliminate the
/// variable whose elimination adds the fewest fill edges (or the least weighted fill, sum of |a|·|b| over
/// the new edges a–b), ties broken by the smaller clique table. Scores are recomputed only around the
/// eliminated variable. Finding the optimal order is NP-hard; the cost of inference is exponential in the
/// width of the order found (largest clique table), which is why cheap alternatives are tried when it is large.
/// </summary>
internal static class EliminationOrdering
{
    /// <summary>Total table size below which the first heuristic's order is taken without trying others.</summary>
    private const double CheapEnough = 1e6;

    /// <summary>Most randomised tie-breaking runs tried when an order is expensive.</summary>
    private const int MaxRandomisedRuns = 8;

    /// <summary>The greedy criterion.</summary>
    internal enum Criterion
    {
        /// <summary>Sum of |a|·|b| over the fill edges.</summary>
        WeightedMinFill,

        /// <summary>Number of fill edges.</summary>
        MinFill,

        /// <summary>Size of the clique table created.</summary>
        MinWeight,
    }

    /// <summary>
    /// An order for eliminating <paramref name="toEliminate"/> (network indices) given the factors' scopes;
    /// variables not in the set stay (targets). Min-fill first; when its total table size is large,
    /// weighted min-fill and a few seeded randomised tie-breaking runs are tried too and the cheapest
    /// order (smallest sum of clique tables) wins: ordering is cheap next to eliminating with a bad order.
    /// </summary>
    public static (int[] Order, double LargestClique, double TotalTable) Choose(List<Factor> factors, IReadOnlyCollection<int> toEliminate, ReadOnlySpan<int> cardinalities)
    {
        var cards = cardinalities.ToArray();
        Dictionary<int, HashSet<int>> graph = InteractionGraph(factors);
        (int[] order, double largest, double total) = Greedy(graph, toEliminate, cards, Criterion.MinFill, null);
        if (total <= CheapEnough)
        {
            return (order, largest, total);
        }

        void Consider((int[] Order, double Largest, double Total) candidate)
        {
            if (candidate.Total < total)
            {
                (order, largest, total) = candidate;
            }
        }

        // Each extra run costs about as much as the first; spend more of them when elimination will be long.
        Consider(Greedy(graph, toEliminate, cards, Criterion.WeightedMinFill, null));
        int runs = (int)Math.Clamp(total / 5e6, 1, MaxRandomisedRuns);
        var random = new Random(12345);
        for (int run = 0; run < runs; run++)
        {
            Consider(Greedy(graph, toEliminate, cards, Criterion.MinFill, random));
        }

        return (order, largest, total);
    }

    private static Dictionary<int, HashSet<int>> InteractionGraph(List<Factor> factors)
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

        return neighbours;
    }

    /// <summary>
    /// One greedy run. With <paramref name="random"/>, ties (and near-ties within 10%) are broken at random,
    /// which explores orders the deterministic rule misses.
    /// </summary>
    internal static (int[] Order, double LargestClique, double TotalTable) Greedy(
        Dictionary<int, HashSet<int>> graph, IReadOnlyCollection<int> toEliminate, int[] cards, Criterion criterion, Random? random)
    {
        var neighbours = new Dictionary<int, HashSet<int>>(graph.Count);
        foreach ((int v, HashSet<int> set) in graph)
        {
            neighbours[v] = [.. set];
        }

        var pending = new HashSet<int>();
        foreach (int v in toEliminate)
        {
            if (neighbours.ContainsKey(v))
            {
                pending.Add(v);
            }
        }

        var score = new Dictionary<int, (double Primary, double Clique)>();
        foreach (int v in pending)
        {
            score[v] = Score(v, neighbours, cards, criterion);
        }

        var order = new List<int>(toEliminate.Count);
        double largest = 1;
        double total = 0;
        var candidates = new List<int>();
        while (pending.Count > 0)
        {
            int best = -1;
            (double Primary, double Clique) bestScore = (double.MaxValue, double.MaxValue);
            foreach (int v in pending)
            {
                (double fill, double clique) = score[v];
                if (fill < bestScore.Primary || (fill == bestScore.Primary && (clique < bestScore.Clique || (clique == bestScore.Clique && v < best))))
                {
                    best = v;
                    bestScore = (fill, clique);
                }
            }

            if (random is not null)
            {
                candidates.Clear();
                foreach (int v in pending)
                {
                    if (score[v].Primary <= (bestScore.Primary * 1.1) + 1e-9)
                    {
                        candidates.Add(v);
                    }
                }

                candidates.Sort();
                best = candidates[random.Next(candidates.Count)];
                bestScore = score[best];
            }

            order.Add(best);
            largest = Math.Max(largest, bestScore.Clique);
            total += bestScore.Clique;
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
                    score[t] = Score(t, neighbours, cards, criterion);
                }
            }
        }

        // Variables that appear in no factor can go anywhere: they are eliminated trivially.
        var placed = new HashSet<int>(order);
        foreach (int v in toEliminate)
        {
            if (placed.Add(v))
            {
                order.Add(v);
            }
        }

        return (order.ToArray(), largest, total);
    }

    private static (double Primary, double Clique) Score(int v, Dictionary<int, HashSet<int>> neighbours, int[] cards, Criterion criterion)
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
                    fill += criterion == Criterion.WeightedMinFill ? (double)cards[a] * cards[b] : 1;
                }
            }
        }

        return (criterion == Criterion.MinWeight ? clique : fill, clique);
    }
}
