using Actinf.Causal.Networks;

namespace Actinf.Causal.Inference;

/// <summary>
/// <see cref="Clamps"/> turned into per-variable arrays (by network index) after validation, plus the
/// factors of the mutilated network reduced by every fixed value.
/// </summary>
internal sealed class ResolvedClamps
{
    private ResolvedClamps(BayesianNetwork network)
    {
        int n = network.Count;
        Network = network;
        Fixed = new int[n];
        Array.Fill(Fixed, -1);
        IsObserved = new bool[n];
        Likelihood = new double[n][];
        SoftIntervention = new double[n][];
    }

    public BayesianNetwork Network { get; }

    /// <summary>The network's states per variable.</summary>
    public int[] Cardinalities { get; private init; } = [];

    /// <summary>The engine's order cache, when it keeps one.</summary>
    public OrderCache? Orders { get; private init; }

    /// <summary>The fixed state of each hard-clamped variable (observed or intervened), or -1.</summary>
    public int[] Fixed { get; }

    /// <summary>True for observed (conditioned) variables; intervened ones are fixed but not observed.</summary>
    public bool[] IsObserved { get; }

    /// <summary>Virtual evidence vectors, or null.</summary>
    public double[]?[] Likelihood { get; }

    /// <summary>Soft intervention distributions, or null.</summary>
    public double[]?[] SoftIntervention { get; }

    /// <summary>Variables whose value carries evidence: observed ones and those with virtual evidence.</summary>
    public List<int> EvidenceVariables { get; } = [];

    /// <summary>Whether graph surgery cut the incoming edges of <paramref name="v"/>.</summary>
    public bool IsCut(int v) => (Fixed[v] >= 0 && !IsObserved[v]) || SoftIntervention[v] is not null;

    public static ResolvedClamps Resolve(BayesianNetwork network, Clamps? clamps, OrderCache? orders = null)
    {
        var resolved = new ResolvedClamps(network) { Cardinalities = network.CardinalityArray, Orders = orders };
        if (clamps is null || clamps.IsEmpty)
        {
            return resolved;
        }

        clamps.Validate(network);
        foreach ((string name, string state) in clamps.Observed)
        {
            Variable v = network[name];
            resolved.Fixed[v.Index] = v.StateIndex(state);
            resolved.IsObserved[v.Index] = true;
            resolved.EvidenceVariables.Add(v.Index);
        }

        foreach ((string name, string state) in clamps.Interventions)
        {
            Variable v = network[name];
            resolved.Fixed[v.Index] = v.StateIndex(state);
        }

        foreach ((string name, double[] lambda) in clamps.Likelihoods)
        {
            int v = network[name].Index;
            resolved.Likelihood[v] = lambda;
            resolved.EvidenceVariables.Add(v);
        }

        foreach ((string name, double[] q) in clamps.SoftInterventions)
        {
            resolved.SoftIntervention[network[name].Index] = q;
        }

        return resolved;
    }

    /// <summary>
    /// Marks the ancestors of <paramref name="seeds"/> in the mutilated graph (surgery stops the walk at
    /// intervened variables), seeds included.
    /// </summary>
    public bool[] MutilatedAncestors(List<int> seeds)
    {
        var mark = new bool[Network.Count];
        Network.Graph.MarkReachable(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(seeds), mark, upwards: true, IsCut);
        return mark;
    }

    /// <summary>
    /// The factors of the variables marked in <paramref name="keep"/>: each variable's CPT after surgery,
    /// sliced at every fixed value, plus one unary factor per virtual evidence vector. A fixed variable
    /// contributes its observed CPT entries (observations) or nothing (interventions: the indicator sums to 1).
    /// </summary>
    public List<Factor> Factors(bool[] keep)
    {
        var factors = new List<Factor>();
        for (int v = 0; v < Network.Count; v++)
        {
            if (!keep[v])
            {
                continue;
            }

            if (Likelihood[v] is double[] lambda)
            {
                factors.Add(new Factor([v], [lambda.Length], (double[])lambda.Clone()));
            }

            if (Fixed[v] >= 0 && !IsObserved[v])
            {
                continue;
            }

            if (SoftIntervention[v] is double[] q)
            {
                factors.Add(Fixed[v] >= 0 ? Factor.Scalar(q[Fixed[v]], 0) : new Factor([v], [q.Length], (double[])q.Clone()));
                continue;
            }

            factors.Add(CptFactor(v));
        }

        return factors;
    }

    private Factor CptFactor(int v)
    {
        ReadOnlySpan<int> parents = Network.ParentsOf(v);
        int k = parents.Length;

        // Scope in CPT order: parents then v; source strides row-major.
        var scope = new int[k + 1];
        parents.CopyTo(scope);
        scope[k] = v;
        var sourceStride = new int[k + 1];
        int stride = 1;
        for (int i = k; i >= 0; i--)
        {
            sourceStride[i] = stride;
            stride *= Network.Cardinalities[scope[i]];
        }

        // Fixed variables contribute a constant offset; the others form the output, ascending.
        int baseOffset = 0;
        var free = new List<int>(k + 1);
        for (int i = 0; i <= k; i++)
        {
            int f = Fixed[scope[i]];
            if (f >= 0)
            {
                baseOffset += f * sourceStride[i];
            }
            else
            {
                free.Add(i);
            }
        }

        free.Sort((a, b) => scope[a].CompareTo(scope[b]));
        int d = free.Count;
        var vars = new int[d];
        var cards = new int[d];
        var strides = new int[d];
        int size = 1;
        for (int j = 0; j < d; j++)
        {
            vars[j] = scope[free[j]];
            cards[j] = Network.Cardinalities[vars[j]];
            strides[j] = sourceStride[free[j]];
            size *= cards[j];
        }

        ReadOnlySpan<double> cpt = Network.CptOf(v);
        var values = new double[size];
        var digits = new int[d];
        int offset = baseOffset;
        for (int o = 0; o < size; o++)
        {
            values[o] = cpt[offset];
            for (int j = d - 1; j >= 0; j--)
            {
                if (++digits[j] < cards[j])
                {
                    offset += strides[j];
                    break;
                }

                digits[j] = 0;
                offset -= strides[j] * (cards[j] - 1);
            }
        }

        return new Factor(vars, cards, values);
    }
}
