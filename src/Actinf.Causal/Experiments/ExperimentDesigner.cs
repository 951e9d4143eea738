using Actinf.Causal.Effects;
using Actinf.Causal.Inference;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Experiments;

/// <summary>
/// Bayesian experimental design on a causal network: ranks the variables one could observe or intervene on
/// by the expected information gain (EIG) about a target T under the current clamps, exactly (this feeds
/// the SuggestExperiment action of Actinf.Epistemic). All gains are in nats.
/// </summary>
/// <remarks>
/// <para>
/// <b>Observing X</b>: EIG = I(T; X | clamps) = H(T | clamps) - E_x[H(T | X = x, clamps)], the mutual
/// information of the joint posterior of (T, X) (<see cref="ExactInference.Joint"/>,
/// <see cref="InformationMeasures.MutualInformation"/>).
/// </para>
/// <para>
/// <b>Intervening on X</b>: the information that a uniformly randomised do(X) carries about T. With q uniform
/// over X's states and p_x = P(T | do(X = x), clamps),
/// EIG = H(sum_x q(x) p_x) - sum_x q(x) H(p_x), the Jensen-Shannon divergence of the interventional
/// distributions (0 exactly when every do(X = x) leaves T's distribution the same). The clamps are applied
/// after the surgery in every term and q is not reweighted by how probable the clamps are under each do(x).
/// Intervening on an effect of T tells nothing about T (the surgery cuts the edge T -&gt; X), unless the
/// clamps observe a common descendant of T and X.
/// </para>
/// <para>
/// Both gains are non-negative (rounding below 0 is returned as 0); observation gains are at most H(T | clamps).
/// </para>
/// </remarks>
public sealed class ExperimentDesigner
{
    /// <summary>Wraps an existing engine (and shares it).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public ExperimentDesigner(ExactInference engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
    }

    /// <summary>Creates an exact engine for <paramref name="network"/> and wraps it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is null.</exception>
    public ExperimentDesigner(BayesianNetwork network)
        : this(new ExactInference(network))
    {
    }

    /// <summary>The exact engine every query runs on.</summary>
    public ExactInference Engine { get; }

    /// <summary>The network queried.</summary>
    public BayesianNetwork Network => Engine.Network;

    /// <summary>
    /// Ranks candidate experiments on the variables of the network by expected information gain about
    /// <paramref name="target"/> in nats, highest first. An intervention that makes the clamps impossible for
    /// some state of its variable is skipped (listed in <see cref="ExperimentRanking.Skipped"/> with the reason).
    /// </summary>
    /// <param name="target">The variable T to learn about (not hard-clamped).</param>
    /// <param name="clamps">What is known or done already; null = nothing.</param>
    /// <param name="options">Candidates, kinds and a top-k cut; null = <see cref="ExperimentOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    /// <exception cref="ArgumentException">Unknown variable or state, a hard-clamped target, a clamped, repeated or target
    /// candidate, neither kind enabled, or a top k below 1.</exception>
    /// <exception cref="ImpossibleEvidenceException">The clamps have probability 0.</exception>
    public ExperimentRanking Rank(string target, Clamps? clamps = null, ExperimentOptions? options = null)
    {
        options ??= ExperimentOptions.Default;
        Variable t = CheckTarget(target, clamps);
        if (!options.Observations && !options.Interventions)
        {
            throw new ArgumentException("the options exclude both observations and interventions; enable at least one kind.", nameof(options));
        }

        if (options.Top is int top && top < 1)
        {
            throw new ArgumentException($"top k is {top}; ask for at least 1 experiment, or null for all.", nameof(options));
        }

        double entropy = Engine.Query([t.Name], clamps).Marginals[0].Entropy;
        List<Variable> candidates = Candidates(t, clamps, options.Candidates, nameof(options));
        var scored = new List<ExperimentSuggestion>();
        var skipped = new List<SkippedExperiment>();
        foreach (Variable x in candidates)
        {
            if (options.Observations)
            {
                scored.Add(new ExperimentSuggestion(x, ExperimentKind.Observe, ObservationGain(t, x, clamps)));
            }

            if (options.Interventions)
            {
                if (TryInterventionGain(t, x, clamps, out double gain, out string? impossible))
                {
                    scored.Add(new ExperimentSuggestion(x, ExperimentKind.Intervene, gain));
                }
                else
                {
                    skipped.Add(new SkippedExperiment(
                        x,
                        ExperimentKind.Intervene,
                        $"do({x.Name} = {impossible}) makes the clamps impossible (probability 0), so P({t.Name} | do({x.Name} = {impossible})) is undefined."));
                }
            }
        }

        scored.Sort(static (a, b) =>
        {
            int c = b.ExpectedInformationGain.CompareTo(a.ExpectedInformationGain);
            if (c == 0)
            {
                c = a.Kind.CompareTo(b.Kind);
            }

            return c != 0 ? c : a.Variable.Index.CompareTo(b.Variable.Index);
        });

        int keep = options.Top is int k ? Math.Min(k, scored.Count) : scored.Count;
        return new ExperimentRanking(t, entropy, [.. scored.GetRange(0, keep)], [.. skipped]);
    }

    /// <summary>
    /// The expected information gain about <paramref name="target"/>, in nats, of one experiment on
    /// <paramref name="candidate"/> (formulas in the class remarks).
    /// </summary>
    /// <param name="target">The variable T to learn about (not hard-clamped).</param>
    /// <param name="candidate">The variable X to observe or intervene on (not clamped, not T).</param>
    /// <param name="kind">Observe or intervene.</param>
    /// <param name="clamps">What is known or done already; null = nothing.</param>
    /// <exception cref="ArgumentNullException">A name is null.</exception>
    /// <exception cref="ArgumentException">Unknown variable or state, a hard-clamped target, a clamped candidate, candidate = target, or an undefined kind.</exception>
    /// <exception cref="ImpossibleEvidenceException">The clamps have probability 0 (for an intervention: under some do(X = x)).</exception>
    public double ExpectedInformationGain(string target, string candidate, ExperimentKind kind, Clamps? clamps = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        Variable t = CheckTarget(target, clamps);
        Variable x = Candidates(t, clamps, [candidate], nameof(candidate))[0];
        switch (kind)
        {
            case ExperimentKind.Observe:
                return ObservationGain(t, x, clamps);
            case ExperimentKind.Intervene:
                if (!TryInterventionGain(t, x, clamps, out double gain, out string? impossible))
                {
                    throw new ImpossibleEvidenceException($"do({x.Name} = {impossible}) makes the clamps impossible (probability 0); the interventional gain about '{t.Name}' is undefined.");
                }

                return gain;
            default:
                throw new ArgumentException($"undefined experiment kind {kind}.", nameof(kind));
        }
    }

    /// <summary>I(T; X | clamps) from the exact joint posterior of (T, X).</summary>
    private double ObservationGain(Variable t, Variable x, Clamps? clamps)
    {
        JointDistribution joint = Engine.Joint([t.Name, x.Name], clamps);
        return InformationMeasures.MutualInformation(joint.Span, t.Cardinality, x.Cardinality);
    }

    /// <summary>H(sum_x q(x) p_x) - sum_x q(x) H(p_x) with q uniform; false (and the state) when some do(x) is impossible.</summary>
    private bool TryInterventionGain(Variable t, Variable x, Clamps? clamps, out double gain, out string? impossibleState)
    {
        double q = 1.0 / x.Cardinality;
        var mixture = new double[t.Cardinality];
        double meanEntropy = 0;
        string[] target = [t.Name];
        for (int s = 0; s < x.Cardinality; s++)
        {
            Distribution p;
            try
            {
                p = Engine.Query(target, ClampsCopy.WithIntervention(clamps, x.Name, x.States[s])).Marginals[0];
            }
            catch (ImpossibleEvidenceException)
            {
                gain = double.NaN;
                impossibleState = x.States[s];
                return false;
            }

            for (int i = 0; i < mixture.Length; i++)
            {
                mixture[i] += q * p[i];
            }

            meanEntropy += q * p.Entropy;
        }

        gain = Math.Max(0, InformationMeasures.Entropy(mixture) - meanEntropy);
        impossibleState = null;
        return true;
    }

    private Variable CheckTarget(string target, Clamps? clamps)
    {
        ArgumentNullException.ThrowIfNull(target);
        clamps?.Validate(Network);
        if (!Network.TryGetVariable(target, out Variable t))
        {
            throw new ArgumentException($"unknown target variable '{target}' in network '{Network.Name}'.", nameof(target));
        }

        if (clamps?.TypeOf(t.Name) == ClampType.Hard)
        {
            throw new ArgumentException($"target '{t.Name}' is hard-clamped: it is already certain and no experiment can inform it.", nameof(target));
        }

        return t;
    }

    private List<Variable> Candidates(Variable target, Clamps? clamps, IReadOnlyList<string>? named, string parameterName)
    {
        var candidates = new List<Variable>();
        if (named is null)
        {
            foreach (Variable v in Network.Variables)
            {
                if (v.Index != target.Index && clamps?.TypeOf(v.Name) is null)
                {
                    candidates.Add(v);
                }
            }

            return candidates;
        }

        var seen = new HashSet<int>();
        foreach (string name in named)
        {
            if (name is null || !Network.TryGetVariable(name, out Variable v))
            {
                throw new ArgumentException($"unknown candidate variable '{name}' in network '{Network.Name}'.", parameterName);
            }

            if (v.Index == target.Index)
            {
                throw new ArgumentException($"candidate '{name}' is the target itself; an experiment must act on another variable.", parameterName);
            }

            if (clamps?.TypeOf(v.Name) is not null)
            {
                throw new ArgumentException($"candidate '{name}' is already clamped; remove its clamp to experiment on it.", parameterName);
            }

            if (!seen.Add(v.Index))
            {
                throw new ArgumentException($"candidate '{name}' is listed twice.", parameterName);
            }

            candidates.Add(v);
        }

        return candidates;
    }
}
