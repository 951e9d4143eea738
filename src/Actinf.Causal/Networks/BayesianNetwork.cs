using Actinf.Causal.Graphs;

namespace Actinf.Causal.Networks;

/// <summary>
/// A discrete Bayesian network: variables, a causal DAG and one conditional probability table (CPT) per
/// variable, so that P(V) = prod_i P(v_i | pa(v_i)). Immutable once built (use <see cref="NetworkBuilder"/>
/// or a reader in <c>Actinf.Causal.Io</c>), and safe to query from several threads.
/// </summary>
/// <remarks>
/// CPT layout: the table of variable X with parents (P1, ..., Pk) has shape (|P1|, ..., |Pk|, |X|),
/// flattened row-major: one row per parent configuration (P1 slowest, Pk fastest), X's states fastest.
/// Every row sums to 1 (rows are normalised when the network is built).
/// </remarks>
public sealed class BayesianNetwork
{
    private readonly Variable[] _variables;
    private readonly Dictionary<string, Variable> _byName;
    private readonly double[][] _cpts;
    private readonly int[] _cardinalities;

    internal BayesianNetwork(string name, Variable[] variables, CausalGraph graph, double[][] cpts)
    {
        Name = name;
        _variables = variables;
        Graph = graph;
        _cpts = cpts;
        _byName = new Dictionary<string, Variable>(variables.Length, StringComparer.Ordinal);
        _cardinalities = new int[variables.Length];
        foreach (Variable v in variables)
        {
            _byName[v.Name] = v;
            _cardinalities[v.Index] = v.Cardinality;
        }
    }

    /// <summary>The network's name (a BIF file's name without extension).</summary>
    public string Name { get; }

    /// <summary>The variables in declaration order; <see cref="Variable.Index"/> is the position here.</summary>
    public IReadOnlyList<Variable> Variables => _variables;

    /// <summary>Number of variables.</summary>
    public int Count => _variables.Length;

    /// <summary>The causal DAG over variable indices (edges parent -> child).</summary>
    public CausalGraph Graph { get; }

    /// <summary>Number of states of each variable, by index.</summary>
    public ReadOnlySpan<int> Cardinalities => _cardinalities;

    /// <summary>The variable at <paramref name="index"/>.</summary>
    public Variable this[int index] => _variables[index];

    /// <summary>The variable called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such variable; the message names it.</exception>
    public Variable this[string name] => _byName.TryGetValue(name, out Variable? v)
        ? v
        : throw new KeyNotFoundException($"unknown variable '{name}' in network '{Name}'.");

    /// <summary>Looks up a variable without throwing.</summary>
    public bool TryGetVariable(string name, out Variable variable)
    {
        bool found = _byName.TryGetValue(name, out Variable? v);
        variable = v!;
        return found;
    }

    /// <summary>Parent indices of variable <paramref name="index"/>, in CPT order.</summary>
    public ReadOnlySpan<int> ParentsOf(int index) => Graph.ParentsOf(index);

    /// <summary>Child indices of variable <paramref name="index"/>.</summary>
    public ReadOnlySpan<int> ChildrenOf(int index) => Graph.ChildrenOf(index);

    /// <summary>The CPT of variable <paramref name="index"/>, shape (|P1|, ..., |Pk|, |X|) row-major.</summary>
    public ReadOnlySpan<double> CptOf(int index) => _cpts[index];

    /// <summary>P(X = state | parents = parentStates) by names, for inspection and tests.</summary>
    public double Probability(string variable, string state, params string[] parentStates)
    {
        ArgumentNullException.ThrowIfNull(parentStates);
        Variable x = this[variable];
        ReadOnlySpan<int> parents = ParentsOf(x.Index);
        if (parentStates.Length != parents.Length)
        {
            throw new ArgumentException($"variable '{variable}' has {parents.Length} parents; {parentStates.Length} parent states given.", nameof(parentStates));
        }

        int row = 0;
        for (int k = 0; k < parents.Length; k++)
        {
            Variable p = _variables[parents[k]];
            row = (row * p.Cardinality) + p.StateIndex(parentStates[k]);
        }

        return _cpts[x.Index][(row * x.Cardinality) + x.StateIndex(state)];
    }

    internal double[] CptArray(int index) => _cpts[index];

    /// <summary>The states per variable as the array the engine indexes (not to be modified).</summary>
    internal int[] CardinalityArray => _cardinalities;
}
