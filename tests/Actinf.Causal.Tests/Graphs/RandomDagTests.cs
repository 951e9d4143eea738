using Actinf.Causal.Graphs;

namespace Actinf.Causal.Tests.Graphs;

public class RandomDagTests
{
    /// <summary>Sizes (N, E, seed): the benchmark's 1000 / 5000, small and empty cases, and a dense one (selection sampling).</summary>
    public static TheoryData<int, int, int> Sizes() => new()
    {
        { 1000, 5000, 0 },
        { 1000, 5000, 7 },
        { 50, 200, 3 },
        { 2, 1, 1 },
        { 10, 0, 5 },
        { 0, 0, 0 },
        { 30, 400, 11 },
        { 12, 66, 2 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Generate_Sizes_ExactCountDistinctEdgesAcyclicAndForwardInTopologicalOrder(int nodes, int edges, int seed)
    {
        (int[] from, int[] to) = RandomDag.Generate(nodes, edges, seed);

        Assert.Equal(edges, from.Length);
        Assert.Equal(edges, to.Length);
        var distinct = new HashSet<(int, int)>();
        for (int e = 0; e < edges; e++)
        {
            Assert.InRange(from[e], 0, nodes - 1);
            Assert.InRange(to[e], 0, nodes - 1);
            Assert.NotEqual(from[e], to[e]);
            Assert.True(distinct.Add((from[e], to[e])), $"edge {from[e]} -> {to[e]} appears twice");
            Assert.DoesNotContain((to[e], from[e]), distinct);
        }

        CausalGraph graph = CausalGraph.FromEdges(nodes, from, to);
        Assert.Equal(nodes, graph.NodeCount);
        Assert.Equal(edges, graph.EdgeCount);
        Assert.Equal(nodes, graph.TopologicalOrder.Length);
        var position = new int[nodes];
        Array.Fill(position, -1);
        for (int i = 0; i < nodes; i++)
        {
            position[graph.TopologicalOrder[i]] = i;
        }

        Assert.DoesNotContain(-1, position);
        for (int e = 0; e < edges; e++)
        {
            Assert.True(position[from[e]] < position[to[e]], $"edge {from[e]} -> {to[e]} goes backwards in the topological order");
        }
    }

    [Fact]
    public void Generate_SameSeed_SameEdgesInSameOrder()
    {
        (int[] from1, int[] to1) = RandomDag.Generate(1000, 5000, 42);
        (int[] from2, int[] to2) = RandomDag.Generate(1000, 5000, 42);

        Assert.Equal(from1, from2);
        Assert.Equal(to1, to2);
    }

    [Fact]
    public void Generate_DifferentSeeds_DifferentGraphs()
    {
        (int[] from1, int[] to1) = RandomDag.Generate(1000, 5000, 1);
        (int[] from2, int[] to2) = RandomDag.Generate(1000, 5000, 2);

        Assert.False(from1.AsSpan().SequenceEqual(from2) && to1.AsSpan().SequenceEqual(to2));
    }

    [Fact]
    public void Generate_AllPairs_IsTheCompleteDagOfATotalOrder()
    {
        (int[] from, int[] to) = RandomDag.Generate(8, 28, 4);

        CausalGraph graph = CausalGraph.FromEdges(8, from, to);
        ReadOnlySpan<int> order = graph.TopologicalOrder;
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(i, graph.ParentsOf(order[i]).Length);
        }
    }

    [Fact]
    public void Generate_NodeNumbersAreNotTheOrder_SomeEdgesGoFromHigherToLowerNumbers()
    {
        (int[] from, int[] to) = RandomDag.Generate(1000, 5000, 0);

        int backwards = 0;
        for (int e = 0; e < from.Length; e++)
        {
            backwards += from[e] > to[e] ? 1 : 0;
        }

        Assert.InRange(backwards, 2000, 3000);
    }

    [Theory]
    [InlineData(-1, 0, "nodeCount")]
    [InlineData(10, -1, "edgeCount")]
    [InlineData(10, 46, "edgeCount")]
    [InlineData(1, 1, "edgeCount")]
    public void Generate_InvalidSize_ThrowsArgumentOutOfRange(int nodes, int edges, string parameter)
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => RandomDag.Generate(nodes, edges, 0));

        Assert.Equal(parameter, e.ParamName);
    }
}
