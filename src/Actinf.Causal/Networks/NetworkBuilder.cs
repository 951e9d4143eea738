using System.Globalization;
using Actinf.Causal.Graphs;

namespace Actinf.Causal.Networks;

/// <summary>
/// Builds a <see cref="BayesianNetwork"/> in code: declare variables with their states, then give each
/// variable its parents and its CPT, as a whole table or row by row (one row per parent configuration, in
/// any order). <see cref="Build"/> validates everything and names the problem.
/// </summary>
/// <example>
/// <code>
/// var network = new NetworkBuilder("sprinkler")
///     .AddVariable("rain", "yes", "no")
///     .AddVariable("wet", "yes", "no")
///     .SetTable("rain", [], [0.2, 0.8])
///     .SetRow("wet", ["rain"], ["yes"], [0.9, 0.1])
///     .SetRow("wet", ["rain"], ["no"], [0.1, 0.9])
///     .Build();
/// </code>
/// </example>
public sealed class NetworkBuilder
{
    /// <summary>Default largest |row sum - 1| accepted (and then normalised away) when building.</summary>
    public const double DefaultRowSumTolerance = 1e-4;

    private readonly string _name;
    private readonly List<string> _names = [];
    private readonly List<string[]> _states = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<int, PendingTable> _tables = [];

    /// <summary>Starts a network called <paramref name="name"/>.</summary>
    public NetworkBuilder(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name;
    }

    /// <summary>Declares a variable with its states (at least one; names unique within the variable).</summary>
    /// <exception cref="NetworkValidationException">Duplicate variable or state name, or no states.</exception>
    public NetworkBuilder AddVariable(string name, params string[] states)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(states);
        if (_index.ContainsKey(name))
        {
            throw new NetworkValidationException($"duplicate variable '{name}' in network '{_name}'.");
        }

        if (states.Length == 0)
        {
            throw new NetworkValidationException($"variable '{name}' has no states.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string s in states)
        {
            if (string.IsNullOrEmpty(s))
            {
                throw new NetworkValidationException($"variable '{name}' has an empty state name.");
            }

            if (!seen.Add(s))
            {
                throw new NetworkValidationException($"variable '{name}' declares state '{s}' twice.");
            }
        }

        _index[name] = _names.Count;
        _names.Add(name);
        _states.Add((string[])states.Clone());
        return this;
    }

    /// <summary>Whether a variable of that name was declared.</summary>
    public bool HasVariable(string name) => _index.ContainsKey(name);

    /// <summary>
    /// Sets the whole CPT of <paramref name="variable"/>: shape (|P1|, ..., |Pk|, |X|) row-major (parents in
    /// the given order, last parent fastest, the variable's own states fastest of all).
    /// </summary>
    public NetworkBuilder SetTable(string variable, IReadOnlyList<string> parents, ReadOnlySpan<double> table)
    {
        PendingTable pending = Begin(variable, parents);
        int expected = pending.Rows * pending.Cardinality;
        if (table.Length != expected)
        {
            throw new NetworkValidationException(
                $"CPT of '{variable}' has {table.Length} entries; expected {expected} ({pending.Rows} parent configurations x {pending.Cardinality} states).");
        }

        table.CopyTo(pending.Values);
        Array.Fill(pending.RowSet, true);
        return this;
    }

    /// <summary>
    /// Sets one row of the CPT: P(<paramref name="variable"/> | parents = <paramref name="parentStates"/>),
    /// the probabilities in the variable's state order.
    /// </summary>
    public NetworkBuilder SetRow(string variable, IReadOnlyList<string> parents, IReadOnlyList<string> parentStates, ReadOnlySpan<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(parentStates);
        PendingTable pending = Begin(variable, parents);
        if (parentStates.Count != pending.Parents.Length)
        {
            throw new NetworkValidationException(
                $"CPT row of '{variable}' names {parentStates.Count} parent states; '{variable}' has {pending.Parents.Length} parents.");
        }

        if (probabilities.Length != pending.Cardinality)
        {
            throw new NetworkValidationException(
                $"CPT row of '{variable}' for ({string.Join(", ", parentStates)}) has {probabilities.Length} probabilities; '{variable}' has {pending.Cardinality} states.");
        }

        int row = 0;
        for (int k = 0; k < pending.Parents.Length; k++)
        {
            string[] states = _states[pending.Parents[k]];
            int s = Array.IndexOf(states, parentStates[k]);
            if (s < 0)
            {
                throw new NetworkValidationException(
                    $"CPT row of '{variable}' names unknown state '{parentStates[k]}' of parent '{_names[pending.Parents[k]]}' (states: {string.Join(", ", states)}).");
            }

            row = (row * states.Length) + s;
        }

        probabilities.CopyTo(pending.Values.AsSpan(row * pending.Cardinality, pending.Cardinality));
        pending.RowSet[row] = true;
        return this;
    }

    /// <summary>
    /// Sets every row not yet set to <paramref name="probabilities"/> (BIF's <c>default</c> row).
    /// </summary>
    public NetworkBuilder SetDefaultRow(string variable, IReadOnlyList<string> parents, ReadOnlySpan<double> probabilities)
    {
        PendingTable pending = Begin(variable, parents);
        if (probabilities.Length != pending.Cardinality)
        {
            throw new NetworkValidationException(
                $"default row of '{variable}' has {probabilities.Length} probabilities; '{variable}' has {pending.Cardinality} states.");
        }

        for (int r = 0; r < pending.Rows; r++)
        {
            if (!pending.RowSet[r])
            {
                probabilities.CopyTo(pending.Values.AsSpan(r * pending.Cardinality, pending.Cardinality));
                pending.RowSet[r] = true;
            }
        }

        return this;
    }

    /// <summary>
    /// Validates and builds the network: every variable has a complete CPT with finite non-negative entries,
    /// every row sums to 1 within <paramref name="rowSumTolerance"/> (then divided by its sum), and the
    /// parent relation is acyclic.
    /// </summary>
    /// <exception cref="NetworkValidationException">The first problem found, named.</exception>
    public BayesianNetwork Build(double rowSumTolerance = DefaultRowSumTolerance)
    {
        int n = _names.Count;
        var variables = new Variable[n];
        for (int i = 0; i < n; i++)
        {
            variables[i] = new Variable(i, _names[i], _states[i]);
        }

        var cpts = new double[n][];
        var from = new List<int>();
        var to = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (!_tables.TryGetValue(i, out PendingTable? pending))
            {
                throw new NetworkValidationException($"variable '{_names[i]}' has no probability table.");
            }

            for (int r = 0; r < pending.Rows; r++)
            {
                if (!pending.RowSet[r])
                {
                    throw new NetworkValidationException(
                        $"CPT of '{_names[i]}' has no row for {DescribeRow(pending, r)}.");
                }

                NormaliseRow(i, pending, r, rowSumTolerance);
            }

            foreach (int p in pending.Parents)
            {
                from.Add(p);
                to.Add(i);
            }

            cpts[i] = pending.Values;
        }

        CausalGraph graph;
        try
        {
            graph = CausalGraph.FromEdges(n, from.ToArray(), to.ToArray(), i => _names[i]);
        }
        catch (CycleException e)
        {
            throw new NetworkValidationException($"network '{_name}' is not acyclic: {e.Message}", e);
        }

        return new BayesianNetwork(_name, variables, graph, cpts);
    }

    private PendingTable Begin(string variable, IReadOnlyList<string> parents)
    {
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(parents);
        int child = Lookup(variable, null);
        var parentIndex = new int[parents.Count];
        for (int k = 0; k < parents.Count; k++)
        {
            parentIndex[k] = Lookup(parents[k], variable);
            if (parentIndex[k] == child)
            {
                throw new NetworkValidationException($"network '{_name}' is not acyclic: cycle: {variable} -> {variable} (a variable cannot be its own parent).");
            }

            for (int j = 0; j < k; j++)
            {
                if (parentIndex[j] == parentIndex[k])
                {
                    throw new NetworkValidationException($"'{variable}' lists parent '{parents[k]}' twice.");
                }
            }
        }

        if (_tables.TryGetValue(child, out PendingTable? existing))
        {
            if (!existing.Parents.AsSpan().SequenceEqual(parentIndex))
            {
                throw new NetworkValidationException(
                    $"'{variable}' already has a probability table with parents ({string.Join(", ", existing.Parents.Select(p => _names[p]))}).");
            }

            return existing;
        }

        int rows = 1;
        foreach (int p in parentIndex)
        {
            rows = checked(rows * _states[p].Length);
        }

        var created = new PendingTable(parentIndex, _states[child].Length, rows);
        _tables[child] = created;
        return created;
    }

    /// <summary>Index of a declared variable; <paramref name="childOf"/> names the child when looking up a parent.</summary>
    private int Lookup(string name, string? childOf) => _index.TryGetValue(name, out int i)
        ? i
        : throw new NetworkValidationException(childOf is null
            ? $"unknown variable '{name}' (a probability table) in network '{_name}'."
            : $"unknown variable '{name}' (parent of '{childOf}') in network '{_name}'.");

    private void NormaliseRow(int child, PendingTable pending, int row, double tolerance)
    {
        Span<double> values = pending.Values.AsSpan(row * pending.Cardinality, pending.Cardinality);
        double sum = 0;
        for (int s = 0; s < values.Length; s++)
        {
            double v = values[s];
            if (!double.IsFinite(v) || v < 0)
            {
                throw new NetworkValidationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"CPT of '{_names[child]}' has entry {v} for state '{_states[child][s]}' given {DescribeRow(pending, row)}: probabilities must be finite and non-negative."));
            }

            sum += v;
        }

        if (sum == 0)
        {
            throw new NetworkValidationException($"CPT row of '{_names[child]}' given {DescribeRow(pending, row)} sums to 0.");
        }

        if (Math.Abs(sum - 1) > tolerance)
        {
            throw new NetworkValidationException(string.Create(
                CultureInfo.InvariantCulture,
                $"CPT row of '{_names[child]}' given {DescribeRow(pending, row)} sums to {sum:R}, not 1 (tolerance {tolerance:G3})."));
        }

        for (int s = 0; s < values.Length; s++)
        {
            values[s] /= sum;
        }
    }

    private string DescribeRow(PendingTable pending, int row)
    {
        if (pending.Parents.Length == 0)
        {
            return "no parents";
        }

        var parts = new string[pending.Parents.Length];
        for (int k = pending.Parents.Length - 1; k >= 0; k--)
        {
            string[] states = _states[pending.Parents[k]];
            parts[k] = $"{_names[pending.Parents[k]]}={states[row % states.Length]}";
            row /= states.Length;
        }

        return "(" + string.Join(", ", parts) + ")";
    }

    private sealed class PendingTable(int[] parents, int cardinality, int rows)
    {
        public int[] Parents { get; } = parents;

        public int Cardinality { get; } = cardinality;

        public int Rows { get; } = rows;

        public double[] Values { get; } = new double[rows * cardinality];

        public bool[] RowSet { get; } = new bool[rows];
    }
}
