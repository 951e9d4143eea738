using Actinf.Bench.Runner;
using Actinf.Causal.Graphs;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Causal;

/// <summary>
/// Causal graph work on random DAGs of 1000 nodes and 5000 edges (<see cref="RandomDag"/>, the construction
/// of the networkx / pgmpy reference timings): building the graph with its topological order, and the graph
/// side of a do() query: surgery, ancestors, d-separation and the back-door check.
/// </summary>
/// <remarks>
/// <para><see cref="Setup"/> generates <see cref="GraphCount"/> graphs (seeds 0..15) and their edge arrays, and
/// for each a cause X and an effect Y: X uniform among the nodes with a child, Y uniform among X's proper
/// descendants (so that P(Y | do(X)) is a real question). Each call takes the next graph, cyclically.</para>
/// <para>What each benchmark times, and the closest reference figure:</para>
/// <list type="bullet">
/// <item><see cref="Create"/>: <see cref="CausalGraph.FromEdges"/>: CSR parents and children, the duplicate
/// check, Kahn's topological order and the acyclicity check. networkx: <c>DiGraph()</c> + nodes + edges, then
/// <c>topological_sort</c>; seed 003's target is graph creation under 100 ms p95.</item>
/// <item><see cref="Surgery"/>: do(X) as a new graph G_X̄ (edges into X removed, rebuilt with its order), what
/// pgmpy's <c>model.do([x])</c> returns.</item>
/// <item><see cref="Ancestors"/>: the ancestors of Y (the relevance pass a query starts with); networkx
/// <c>ancestors</c>.</item>
/// <item><see cref="DConnected"/>: whether X and Y are d-connected with nothing observed (Bayes ball);
/// pgmpy <c>is_dconnected</c>.</item>
/// <item><see cref="Backdoor"/>: the back-door criterion for Z = pa(X), i.e. do-calculus rule 2 for
/// P(y | do(x), z): G_X̲ (edges out of X removed) is built and X, Y tested for d-separation given Z. pa(X)
/// always passes; the check is run in full, not short-circuited. With it, P(y | do(x)) =
/// Σ_z P(y | x, z) P(z) is identified.</item>
/// </list>
/// <para>Why no numeric do() query on this graph: exact inference costs exponentially in the treewidth of the
/// moral graph of the query's ancestors; Y has hundreds of ancestors (metric <c>effect_ancestors</c>), and the
/// treewidth of a random graph with about ten edges per node grows in proportion to its size. Choosing only
/// early targets, whose ancestors are few, would flatter the figure. Numeric do() queries are timed on the
/// shipped networks (<see cref="DoQueryBenchmarks"/>).</para>
/// <para>Run: <c>dotnet run -c Release --project src/Actinf.Cli -- bench run --suite causal</c>.</para>
/// </remarks>
[MemoryDiagnoser]
[BenchmarkCategory("causal")]
[Config(typeof(CausalPerCallConfig))]
public class CausalGraphBenchmarks : ISuiteMetrics
{
    /// <summary>Graphs generated (seeds 0 to GraphCount - 1) and cycled through.</summary>
    public const int GraphCount = 16;

    private GraphCase[] _cases = [];
    private int _cursor;

    /// <summary>Nodes N.</summary>
    [Params(1000)]
    public int Nodes { get; set; } = 1000;

    /// <summary>Edges E.</summary>
    [Params(5000)]
    public int Edges { get; set; } = 5000;

    /// <summary>How long <see cref="Setup"/> runs the benchmarks before measurement (<see cref="JitWarmup"/>); tests shorten it.</summary>
    internal TimeSpan WarmupTime { get; set; } = JitWarmup.DefaultDuration;

    /// <summary>
    /// Generates the graphs, their causes and effects, and the scratch buffers, then runs every benchmark for
    /// <see cref="WarmupTime"/> in all (JIT warm-up).
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        _cases = new GraphCase[GraphCount];
        for (int seed = 0; seed < GraphCount; seed++)
        {
            _cases[seed] = GraphCase.Create(Nodes, Edges, seed);
        }

        TimeSpan each = WarmupTime / 5;
        JitWarmup.Run(() => Create(), each);
        JitWarmup.Run(() => Surgery(), each);
        JitWarmup.Run(() => Ancestors(), each);
        JitWarmup.Run(() => DConnected(), each);
        JitWarmup.Run(() => Backdoor(), each);
        _cursor = 0;
    }

    /// <summary>Builds the graph (CSR adjacency, duplicate and cycle checks, topological order).</summary>
    /// <returns>The graph.</returns>
    [Benchmark(Baseline = true)]
    public CausalGraph Create()
    {
        GraphCase c = Next();
        return CausalGraph.FromEdges(Nodes, c.From, c.To);
    }

    /// <summary>Graph surgery for do(X): the graph without the edges into X, rebuilt with its topological order.</summary>
    /// <returns>The mutilated graph.</returns>
    [Benchmark]
    public CausalGraph Surgery()
    {
        GraphCase c = Next();
        int kept = 0;
        for (int e = 0; e < c.From.Length; e++)
        {
            if (c.To[e] != c.Cause)
            {
                c.ScratchFrom[kept] = c.From[e];
                c.ScratchTo[kept] = c.To[e];
                kept++;
            }
        }

        return CausalGraph.FromEdges(Nodes, c.ScratchFrom.AsSpan(0, kept), c.ScratchTo.AsSpan(0, kept));
    }

    /// <summary>Marks the ancestors of Y.</summary>
    /// <returns>Whether X is among them (always true: Y descends from X).</returns>
    [Benchmark]
    public bool Ancestors()
    {
        GraphCase c = Next();
        Array.Clear(c.Mark);
        c.Graph.MarkAncestors([c.Effect], c.Mark);
        return c.Mark[c.Cause];
    }

    /// <summary>Whether X and Y are d-connected with nothing observed.</summary>
    /// <returns>True (Y descends from X, so the directed path connects them).</returns>
    [Benchmark]
    public bool DConnected()
    {
        GraphCase c = Next();
        return c.Graph.IsDConnected(c.Cause, c.Effect, []);
    }

    /// <summary>The back-door check for Z = pa(X): X and Y d-separated given Z once the edges out of X are removed.</summary>
    /// <returns>Whether Z satisfies the back-door criterion (always true for the parents of X).</returns>
    [Benchmark]
    public bool Backdoor()
    {
        GraphCase c = Next();
        int kept = 0;
        for (int e = 0; e < c.From.Length; e++)
        {
            if (c.From[e] != c.Cause)
            {
                c.ScratchFrom[kept] = c.From[e];
                c.ScratchTo[kept] = c.To[e];
                kept++;
            }
        }

        CausalGraph cut = CausalGraph.FromEdges(Nodes, c.ScratchFrom.AsSpan(0, kept), c.ScratchTo.AsSpan(0, kept));
        return !cut.IsDConnected(c.Cause, c.Effect, c.Graph.ParentsOf(c.Cause));
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Over the <see cref="GraphCount"/> graphs: <c>nodes</c>, <c>edges</c>, <c>max_in_degree</c> (largest number of
    /// parents), <c>cause_parents</c> (mean |pa(X)|, the edges surgery cuts), <c>cause_children</c> (mean edges
    /// the back-door graph cuts) and <c>effect_ancestors</c> (mean ancestors of Y, Y included).
    /// </remarks>
    public IReadOnlyDictionary<string, double> ComputeMetrics(string benchmark)
    {
        GraphCase[] cases = [.. Enumerable.Range(0, GraphCount).Select(seed => GraphCase.Create(Nodes, Edges, seed))];
        int maxInDegree = 0;
        double parents = 0;
        double children = 0;
        double ancestors = 0;
        foreach (GraphCase c in cases)
        {
            for (int v = 0; v < Nodes; v++)
            {
                maxInDegree = Math.Max(maxInDegree, c.Graph.ParentsOf(v).Length);
            }

            parents += c.Graph.ParentsOf(c.Cause).Length;
            children += c.Graph.ChildrenOf(c.Cause).Length;
            Array.Clear(c.Mark);
            c.Graph.MarkAncestors([c.Effect], c.Mark);
            ancestors += c.Mark.Count(m => m);
        }

        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["nodes"] = Nodes,
            ["edges"] = Edges,
            ["max_in_degree"] = maxInDegree,
            ["cause_parents"] = parents / GraphCount,
            ["cause_children"] = children / GraphCount,
            ["effect_ancestors"] = ancestors / GraphCount,
        };
    }

    private GraphCase Next()
    {
        GraphCase c = _cases.Length > 0 ? _cases[_cursor] : throw new InvalidOperationException($"{nameof(Setup)} has not run.");
        _cursor = _cursor + 1 == _cases.Length ? 0 : _cursor + 1;
        return c;
    }

    /// <summary>One random graph: its edges, the built graph, a cause X and an effect Y, and scratch buffers.</summary>
    private sealed class GraphCase
    {
        private GraphCase(int[] from, int[] to, CausalGraph graph, int cause, int effect)
        {
            From = from;
            To = to;
            Graph = graph;
            Cause = cause;
            Effect = effect;
            ScratchFrom = new int[from.Length];
            ScratchTo = new int[from.Length];
            Mark = new bool[graph.NodeCount];
        }

        public int[] From { get; }

        public int[] To { get; }

        public CausalGraph Graph { get; }

        public int Cause { get; }

        public int Effect { get; }

        public int[] ScratchFrom { get; }

        public int[] ScratchTo { get; }

        public bool[] Mark { get; }

        public static GraphCase Create(int nodes, int edges, int seed)
        {
            (int[] from, int[] to) = RandomDag.Generate(nodes, edges, seed);
            CausalGraph graph = CausalGraph.FromEdges(nodes, from, to);
            var random = new Random(seed + 1000);
            int[] causes = [.. Enumerable.Range(0, nodes).Where(v => graph.ChildrenOf(v).Length > 0)];
            if (causes.Length == 0)
            {
                throw new InvalidOperationException($"the random DAG of seed {seed} ({nodes} nodes, {edges} edges) has no edge; ask for at least one.");
            }

            int cause = causes[random.Next(causes.Length)];
            var descendants = new bool[nodes];
            graph.MarkDescendants([cause], descendants);
            descendants[cause] = false;
            int[] effects = [.. Enumerable.Range(0, nodes).Where(v => descendants[v])];
            int effect = effects[random.Next(effects.Length)];
            return new GraphCase(from, to, graph, cause, effect);
        }
    }
}
