namespace Actinf.Causal.Networks;

/// <summary>
/// A discrete random variable of a Bayesian network: a name and its states in declaration order. The state
/// order is the order of every distribution over the variable (CPT rows, marginals, likelihood vectors).
/// </summary>
public sealed class Variable
{
    private readonly string[] _states;
    private readonly Dictionary<string, int> _stateIndex;

    internal Variable(int index, string name, string[] states)
    {
        Index = index;
        Name = name;
        _states = states;
        _stateIndex = new Dictionary<string, int>(states.Length, StringComparer.Ordinal);
        for (int i = 0; i < states.Length; i++)
        {
            _stateIndex[states[i]] = i;
        }
    }

    /// <summary>Position of the variable in <see cref="BayesianNetwork.Variables"/>.</summary>
    public int Index { get; }

    /// <summary>The variable's name, case sensitive.</summary>
    public string Name { get; }

    /// <summary>The states in declaration order.</summary>
    public IReadOnlyList<string> States => _states;

    /// <summary>Number of states.</summary>
    public int Cardinality => _states.Length;

    /// <summary>Index of <paramref name="state"/> in <see cref="States"/>.</summary>
    /// <exception cref="KeyNotFoundException">The variable has no such state; the message lists the states it has.</exception>
    public int StateIndex(string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_stateIndex.TryGetValue(state, out int index))
        {
            return index;
        }

        throw new KeyNotFoundException($"unknown state '{state}' of variable '{Name}' (states: {string.Join(", ", _states)}).");
    }

    /// <summary>Looks up a state without throwing.</summary>
    public bool TryGetStateIndex(string state, out int index) => _stateIndex.TryGetValue(state, out index);

    /// <inheritdoc />
    public override string ToString() => Name;
}
