using Actinf.Causal.Inference;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Tests.Oracle;

/// <summary>
/// Brute-force test oracle: enumerates the full joint of a small network under one query's clamps and
/// answers every query kind from that table. Independent of <c>Actinf.Causal.Inference</c> beyond its
/// public types (it reads the clamps and nothing else), and written the simplest way: an odometer over all
/// configurations and, per configuration, a product of CPT entries.
/// </summary>
/// <remarks>
/// Semantics (docs/spec/causal-fixture-format.md): graph surgery first (an intervened variable's factor
/// becomes 1[X = x], a soft-intervened one's becomes q(X), its parents no longer matter), evidence second:
/// W(v) = P_m(v) * prod 1[v_E = e] * prod lambda_Y(v_Y), and Z = sum_v W(v).
/// Configurations are numbered row-major over the variables in declaration order (variable 0 slowest).
/// </remarks>
internal sealed class Enumeration
{
    /// <summary>The largest joint table the oracle agrees to enumerate.</summary>
    public const int MaxEntries = 250_000;

    private readonly BayesianNetwork _network;
    private readonly int[] _cardinalities;
    private readonly double[] _weights;
    private readonly bool[] _hardClamped;

    /// <summary>Enumerates W(v) for every configuration v of <paramref name="network"/> under <paramref name="clamps"/>.</summary>
    public Enumeration(BayesianNetwork network, Clamps? clamps = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        clamps ??= new Clamps();
        _network = network;
        int n = network.Count;
        _cardinalities = new int[n];
        long total = 1;
        for (int i = 0; i < n; i++)
        {
            _cardinalities[i] = network[i].Cardinality;
            total *= _cardinalities[i];
            if (total > MaxEntries)
            {
                throw new ArgumentException($"network '{network.Name}' has more than {MaxEntries} joint entries; too large to enumerate.", nameof(network));
            }
        }

        // One factor per variable: its CPT, or after surgery 1[X = x] or q(X) with no parents; then the hard
        // evidence indicator and the likelihood vector multiplied into the variable's own axis.
        _hardClamped = new bool[n];
        var parentsOf = new int[n][];
        var factors = new double[n][];
        for (int i = 0; i < n; i++)
        {
            parentsOf[i] = network.ParentsOf(i).ToArray();
            factors[i] = network.CptOf(i).ToArray();
        }

        foreach ((string name, string state) in clamps.Interventions)
        {
            Variable v = network[name];
            parentsOf[v.Index] = [];
            factors[v.Index] = new double[v.Cardinality];
            factors[v.Index][v.StateIndex(state)] = 1;
            _hardClamped[v.Index] = true;
        }

        foreach ((string name, double[] q) in clamps.SoftInterventions)
        {
            Variable v = network[name];
            parentsOf[v.Index] = [];
            factors[v.Index] = (double[])q.Clone();
        }

        foreach ((string name, string state) in clamps.Observed)
        {
            Variable v = network[name];
            double[] f = factors[v.Index];
            int observed = v.StateIndex(state);
            for (int k = 0; k < f.Length; k++)
            {
                if (k % v.Cardinality != observed)
                {
                    f[k] = 0;
                }
            }

            _hardClamped[v.Index] = true;
        }

        foreach ((string name, double[] lambda) in clamps.Likelihoods)
        {
            Variable v = network[name];
            double[] f = factors[v.Index];
            for (int k = 0; k < f.Length; k++)
            {
                f[k] *= lambda[k % v.Cardinality];
            }
        }

        // W(v) = product of the factors read at v, for every configuration v.
        _weights = new double[total];
        var states = new int[n];
        double z = 0;
        for (int c = 0; c < total; c++)
        {
            double w = 1;
            for (int i = 0; i < n; i++)
            {
                int row = 0;
                foreach (int p in parentsOf[i])
                {
                    row = (row * _cardinalities[p]) + states[p];
                }

                w *= factors[i][(row * _cardinalities[i]) + states[i]];
            }

            _weights[c] = w;
            z += w;
            Advance(states);
        }

        EvidenceProbability = z;
    }

    /// <summary>Z = sum_v W(v).</summary>
    public double EvidenceProbability { get; }

    /// <summary>ln Z (negative infinity when Z = 0).</summary>
    public double LogEvidenceProbability => Math.Log(EvidenceProbability);

    /// <summary>Number of joint configurations enumerated.</summary>
    public int Size => _weights.Length;

    /// <summary>The posterior marginal of <paramref name="variable"/>: sum_{v: v_T = t} W(v) / Z.</summary>
    /// <exception cref="InvalidOperationException">Z = 0.</exception>
    public double[] Marginal(string variable) => Marginals([variable])[0];

    /// <summary>The posterior marginals of <paramref name="variables"/>, in one pass over the table.</summary>
    /// <exception cref="InvalidOperationException">Z = 0.</exception>
    public double[][] Marginals(IReadOnlyList<string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (EvidenceProbability == 0)
        {
            throw new InvalidOperationException("the clamps are impossible (Z = 0): no posterior exists.");
        }

        int[] indices = [.. variables.Select(name => _network[name].Index)];
        double[][] marginals = [.. indices.Select(i => new double[_cardinalities[i]])];
        var states = new int[_network.Count];
        for (int c = 0; c < _weights.Length; c++)
        {
            for (int k = 0; k < indices.Length; k++)
            {
                marginals[k][states[indices[k]]] += _weights[c];
            }

            Advance(states);
        }

        foreach (double[] marginal in marginals)
        {
            for (int s = 0; s < marginal.Length; s++)
            {
                marginal[s] /= EvidenceProbability;
            }
        }

        return marginals;
    }

    /// <summary>The joint posterior of <paramref name="variables"/>, row-major with the last variable fastest.</summary>
    /// <exception cref="InvalidOperationException">Z = 0.</exception>
    public double[] Joint(IReadOnlyList<string> variables)
    {
        double[] table = UnnormalisedJoint(variables);
        if (EvidenceProbability == 0)
        {
            throw new InvalidOperationException("the clamps are impossible (Z = 0): no posterior exists.");
        }

        for (int k = 0; k < table.Length; k++)
        {
            table[k] /= EvidenceProbability;
        }

        return table;
    }

    /// <summary>
    /// Sum of W(v) over every configuration that agrees with <paramref name="assignment"/> (a partial
    /// assignment by names). For an assignment of every variable that is not hard-clamped this is W of the
    /// configuration completed by the clamped states (the others have W = 0).
    /// </summary>
    public double Weight(IReadOnlyDictionary<string, string> assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var required = new int[_network.Count];
        Array.Fill(required, -1);
        foreach ((string name, string state) in assignment)
        {
            Variable v = _network[name];
            required[v.Index] = v.StateIndex(state);
        }

        var states = new int[_network.Count];
        double sum = 0;
        for (int c = 0; c < _weights.Length; c++)
        {
            bool agrees = true;
            for (int i = 0; i < states.Length; i++)
            {
                if (required[i] >= 0 && states[i] != required[i])
                {
                    agrees = false;
                    break;
                }
            }

            if (agrees)
            {
                sum += _weights[c];
            }

            Advance(states);
        }

        return sum;
    }

    /// <summary>ln <see cref="Weight"/>.</summary>
    public double LogWeight(IReadOnlyDictionary<string, string> assignment) => Math.Log(Weight(assignment));

    /// <summary>
    /// MPE: argmax of W over every variable that is neither observed nor intervened on (the first
    /// configuration in enumeration order on ties), with the runner-up (the second largest W, equal to the
    /// best on ties) as a posterior probability.
    /// </summary>
    public OracleExplanation MostProbableExplanation()
    {
        string[] free = [.. _network.Variables.Where(v => !_hardClamped[v.Index]).Select(v => v.Name)];
        return MaximumAPosteriori(free);
    }

    /// <summary>
    /// Marginal MAP over <paramref name="variables"/>: M(s) = sum_{v: v_S = s} W(v), argmax (the first on
    /// ties), ln M(s*), and the runner-up M / Z (null when the subset has a single configuration).
    /// </summary>
    public OracleExplanation MaximumAPosteriori(IReadOnlyList<string> variables)
    {
        double[] table = UnnormalisedJoint(variables);
        int best = 0;
        for (int k = 1; k < table.Length; k++)
        {
            if (table[k] > table[best])
            {
                best = k;
            }
        }

        double? runnerUp = null;
        if (table.Length > 1)
        {
            double second = double.NegativeInfinity;
            for (int k = 0; k < table.Length; k++)
            {
                if (k != best && table[k] > second)
                {
                    second = table[k];
                }
            }

            runnerUp = second / EvidenceProbability;
        }

        var assignment = new Dictionary<string, string>(StringComparer.Ordinal);
        int rest = best;
        for (int k = variables.Count - 1; k >= 0; k--)
        {
            Variable v = _network[variables[k]];
            assignment[v.Name] = v.States[rest % v.Cardinality];
            rest /= v.Cardinality;
        }

        return new OracleExplanation(assignment, Math.Log(table[best]), LogEvidenceProbability, runnerUp);
    }

    private double[] UnnormalisedJoint(IReadOnlyList<string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var indices = new int[variables.Count];
        int size = 1;
        for (int k = 0; k < variables.Count; k++)
        {
            indices[k] = _network[variables[k]].Index;
            if (Array.IndexOf(indices, indices[k], 0, k) >= 0)
            {
                throw new ArgumentException($"variable '{variables[k]}' is listed twice.", nameof(variables));
            }

            size *= _cardinalities[indices[k]];
        }

        var table = new double[size];
        var states = new int[_network.Count];
        for (int c = 0; c < _weights.Length; c++)
        {
            int cell = 0;
            foreach (int i in indices)
            {
                cell = (cell * _cardinalities[i]) + states[i];
            }

            table[cell] += _weights[c];
            Advance(states);
        }

        return table;
    }

    // The odometer: the last variable turns fastest.
    private void Advance(int[] states)
    {
        for (int i = states.Length - 1; i >= 0; i--)
        {
            if (++states[i] < _cardinalities[i])
            {
                return;
            }

            states[i] = 0;
        }
    }
}

/// <summary>The oracle's answer to an MPE or MAP query.</summary>
/// <param name="Assignment">Explained variable -> state of the best assignment.</param>
/// <param name="LogProbability">ln P(x*, e) (ln W, or ln of W summed over the other variables for MAP).</param>
/// <param name="LogEvidenceProbability">ln Z.</param>
/// <param name="RunnerUpPosteriorProbability">The second largest P(x, e) / Z; null when there is no second assignment.</param>
internal sealed record OracleExplanation(
    IReadOnlyDictionary<string, string> Assignment,
    double LogProbability,
    double LogEvidenceProbability,
    double? RunnerUpPosteriorProbability);
