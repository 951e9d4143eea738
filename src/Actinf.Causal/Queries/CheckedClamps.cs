using System.Globalization;
using Actinf.Causal.Inference;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Queries;

/// <summary>
/// Builds the <see cref="Inference.Clamps"/> of a query from a user's input, checking each clamp against the network
/// as it is added: the variable and state exist, a vector has one finite non-negative number per state, likelihoods
/// are not all zero, a soft intervention sums to 1, and no variable is clamped twice.
/// </summary>
/// <remarks>
/// Every method takes a <c>label</c>: how the caller's user wrote the item (<c>--evidence dysp=yes</c> on the command
/// line, <c>evidence.dysp</c> in a JSON request). A failed check throws <see cref="CausalQueryException"/> whose
/// message starts with that label and, for a mistyped variable or state, suggests the closest known name.
/// </remarks>
/// <param name="network">The network the query is about.</param>
public sealed class CheckedClamps(BayesianNetwork network)
{
    private readonly Dictionary<string, string> _clampedBy = new(StringComparer.Ordinal);

    /// <summary>The clamps added so far.</summary>
    public Clamps Clamps { get; } = new();

    /// <summary>Adds the observation <paramref name="variable"/> = <paramref name="state"/>.</summary>
    /// <param name="label">How the user wrote this item (starts the message of a failed check).</param>
    /// <param name="variable">The variable's name.</param>
    /// <param name="state">The observed state.</param>
    /// <exception cref="CausalQueryException">Unknown variable or state, or the variable is clamped already.</exception>
    public void Observe(string label, string variable, string? state)
    {
        Variable v = StateOf(label, variable, state);
        Claim(label, v);
        Clamps.Observe(v.Name, state!);
    }

    /// <summary>Adds the intervention do(<paramref name="variable"/> = <paramref name="state"/>).</summary>
    /// <param name="label">How the user wrote this item.</param>
    /// <param name="variable">The variable's name.</param>
    /// <param name="state">The state it is set to.</param>
    /// <exception cref="CausalQueryException">Unknown variable or state, or the variable is clamped already.</exception>
    public void Intervene(string label, string variable, string? state)
    {
        Variable v = StateOf(label, variable, state);
        Claim(label, v);
        Clamps.Intervene(v.Name, state!);
    }

    /// <summary>Adds virtual evidence: a likelihood per state, in the variable's state order.</summary>
    /// <param name="label">How the user wrote this item.</param>
    /// <param name="variable">The variable's name.</param>
    /// <param name="likelihoods">Non-negative, not all zero, one per state.</param>
    /// <exception cref="CausalQueryException">Unknown variable, a bad vector, or the variable is clamped already.</exception>
    public void Likelihood(string label, string variable, double[]? likelihoods)
    {
        Variable v = VectorOf(label, variable, likelihoods);
        if (Array.TrueForAll(likelihoods!, x => x == 0))
        {
            throw new CausalQueryException($"{label}: the likelihoods are all zero, which rules out every state of '{v.Name}'.");
        }

        Claim(label, v);
        Clamps.Likelihood(v.Name, likelihoods!);
    }

    /// <summary>Adds a soft intervention: the variable's table is replaced by this distribution (state order).</summary>
    /// <param name="label">How the user wrote this item.</param>
    /// <param name="variable">The variable's name.</param>
    /// <param name="distribution">Non-negative, one per state, summing to 1 (within 1e-6).</param>
    /// <exception cref="CausalQueryException">Unknown variable, a bad vector, or the variable is clamped already.</exception>
    public void SoftIntervene(string label, string variable, double[]? distribution)
    {
        Variable v = VectorOf(label, variable, distribution);
        double sum = distribution!.Sum();
        if (Math.Abs(sum - 1) > 1e-6)
        {
            throw new CausalQueryException(string.Create(
                CultureInfo.InvariantCulture,
                $"{label}: the distribution sums to {sum:G6}; the probabilities of the {v.Cardinality} states of '{v.Name}' must sum to 1."));
        }

        Claim(label, v);
        Clamps.SoftIntervene(v.Name, distribution!);
    }

    /// <summary>Checked variable names, in order, each once (targets, MAP variables).</summary>
    /// <param name="label">How the user named the list.</param>
    /// <param name="names">The names as written.</param>
    /// <returns>The network's names.</returns>
    /// <exception cref="CausalQueryException">An unknown variable, or one listed twice.</exception>
    public string[] Variables(string label, IEnumerable<string>? names)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names ?? [])
        {
            Variable v = Find(label, name);
            if (!seen.Add(v.Name))
            {
                throw new CausalQueryException($"{label}: variable '{v.Name}' is listed twice.");
            }

            result.Add(v.Name);
        }

        return [.. result];
    }

    /// <summary>The variable called <paramref name="name"/>.</summary>
    /// <param name="label">How the user wrote the item that names it.</param>
    /// <param name="name">The name as written.</param>
    /// <returns>The variable.</returns>
    /// <exception cref="CausalQueryException">No such variable (with the closest name, if one is close).</exception>
    public Variable Find(string label, string? name) =>
        name is not null && network.TryGetVariable(name, out Variable v) ? v : throw new CausalQueryException($"{label}: {UnknownVariable(name)}");

    /// <summary>"unknown variable 'x' in network 'n'." with "(did you mean 'y'?)" when a name is close.</summary>
    /// <param name="name">The name as written.</param>
    /// <returns>The sentence.</returns>
    public string UnknownVariable(string? name)
    {
        string? suggestion = name is null ? null : NameSuggestion.Closest(name, network.Variables.Select(v => v.Name));
        return suggestion is null
            ? $"unknown variable '{name}' in network '{network.Name}'."
            : $"unknown variable '{name}' in network '{network.Name}' (did you mean '{suggestion}'?).";
    }

    private Variable StateOf(string label, string variable, string? state)
    {
        Variable v = Find(label, variable);
        if (state is null || !v.TryGetStateIndex(state, out _))
        {
            string? suggestion = state is null ? null : NameSuggestion.Closest(state, v.States);
            string hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
            throw new CausalQueryException($"{label}: '{v.Name}' has no state '{state}' (states: {string.Join(", ", v.States)}){hint}");
        }

        return v;
    }

    private Variable VectorOf(string label, string variable, double[]? values)
    {
        Variable v = Find(label, variable);
        if (values is null || values.Length != v.Cardinality)
        {
            throw new CausalQueryException(string.Create(
                CultureInfo.InvariantCulture,
                $"{label}: {values?.Length ?? 0} value{(values?.Length == 1 ? string.Empty : "s")} given; '{v.Name}' has {v.Cardinality} states ({string.Join(", ", v.States)}): give one number per state, in that order."));
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]) || values[i] < 0)
            {
                throw new CausalQueryException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{label}: {values[i]} (state '{v.States[i]}') is not a finite non-negative number."));
            }
        }

        return v;
    }

    private void Claim(string label, Variable v)
    {
        if (_clampedBy.TryGetValue(v.Name, out string? first))
        {
            throw new CausalQueryException($"{label}: '{v.Name}' is already clamped by {first}; a variable takes one clamp per query.");
        }

        _clampedBy[v.Name] = label;
    }
}
