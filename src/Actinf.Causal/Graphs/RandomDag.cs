namespace Actinf.Causal.Graphs;

/// <summary>
/// Seeded random directed acyclic graphs: N nodes and E distinct edges (i, j), i &lt; j, over a random
/// permutation of the nodes. This is the construction of the pgmpy / networkx reference timings
/// (tests/data/causal/pgmpy-baseline.md, section 2), used by the causal benchmark suite and by tests.
/// </summary>
/// <remarks>
/// <para>Draw a permutation π of 0..N-1; draw E distinct pairs of positions (a, b) with a &lt; b, uniformly
/// among the N(N-1)/2 pairs; each pair is the edge π[a] → π[b]. Every edge goes forward in π, so the graph is
/// acyclic by construction, and node numbers carry no hint of the order (a topological sort has work to do).
/// With N = 1000 and E = 5000 each pair is an edge with probability about 0.01: the node at position k has
/// about k / 100 parents (up to 10 on average, some 20).</para>
/// <para>The same (N, E, seed) gives the same edges in the same order on every run (<see cref="Random(int)"/>
/// with a seed is a fixed algorithm). Pairs are drawn by rejection while E is at most half of all pairs and
/// by selection sampling over every pair beyond that, so a dense request costs O(N²), never an unbounded
/// retry loop.</para>
/// </remarks>
public static class RandomDag
{
    /// <summary>
    /// Generates the edges of a random DAG (from = cause, to = effect), ready for
    /// <see cref="CausalGraph.FromEdges"/>.
    /// </summary>
    /// <param name="nodeCount">Number of nodes N (at least 0).</param>
    /// <param name="edgeCount">Number of distinct edges E, between 0 and N(N-1)/2.</param>
    /// <param name="seed">Seed of the permutation and of the pairs.</param>
    /// <returns>Two arrays of length E: the sources and the targets of the edges.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="nodeCount"/> or <paramref name="edgeCount"/> is negative, or <paramref name="edgeCount"/>
    /// exceeds N(N-1)/2, the number of pairs of nodes.
    /// </exception>
    public static (int[] From, int[] To) Generate(int nodeCount, int edgeCount, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        ArgumentOutOfRangeException.ThrowIfNegative(edgeCount);
        long pairs = (long)nodeCount * (nodeCount - 1) / 2;
        if (edgeCount > pairs)
        {
            throw new ArgumentOutOfRangeException(
                nameof(edgeCount), edgeCount, $"a DAG on {nodeCount} nodes has at most {pairs} edges (one per pair of nodes); ask for fewer edges or more nodes.");
        }

        var random = new Random(seed);
        var permutation = new int[nodeCount];
        for (int i = 0; i < nodeCount; i++)
        {
            permutation[i] = i;
        }

        random.Shuffle(permutation);
        var from = new int[edgeCount];
        var to = new int[edgeCount];
        if (edgeCount <= pairs / 2)
        {
            DrawByRejection(random, permutation, from, to);
        }
        else
        {
            DrawBySelection(random, permutation, from, to, pairs);
        }

        return (from, to);
    }

    /// <summary>Distinct uniform pairs a &lt; b, redrawing a pair already taken (expected fewer than 2 draws per edge).</summary>
    private static void DrawByRejection(Random random, int[] permutation, int[] from, int[] to)
    {
        int n = permutation.Length;
        var taken = new HashSet<long>(from.Length);
        int count = 0;
        while (count < from.Length)
        {
            int a = random.Next(n);
            int b = random.Next(n);
            if (a == b)
            {
                continue;
            }

            if (a > b)
            {
                (a, b) = (b, a);
            }

            if (taken.Add(((long)a * n) + b))
            {
                from[count] = permutation[a];
                to[count] = permutation[b];
                count++;
            }
        }
    }

    /// <summary>Knuth's selection sampling (Algorithm S) over the pairs a &lt; b in order: each kept with probability needed / left.</summary>
    private static void DrawBySelection(Random random, int[] permutation, int[] from, int[] to, long pairs)
    {
        int n = permutation.Length;
        long left = pairs;
        int count = 0;
        for (int a = 0; a < n && count < from.Length; a++)
        {
            for (int b = a + 1; b < n && count < from.Length; b++, left--)
            {
                if (random.NextDouble() * left < from.Length - count)
                {
                    from[count] = permutation[a];
                    to[count] = permutation[b];
                    count++;
                }
            }
        }

        // The edges come out sorted by position; shuffle them so that edge order carries no structure either.
        for (int i = count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (from[i], from[j]) = (from[j], from[i]);
            (to[i], to[j]) = (to[j], to[i]);
        }
    }
}
