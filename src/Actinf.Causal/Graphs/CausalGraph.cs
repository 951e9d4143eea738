namespace Actinf.Causal.Graphs;

/// <summary>
/// A directed acyclic graph over nodes 0..N-1 in compressed (CSR) adjacency form, with its topological order.
/// Edges point from cause to effect. Building it is O(N + E): one counting pass, one fill pass and Kahn's
/// algorithm; a cycle is reported with one cycle spelled out.
/// </summary>
public sealed class CausalGraph
{
    private readonly int[] _parentStart;
    private readonly int[] _parents;
    private readonly int[] _childStart;
    private readonly int[] _children;
    private readonly int[] _order;

    private CausalGraph(int nodeCount, int[] parentStart, int[] parents, int[] childStart, int[] children, int[] order)
    {
        NodeCount = nodeCount;
        _parentStart = parentStart;
        _parents = parents;
        _childStart = childStart;
        _children = children;
        _order = order;
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount { get; }

    /// <summary>Number of edges.</summary>
    public int EdgeCount => _parents.Length;

    /// <summary>The nodes in an order where every parent comes before its children.</summary>
    public ReadOnlySpan<int> TopologicalOrder => _order;

    /// <summary>Parents (direct causes) of <paramref name="node"/>, in the order the edges were given.</summary>
    public ReadOnlySpan<int> ParentsOf(int node) => _parents.AsSpan(_parentStart[node], _parentStart[node + 1] - _parentStart[node]);

    /// <summary>Children (direct effects) of <paramref name="node"/>.</summary>
    public ReadOnlySpan<int> ChildrenOf(int node) => _children.AsSpan(_childStart[node], _childStart[node + 1] - _childStart[node]);

    /// <summary>
    /// Builds the graph from edges (from = cause, to = effect).
    /// </summary>
    /// <param name="nodeCount">Number of nodes N.</param>
    /// <param name="from">Edge sources, each in [0, N).</param>
    /// <param name="to">Edge targets, same length as <paramref name="from"/>.</param>
    /// <param name="nodeName">Names nodes in error messages (default: the index).</param>
    /// <exception cref="ArgumentException">An index is out of range, a self loop, a duplicate edge, or the arrays differ in length.</exception>
    /// <exception cref="CycleException">The edges contain a cycle; the message spells one out.</exception>
    public static CausalGraph FromEdges(int nodeCount, ReadOnlySpan<int> from, ReadOnlySpan<int> to, Func<int, string>? nodeName = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        if (from.Length != to.Length)
        {
            throw new ArgumentException($"edge arrays differ in length: {from.Length} sources, {to.Length} targets.", nameof(to));
        }

        nodeName ??= static i => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        int edges = from.Length;
        var parentStart = new int[nodeCount + 1];
        var childStart = new int[nodeCount + 1];
        for (int e = 0; e < edges; e++)
        {
            int f = from[e];
            int t = to[e];
            if ((uint)f >= (uint)nodeCount || (uint)t >= (uint)nodeCount)
            {
                throw new ArgumentException($"edge {e} ({f} -> {t}) names a node outside [0, {nodeCount}).", nameof(from));
            }

            if (f == t)
            {
                throw new CycleException($"cycle: {nodeName(f)} -> {nodeName(f)} (a node cannot be its own parent).");
            }

            parentStart[t + 1]++;
            childStart[f + 1]++;
        }

        for (int i = 0; i < nodeCount; i++)
        {
            parentStart[i + 1] += parentStart[i];
            childStart[i + 1] += childStart[i];
        }

        var parents = new int[edges];
        var children = new int[edges];
        var parentFill = parentStart[..^1];
        var childFill = childStart[..^1];
        for (int e = 0; e < edges; e++)
        {
            parents[parentFill[to[e]]++] = from[e];
            children[childFill[from[e]]++] = to[e];
        }

        RejectDuplicateEdges(nodeCount, parentStart, parents, nodeName);
        int[] order = KahnOrder(nodeCount, parentStart, childStart, children);
        if (order.Length < nodeCount)
        {
            throw new CycleException("cycle: " + DescribeCycle(nodeCount, childStart, children, nodeName) + ".");
        }

        return new CausalGraph(nodeCount, parentStart, parents, childStart, children, order);
    }

    /// <summary>
    /// Marks every ancestor of the seed nodes (the seeds included) in <paramref name="mark"/> (length N).
    /// </summary>
    public void MarkAncestors(ReadOnlySpan<int> seeds, Span<bool> mark) => MarkReachable(seeds, mark, upwards: true, null);

    /// <summary>
    /// Marks every descendant of the seed nodes (the seeds included) in <paramref name="mark"/> (length N).
    /// </summary>
    public void MarkDescendants(ReadOnlySpan<int> seeds, Span<bool> mark) => MarkReachable(seeds, mark, upwards: false, null);

    /// <summary>
    /// Number of edges on the shortest path between each node and the nearest seed in the skeleton (edges
    /// taken in either direction); -1 for unreachable nodes. Used to bound how far a query reaches (max depth).
    /// </summary>
    public int[] SkeletonDistances(ReadOnlySpan<int> seeds)
    {
        var distance = new int[NodeCount];
        Array.Fill(distance, -1);
        var queue = new Queue<int>();
        foreach (int s in seeds)
        {
            if (distance[s] < 0)
            {
                distance[s] = 0;
                queue.Enqueue(s);
            }
        }

        while (queue.Count > 0)
        {
            int n = queue.Dequeue();
            foreach (int m in ParentsOf(n))
            {
                if (distance[m] < 0)
                {
                    distance[m] = distance[n] + 1;
                    queue.Enqueue(m);
                }
            }

            foreach (int m in ChildrenOf(n))
            {
                if (distance[m] < 0)
                {
                    distance[m] = distance[n] + 1;
                    queue.Enqueue(m);
                }
            }
        }

        return distance;
    }

    /// <summary>
    /// Whether <paramref name="x"/> and <paramref name="y"/> are d-connected given the observed nodes
    /// (Bayes-ball reachability, O(N + E)). d-separated nodes are independent in every distribution that
    /// factorises over the graph, so evidence on one cannot change beliefs about the other.
    /// </summary>
    public bool IsDConnected(int x, int y, ReadOnlySpan<int> observed)
    {
        var isObserved = new bool[NodeCount];
        foreach (int o in observed)
        {
            isObserved[o] = true;
        }

        var observedOrAncestor = new bool[NodeCount];
        MarkAncestors(observed, observedOrAncestor);
        bool[] reachable = DConnectedFrom(x, isObserved, observedOrAncestor);
        return reachable[y];
    }

    /// <summary>
    /// Nodes d-connected to <paramref name="source"/> given the observed set (the source itself included):
    /// a Bayes-ball pass over (node, direction) states.
    /// </summary>
    internal bool[] DConnectedFrom(int source, bool[] isObserved, bool[] observedOrAncestor)
    {
        // visitedUp: reached from a child (travelling up); visitedDown: reached from a parent.
        var visitedUp = new bool[NodeCount];
        var visitedDown = new bool[NodeCount];
        var reachable = new bool[NodeCount];
        var stack = new Stack<(int Node, bool FromChild)>();
        stack.Push((source, true));
        while (stack.Count > 0)
        {
            (int n, bool fromChild) = stack.Pop();
            if (fromChild ? visitedUp[n] : visitedDown[n])
            {
                continue;
            }

            if (fromChild)
            {
                visitedUp[n] = true;
            }
            else
            {
                visitedDown[n] = true;
            }

            if (!isObserved[n])
            {
                reachable[n] = true;
            }

            if (fromChild && !isObserved[n])
            {
                foreach (int p in ParentsOf(n))
                {
                    stack.Push((p, true));
                }

                foreach (int c in ChildrenOf(n))
                {
                    stack.Push((c, false));
                }
            }
            else if (!fromChild)
            {
                if (!isObserved[n])
                {
                    foreach (int c in ChildrenOf(n))
                    {
                        stack.Push((c, false));
                    }
                }

                // A collider passes the ball back up when it or one of its descendants is observed.
                if (observedOrAncestor[n])
                {
                    foreach (int p in ParentsOf(n))
                    {
                        stack.Push((p, true));
                    }
                }
            }
        }

        reachable[source] = true;
        return reachable;
    }

    /// <summary>
    /// Marks every node reachable from the seeds along parent (or child) edges, the seeds included; the walk
    /// does not continue past a node for which <paramref name="stopAt"/> is true (e.g. an intervened
    /// variable, whose incoming edges graph surgery cut).
    /// </summary>
    internal void MarkReachable(ReadOnlySpan<int> seeds, Span<bool> mark, bool upwards, Func<int, bool>? stopAt)
    {
        var stack = new Stack<int>();
        foreach (int s in seeds)
        {
            if (!mark[s])
            {
                mark[s] = true;
                stack.Push(s);
            }
        }

        while (stack.Count > 0)
        {
            int node = stack.Pop();
            if (stopAt is not null && stopAt(node))
            {
                continue;
            }

            foreach (int next in upwards ? ParentsOf(node) : ChildrenOf(node))
            {
                if (!mark[next])
                {
                    mark[next] = true;
                    stack.Push(next);
                }
            }
        }
    }

    private static void RejectDuplicateEdges(int nodeCount, int[] parentStart, int[] parents, Func<int, string> nodeName)
    {
        var seen = new int[nodeCount];
        Array.Fill(seen, -1);
        for (int t = 0; t < nodeCount; t++)
        {
            for (int k = parentStart[t]; k < parentStart[t + 1]; k++)
            {
                int p = parents[k];
                if (seen[p] == t)
                {
                    throw new ArgumentException($"duplicate edge {nodeName(p)} -> {nodeName(t)}.");
                }

                seen[p] = t;
            }
        }
    }

    private static int[] KahnOrder(int nodeCount, int[] parentStart, int[] childStart, int[] children)
    {
        var remaining = new int[nodeCount];
        var order = new int[nodeCount];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < nodeCount; i++)
        {
            remaining[i] = parentStart[i + 1] - parentStart[i];
            if (remaining[i] == 0)
            {
                order[tail++] = i;
            }
        }

        while (head < tail)
        {
            int n = order[head++];
            for (int k = childStart[n]; k < childStart[n + 1]; k++)
            {
                int c = children[k];
                if (--remaining[c] == 0)
                {
                    order[tail++] = c;
                }
            }
        }

        return tail == nodeCount ? order : order[..tail];
    }

    private static string DescribeCycle(int nodeCount, int[] childStart, int[] children, Func<int, string> nodeName)
    {
        // Depth-first search with colours; the first back edge closes a cycle.
        var colour = new byte[nodeCount];
        var parentOnPath = new int[nodeCount];
        for (int root = 0; root < nodeCount; root++)
        {
            if (colour[root] != 0)
            {
                continue;
            }

            var stack = new Stack<(int Node, int Next)>();
            stack.Push((root, childStart[root]));
            colour[root] = 1;
            parentOnPath[root] = -1;
            while (stack.Count > 0)
            {
                (int n, int next) = stack.Pop();
                if (next == childStart[n + 1])
                {
                    colour[n] = 2;
                    continue;
                }

                stack.Push((n, next + 1));
                int c = children[next];
                if (colour[c] == 1)
                {
                    var cycle = new List<string> { nodeName(c) };
                    for (int m = n; m != c; m = parentOnPath[m])
                    {
                        cycle.Add(nodeName(m));
                    }

                    cycle.Reverse();
                    cycle.Insert(0, nodeName(c));
                    return string.Join(" -> ", cycle);
                }

                if (colour[c] == 0)
                {
                    colour[c] = 1;
                    parentOnPath[c] = n;
                    stack.Push((c, childStart[c]));
                }
            }
        }

        return "(not found)";
    }
}
