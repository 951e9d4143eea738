using Actinf.Causal.Graphs;

namespace Actinf.Causal.Tests.Graphs;

public class CausalGraphTests
{
    private static readonly string[] Names = ["a", "b", "c", "d", "e", "f"];

    [Fact]
    public void FromEdges_Cycle_MessageSpellsOutACycleOfRealEdges()
    {
        // a -> b -> c -> d -> b (cycle b, c, d), plus a -> e and e -> f outside it.
        int[] from = [0, 1, 2, 3, 0, 4];
        int[] to = [1, 2, 3, 1, 4, 5];

        CycleException e = Assert.Throws<CycleException>(() => CausalGraph.FromEdges(6, from, to, i => Names[i]));

        Assert.StartsWith("cycle: ", e.Message, StringComparison.Ordinal);
        string[] path = e.Message["cycle: ".Length..].TrimEnd('.').Split(" -> ");
        Assert.True(path.Length >= 3, e.Message);
        Assert.Equal(path[0], path[^1]);
        var edges = new HashSet<(string, string)>();
        for (int k = 0; k < from.Length; k++)
        {
            edges.Add((Names[from[k]], Names[to[k]]));
        }

        for (int k = 0; k + 1 < path.Length; k++)
        {
            Assert.Contains((path[k], path[k + 1]), edges);
        }

        Assert.Equal(["b", "c", "d"], path[..^1].Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FromEdges_SelfLoop_ThrowsCycleExceptionNamingTheNode()
    {
        CycleException e = Assert.Throws<CycleException>(() => CausalGraph.FromEdges(3, [0, 2], [1, 2], i => Names[i]));

        Assert.Contains("c -> c", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEdges_DuplicateEdge_ThrowsArgumentExceptionNamingIt()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => CausalGraph.FromEdges(3, [0, 1, 0], [1, 2, 1], i => Names[i]));

        Assert.Contains("duplicate edge a -> b", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEdges_NodeOutOfRange_ThrowsArgumentExceptionOnFrom()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => CausalGraph.FromEdges(2, [0], [2]));

        Assert.Equal("from", e.ParamName);
    }

    [Fact]
    public void FromEdges_ArraysOfDifferentLengths_ThrowsArgumentExceptionOnTo()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => CausalGraph.FromEdges(3, [0, 1], [1]));

        Assert.Equal("to", e.ParamName);
    }

    [Fact]
    public void FromEdges_Diamond_ParentsChildrenAndOrder()
    {
        // a -> b, a -> c, b -> d, c -> d, given out of order.
        CausalGraph graph = CausalGraph.FromEdges(4, [2, 0, 1, 0], [3, 2, 3, 1]);

        Assert.Equal(4, graph.EdgeCount);
        Assert.Equal([2, 1], graph.ParentsOf(3).ToArray());
        Assert.Equal([2, 1], graph.ChildrenOf(0).ToArray());
        Assert.Empty(graph.ParentsOf(0).ToArray());
        Assert.Equal(0, graph.TopologicalOrder[0]);
        Assert.Equal(3, graph.TopologicalOrder[3]);
    }

    [Fact]
    public void MarkAncestorsAndDescendants_SmallGraph_MatchHandComputedSets()
    {
        // a -> b -> d, c -> d, d -> e, c -> f.
        CausalGraph graph = CausalGraph.FromEdges(6, [0, 1, 2, 3, 2], [1, 3, 3, 4, 5]);
        var ancestors = new bool[6];
        var descendants = new bool[6];

        graph.MarkAncestors([3], ancestors);
        graph.MarkDescendants([2], descendants);

        Assert.Equal([true, true, true, true, false, false], ancestors);
        Assert.Equal([false, false, true, true, true, true], descendants);
    }

    [Fact]
    public void MarkAncestors_SeveralSeedsAndAMarkedNode_KeepsEarlierMarks()
    {
        CausalGraph graph = CausalGraph.FromEdges(6, [0, 1, 2, 3, 2], [1, 3, 3, 4, 5]);
        var mark = new bool[6];
        mark[4] = true;

        graph.MarkAncestors([1, 5], mark);

        Assert.Equal([true, true, true, false, true, true], mark);
    }

    /// <summary>
    /// The three-node cases (x = 0, middle = 1, y = 2; node 3 is a child of the middle node), the observed
    /// set, and whether x and y are d-connected, from the d-separation rules by hand.
    /// </summary>
    public static TheoryData<string, int[], bool> ClassicCases() => new()
    {
        { "chain", [], true },
        { "chain", [1], false },
        { "fork", [], true },
        { "fork", [1], false },
        { "collider", [], false },
        { "collider", [1], true },
        { "collider", [3], true },
        { "chain", [3], true },
        { "fork", [3], true },
    };

    [Theory]
    [MemberData(nameof(ClassicCases))]
    public void IsDConnected_ClassicCases_MatchHandComputedAnswer(string shape, int[] observed, bool expected)
    {
        CausalGraph graph = shape switch
        {
            "chain" => CausalGraph.FromEdges(4, [0, 1, 1], [1, 2, 3]),
            "fork" => CausalGraph.FromEdges(4, [1, 1, 1], [0, 2, 3]),
            _ => CausalGraph.FromEdges(4, [0, 2, 1], [1, 1, 3]),
        };

        Assert.Equal(expected, graph.IsDConnected(0, 2, observed));
        Assert.Equal(expected, graph.IsDConnected(2, 0, observed));
    }

    [Fact]
    public void IsDConnected_BackdoorPath_BlockedByTheConfounderOpenedByTheCollider()
    {
        // Confounder z -> x, z -> y, and x -> m <- y (m a collider).
        CausalGraph graph = CausalGraph.FromEdges(4, [0, 0, 1, 2], [1, 2, 3, 3]);

        Assert.True(graph.IsDConnected(1, 2, []));
        Assert.False(graph.IsDConnected(1, 2, [0]));
        Assert.True(graph.IsDConnected(1, 2, [0, 3]));
    }

    [Fact]
    public void SkeletonDistances_Path_CountsEdgesEitherDirection()
    {
        // a -> b <- c -> d, and e isolated.
        CausalGraph graph = CausalGraph.FromEdges(5, [0, 2, 2], [1, 1, 3]);

        Assert.Equal([0, 1, 2, 3, -1], graph.SkeletonDistances([0]));
    }
}
