using System.Globalization;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Inference;

/// <summary>
/// What a query holds fixed or biases: hard evidence (observed values), virtual evidence (soft clamps:
/// likelihood vectors), hard interventions do(X = x) and soft (stochastic) interventions X ~ q.
/// At most one clamp per variable. Names are checked against the network when a query runs
/// (<see cref="Validate"/>), so one <see cref="Clamps"/> can be reused across networks with the same names.
/// </summary>
/// <remarks>
/// Semantics (spec/causal-fixture-format.md): graph surgery first (every intervened variable loses its
/// incoming edges; its CPT becomes the indicator of x, or q), evidence second: the joint of the mutilated
/// network is restricted to the observed values and multiplied by each likelihood vector lambda_Y(y).
/// </remarks>
public sealed class Clamps
{
    private readonly Dictionary<string, string> _observed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _interventions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double[]> _likelihoods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double[]> _softInterventions = new(StringComparer.Ordinal);

    /// <summary>Hard evidence: variable -> observed state.</summary>
    public IReadOnlyDictionary<string, string> Observed => _observed;

    /// <summary>Hard interventions do(variable = state).</summary>
    public IReadOnlyDictionary<string, string> Interventions => _interventions;

    /// <summary>Virtual evidence: variable -> likelihood vector lambda (non-negative, in state order, used as given).</summary>
    public IReadOnlyDictionary<string, double[]> Likelihoods => _likelihoods;

    /// <summary>Soft interventions: variable -> distribution q (in state order, sums to 1) replacing its CPT.</summary>
    public IReadOnlyDictionary<string, double[]> SoftInterventions => _softInterventions;

    /// <summary>True when nothing is clamped.</summary>
    public bool IsEmpty => _observed.Count + _interventions.Count + _likelihoods.Count + _softInterventions.Count == 0;

    /// <summary>Every clamped variable's name.</summary>
    public IEnumerable<string> Variables => _observed.Keys.Concat(_interventions.Keys).Concat(_likelihoods.Keys).Concat(_softInterventions.Keys);

    /// <summary>Hard clamp by observation: condition on <paramref name="variable"/> = <paramref name="state"/>.</summary>
    public Clamps Observe(string variable, string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Claim(variable);
        _observed[variable] = state;
        return this;
    }

    /// <summary>Hard clamp by intervention: do(<paramref name="variable"/> = <paramref name="state"/>) (graph surgery).</summary>
    public Clamps Intervene(string variable, string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Claim(variable);
        _interventions[variable] = state;
        return this;
    }

    /// <summary>Virtual evidence: multiply the joint by lambda(<paramref name="variable"/>) (non-negative, state order).</summary>
    public Clamps Likelihood(string variable, params double[] lambda)
    {
        ArgumentNullException.ThrowIfNull(lambda);
        Claim(variable);
        _likelihoods[variable] = (double[])lambda.Clone();
        return this;
    }

    /// <summary>
    /// Soft clamp of <paramref name="variable"/> towards <paramref name="state"/> with a stated strength in
    /// (0, 1): the likelihood vector gives the state <paramref name="strength"/> and shares 1 - strength
    /// among the other states, so from a uniform prior the clamp alone would make the state's probability
    /// equal the strength. The variable still moves when other evidence opposes it strongly enough.
    /// </summary>
    public Clamps SoftClamp(string variable, string state, double strength, BayesianNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!(strength > 0 && strength < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(strength), strength, "soft clamp strength must lie in (0, 1).");
        }

        Variable v = network[variable];
        int s = v.StateIndex(state);
        var lambda = new double[v.Cardinality];
        double other = v.Cardinality == 1 ? 0 : (1 - strength) / (v.Cardinality - 1);
        Array.Fill(lambda, other);
        lambda[s] = strength;
        return Likelihood(variable, lambda);
    }

    /// <summary>Soft (stochastic) intervention: cut the incoming edges of <paramref name="variable"/> and set its distribution to q.</summary>
    public Clamps SoftIntervene(string variable, params double[] distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        Claim(variable);
        _softInterventions[variable] = (double[])distribution.Clone();
        return this;
    }

    /// <summary>The clamp kind of <paramref name="variable"/>, or null when it is free.</summary>
    public ClampType? TypeOf(string variable) =>
        _observed.ContainsKey(variable) || _interventions.ContainsKey(variable) ? ClampType.Hard
        : _likelihoods.ContainsKey(variable) || _softInterventions.ContainsKey(variable) ? ClampType.Soft
        : null;

    /// <summary>
    /// Checks every name, state and vector against <paramref name="network"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown variable or state, wrong vector length, negative or non-finite
    /// entries, an all-zero likelihood, or a soft intervention that does not sum to 1 (within 1e-6).</exception>
    public void Validate(BayesianNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        foreach ((string name, string state) in _observed)
        {
            CheckState(network, name, state, "evidence");
        }

        foreach ((string name, string state) in _interventions)
        {
            CheckState(network, name, state, "intervention");
        }

        foreach ((string name, double[] lambda) in _likelihoods)
        {
            double sum = CheckVector(network, name, lambda, "virtual evidence");
            if (sum == 0)
            {
                throw new ArgumentException($"virtual evidence on '{name}' is all zeros: it would make every state impossible.");
            }
        }

        foreach ((string name, double[] q) in _softInterventions)
        {
            double sum = CheckVector(network, name, q, "soft intervention");
            if (Math.Abs(sum - 1) > 1e-6)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"soft intervention on '{name}' sums to {sum:R}; a distribution must sum to 1."));
            }
        }
    }

    private void Claim(string variable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variable);
        if (TypeOf(variable) is not null)
        {
            throw new ArgumentException($"variable '{variable}' is already clamped; a variable takes one clamp per query.", nameof(variable));
        }
    }

    private static void CheckState(BayesianNetwork network, string name, string state, string role)
    {
        if (!network.TryGetVariable(name, out Variable v))
        {
            throw new ArgumentException($"{role} names unknown variable '{name}' (network '{network.Name}').");
        }

        if (!v.TryGetStateIndex(state, out _))
        {
            throw new ArgumentException($"{role} names unknown state '{state}' of '{name}' (states: {string.Join(", ", v.States)}).");
        }
    }

    private static double CheckVector(BayesianNetwork network, string name, double[] vector, string role)
    {
        if (!network.TryGetVariable(name, out Variable v))
        {
            throw new ArgumentException($"{role} names unknown variable '{name}' (network '{network.Name}').");
        }

        if (vector.Length != v.Cardinality)
        {
            throw new ArgumentException($"{role} on '{name}' has {vector.Length} entries; '{name}' has {v.Cardinality} states ({string.Join(", ", v.States)}).");
        }

        double sum = 0;
        foreach (double x in vector)
        {
            if (!double.IsFinite(x) || x < 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{role} on '{name}' has entry {x}: entries must be finite and non-negative."));
            }

            sum += x;
        }

        return sum;
    }
}
