using System.Numerics;

namespace Actinf.Causal.Inference;

/// <summary>
/// Greedy elimination ordering on the interaction graph of a set of factors: repeatedly eliminate the
/// variable whose elimination adds the fewest fill edges (or the least weighted fill, sum of |a|·|b| over
/// the new edges a–b), ties broken by the smaller clique table. Finding the optimal order is NP-hard; the
/// cost of inference is exponential in the width of the order found (largest clique table), which is why
/// cheap alternatives are tried when it is large. Adjacency is a bit matrix, so a fill count is a few word
/// operations per neighbour, and scores are recomputed only around the eliminated variable.
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
    public static (int[] Order, double LargestClique, double TotalTable) Choose(
        List<Factor> factors, IReadOnlyCollection<int> toEliminate, int[] cardinalities, OrderCache? cache)
    {
        if (cache is not null)
        {
            return cache.GetOrAdd(factors, toEliminate, () => Choose(factors, toEliminate, cardinalities, null));
        }

        var graph = new InteractionGraph(factors, cardinalities);
        (int[] order, double largest, double total) = Greedy(graph, toEliminate, Criterion.MinFill, null);
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
        Consider(Greedy(graph, toEliminate, Criterion.WeightedMinFill, null));
        int runs = (int)Math.Clamp(total / 5e6, 1, MaxRandomisedRuns);
        var random = new Random(12345);
        for (int run = 0; run < runs; run++)
        {
            Consider(Greedy(graph, toEliminate, Criterion.MinFill, random));
        }

        return (order, largest, total);
    }

    /// <summary>
    /// One greedy run. With <paramref name="random"/>, ties (and near-ties within 10%) are broken at random,
    /// which explores orders the deterministic rule misses.
    /// </summary>
    internal static (int[] Order, double LargestClique, double TotalTable) Greedy(
        InteractionGraph graph, IReadOnlyCollection<int> toEliminate, Criterion criterion, Random? random)
    {
        int n = graph.Count;
        int words = graph.Words;
        ulong[] adjacency = (ulong[])graph.Adjacency.Clone();
        var pending = new ulong[words];
        var isPending = new bool[n];
        int pendingCount = 0;
        foreach (int v in toEliminate)
        {
            if (graph.TryLocal(v, out int local) && !isPending[local])
            {
                isPending[local] = true;
                pending[local >> 6] |= 1UL << local;
                pendingCount++;
            }
        }

        var primary = new double[n];
        var clique = new double[n];
        for (int v = 0; v < n; v++)
        {
            if (isPending[v])
            {
                (primary[v], clique[v]) = Score(v, adjacency, words, graph.Cards, criterion);
            }
        }

        var order = new List<int>(toEliminate.Count);
        double largest = 1;
        double total = 0;
        var candidates = new List<int>();
        var touched = new ulong[words];
        while (pendingCount > 0)
        {
            int best = -1;
            for (int v = 0; v < n; v++)
            {
                if (isPending[v] && (best < 0 || primary[v] < primary[best] || (primary[v] == primary[best] && clique[v] < clique[best])))
                {
                    best = v;
                }
            }

            if (random is not null)
            {
                candidates.Clear();
                double limit = (primary[best] * 1.1) + 1e-9;
                for (int v = 0; v < n; v++)
                {
                    if (isPending[v] && primary[v] <= limit)
                    {
                        candidates.Add(v);
                    }
                }

                best = candidates[random.Next(candidates.Count)];
            }

            order.Add(graph.Variables[best]);
            largest = Math.Max(largest, clique[best]);
            total += clique[best];
            isPending[best] = false;
            pending[best >> 6] &= ~(1UL << best);
            pendingCount--;

            // Connect the neighbours pairwise and drop the variable; rescore everything within two steps.
            Array.Clear(touched);
            EliminateVertex(adjacency, words, best, touched);
            for (int w = 0; w < words; w++)
            {
                ulong bits = touched[w] & pending[w];
                while (bits != 0)
                {
                    int t = (w << 6) + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    (primary[t], clique[t]) = Score(t, adjacency, words, graph.Cards, criterion);
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

    /// <summary>The induced width of <paramref name="order"/>: largest clique (in variables) minus one.</summary>
    public static int InducedWidth(List<Factor> factors, int[] order, ReadOnlySpan<int> cardinalities)
    {
        var graph = new InteractionGraph(factors, cardinalities);
        int words = graph.Words;
        ulong[] adjacency = graph.Adjacency;
        int width = 0;
        foreach (int variable in order)
        {
            if (!graph.TryLocal(variable, out int v))
            {
                continue;
            }

            ReadOnlySpan<ulong> around = adjacency.AsSpan(v * words, words);
            int degree = 0;
            for (int w = 0; w < words; w++)
            {
                degree += BitOperations.PopCount(around[w]);
            }

            width = Math.Max(width, degree);
            EliminateVertex(adjacency, words, v, null);
        }

        return width;
    }

    /// <summary>
    /// Removes vertex <paramref name="v"/>, connecting its neighbours pairwise (the fill edges); with
    /// <paramref name="touched"/>, also marks the neighbours and their neighbours (whose scores change).
    /// </summary>
    private static void EliminateVertex(ulong[] adjacency, int words, int v, ulong[]? touched)
    {
        Span<ulong> around = adjacency.AsSpan(v * words, words);
        for (int w = 0; w < words; w++)
        {
            ulong bits = around[w];
            while (bits != 0)
            {
                int a = (w << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                Span<ulong> row = adjacency.AsSpan(a * words, words);
                for (int x = 0; x < words; x++)
                {
                    row[x] |= around[x];
                }

                row[a >> 6] &= ~(1UL << a);
                row[v >> 6] &= ~(1UL << v);
                if (touched is not null)
                {
                    for (int x = 0; x < words; x++)
                    {
                        touched[x] |= row[x];
                    }

                    touched[a >> 6] |= 1UL << a;
                }
            }
        }

        around.Clear();
    }

    private static (double Primary, double Clique) Score(int v, ulong[] adjacency, int words, int[] cards, Criterion criterion)
    {
        ReadOnlySpan<ulong> around = adjacency.AsSpan(v * words, words);
        double fill = 0;
        double clique = cards[v];
        for (int w = 0; w < words; w++)
        {
            ulong bits = around[w];
            while (bits != 0)
            {
                int a = (w << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                clique *= cards[a];
                if (criterion == Criterion.MinWeight)
                {
                    continue;
                }

                // Neighbours b > a of v that a is not adjacent to: the fill edges a–b.
                ReadOnlySpan<ulong> row = adjacency.AsSpan(a * words, words);
                for (int x = a >> 6; x < words; x++)
                {
                    ulong missing = around[x] & ~row[x];
                    if (x == a >> 6)
                    {
                        missing &= a % 64 == 63 ? 0 : ~0UL << ((a % 64) + 1);
                    }

                    if (criterion == Criterion.MinFill)
                    {
                        fill += BitOperations.PopCount(missing);
                        continue;
                    }

                    while (missing != 0)
                    {
                        int b = (x << 6) + BitOperations.TrailingZeroCount(missing);
                        missing &= missing - 1;
                        fill += (double)cards[a] * cards[b];
                    }
                }
            }
        }

        return (criterion == Criterion.MinWeight ? clique : fill, clique);
    }
}
