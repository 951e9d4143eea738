using Actinf.Causal.Inference;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Directions;

/// <summary>
/// Omnidirectional inference (seed 004 REQ-ACTINF-008..010): forward, backward, bidirectional, bridge and
/// abductive queries over a discrete causal Bayesian network, all answered exactly by
/// <see cref="ExactInference"/>. Clamps are hard or soft (<see cref="Clamps"/>): observations, virtual
/// evidence, hard and soft interventions. Thread-safe, like the engine it wraps.
/// </summary>
/// <remarks>
/// <para>
/// <b>Max depth.</b> Computation is always exact over the whole network; the max depth never truncates
/// inference. It bounds which variables a query reaches, i.e. reports: the skeleton distance (number of
/// edges, taken in either direction, as in <see cref="Graphs.CausalGraph.SkeletonDistances"/>) from the
/// nearest clamped variable. It bounds the <i>default</i> reach only: targets passed explicitly are always
/// answered, however far they lie. Per direction: Forward/Backward/Bidirectional report by default the
/// unclamped descendants / ancestors / both within the max depth; Bridge lists as connecting nodes only
/// those within the max depth of the evidence group (its targets are explicit); Abduction without map
/// variables computes the MPE when the depth is unbounded and otherwise the marginal MAP over the variables
/// within the max depth that are not hard-clamped (a local explanation, the rest summed out).
/// </para>
/// <para>
/// <b>Prior and change.</b> Every reported variable carries its prior marginal (nothing clamped), its
/// posterior under the clamps, the total variation between them and KL(posterior || prior) in nats.
/// </para>
/// </remarks>
public sealed partial class OmnidirectionalInference
{
    /// <summary>Wraps an existing engine (and shares it).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public OmnidirectionalInference(ExactInference engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
    }

    /// <summary>Creates an exact engine for <paramref name="network"/> and wraps it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is null.</exception>
    public OmnidirectionalInference(BayesianNetwork network)
        : this(new ExactInference(network))
    {
    }

    /// <summary>The exact engine every query runs on.</summary>
    public ExactInference Engine { get; }

    /// <summary>The network queried.</summary>
    public BayesianNetwork Network => Engine.Network;

    /// <summary>
    /// Runs a query in <paramref name="direction"/>; the result's type follows the direction (see
    /// <see cref="DirectionalResult"/>). Equivalent to calling <see cref="Forward"/>, <see cref="Backward"/>,
    /// <see cref="Bidirectional"/>, <see cref="Bridge"/> (with <paramref name="targets"/> as the target group)
    /// or <see cref="Abduction"/>.
    /// </summary>
    /// <param name="direction">The question to ask.</param>
    /// <param name="clamps">What is held fixed or biased; the evidence group of a bridge query.</param>
    /// <param name="targets">
    /// Variables to report (always answered, whatever their distance); null = the direction's default reach.
    /// Required for <see cref="InferenceDirection.Bridge"/> (the target group), not allowed for
    /// <see cref="InferenceDirection.Abduction"/> (use <paramref name="mapVariables"/>).
    /// </param>
    /// <param name="maxDepth">Largest skeleton distance from the clamped variables reached by default (see the class remarks).</param>
    /// <param name="mapVariables">Abduction only: the subset for marginal MAP; null = MPE.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clamps"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is negative or <paramref name="direction"/> undefined.</exception>
    /// <exception cref="ArgumentException">An unknown variable or state, a misplaced argument (targets for abduction,
    /// map variables for another direction, no target group for a bridge), or no clamps where the direction needs them.</exception>
    /// <exception cref="ImpossibleEvidenceException">The clamps have probability 0.</exception>
    public DirectionalResult Infer(
        InferenceDirection direction,
        Clamps clamps,
        IReadOnlyList<string>? targets = null,
        int maxDepth = int.MaxValue,
        IReadOnlyList<string>? mapVariables = null)
    {
        if (mapVariables is not null && direction != InferenceDirection.Abduction)
        {
            throw new ArgumentException($"map variables belong to Abduction queries; a {direction} query reports targets instead.", nameof(mapVariables));
        }

        return direction switch
        {
            InferenceDirection.Forward => Forward(clamps, targets, maxDepth),
            InferenceDirection.Backward => Backward(clamps, targets, maxDepth),
            InferenceDirection.Bidirectional => Bidirectional(clamps, targets, maxDepth),
            InferenceDirection.Bridge => targets is null
                ? throw new ArgumentException("a Bridge query needs a target group: pass it as targets.", nameof(targets))
                : Bridge(clamps, targets, maxDepth),
            InferenceDirection.Abduction => targets is not null
                ? throw new ArgumentException("an Abduction query takes no targets: pass the MAP subset as mapVariables (null for the MPE).", nameof(targets))
                : Abduction(clamps, mapVariables, maxDepth),
            _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "undefined inference direction."),
        };
    }

    /// <summary>
    /// Forward inference: given causes, the distributions of their effects. By default the targets are the
    /// unclamped descendants of the clamped variables within <paramref name="maxDepth"/>.
    /// </summary>
    /// <param name="clamps">The causes held fixed or biased (at least one clamp).</param>
    /// <param name="targets">Effects to report (always answered); null = the default reach.</param>
    /// <param name="maxDepth">Largest skeleton distance from the clamps reached by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clamps"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is negative.</exception>
    /// <exception cref="ArgumentException">No clamps, or an unknown or repeated variable or state.</exception>
    /// <exception cref="ImpossibleEvidenceException">The clamps have probability 0.</exception>
    public ForwardResult Forward(Clamps clamps, IReadOnlyList<string>? targets = null, int maxDepth = int.MaxValue)
    {
        Frame frame = Prepare(clamps, maxDepth, InferenceDirection.Forward, nameof(clamps));
        int[] reached = targets is null
            ? frame.DefaultReach(maxDepth, effects: true, causes: false)
            : ResolveVariables(targets, nameof(targets));
        VariableBelief[] beliefs = Beliefs(frame, reached, clamps, out double logZ);
        return new ForwardResult(maxDepth, logZ, beliefs);
    }

    /// <summary>
    /// Backward inference (diagnosis): given effects, the likely causes, every state ranked by posterior and
    /// by change. By default the candidates are the unclamped ancestors of the clamped variables within
    /// <paramref name="maxDepth"/>; explicit targets are all treated as candidates.
    /// </summary>
    /// <param name="clamps">The observed (or otherwise clamped) effects (at least one clamp).</param>
    /// <param name="targets">Cause candidates (always answered); null = the default reach.</param>
    /// <param name="maxDepth">Largest skeleton distance from the clamps reached by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clamps"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is negative.</exception>
    /// <exception cref="ArgumentException">No clamps, or an unknown or repeated variable or state.</exception>
    /// <exception cref="ImpossibleEvidenceException">The clamps have probability 0.</exception>
    public BackwardResult Backward(Clamps clamps, IReadOnlyList<string>? targets = null, int maxDepth = int.MaxValue)
    {
        Frame frame = Prepare(clamps, maxDepth, InferenceDirection.Backward, nameof(clamps));
        int[] reached = targets is null
            ? frame.DefaultReach(maxDepth, effects: false, causes: true)
            : ResolveVariables(targets, nameof(targets));
        VariableBelief[] beliefs = Beliefs(frame, reached, clamps, out double logZ);
        CauseCandidate[] candidates = Candidates(beliefs);
        return new BackwardResult(maxDepth, logZ, beliefs, Rank(candidates, byChange: false), Rank(candidates, byChange: true));
    }

    /// <summary>
    /// Forward and backward at once. By default the targets are the unclamped descendants and ancestors of
    /// the clamped variables within <paramref name="maxDepth"/>; the result splits them by graph relation.
    /// </summary>
    /// <param name="clamps">The clamped variables (at least one clamp).</param>
    /// <param name="targets">Variables to report (always answered); null = the default reach.</param>
    /// <param name="maxDepth">Largest skeleton distance from the clamps reached by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clamps"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is negative.</exception>
    /// <exception cref="ArgumentException">No clamps, or an unknown or repeated variable or state.</exception>
    /// <exception cref="ImpossibleEvidenceException">The clamps have probability 0.</exception>
    public BidirectionalResult Bidirectional(Clamps clamps, IReadOnlyList<string>? targets = null, int maxDepth = int.MaxValue)
    {
        Frame frame = Prepare(clamps, maxDepth, InferenceDirection.Bidirectional, nameof(clamps));
        int[] reached = targets is null
            ? frame.DefaultReach(maxDepth, effects: true, causes: true)
            : ResolveVariables(targets, nameof(targets));
        VariableBelief[] beliefs = Beliefs(frame, reached, clamps, out double logZ);
        var effects = new List<VariableBelief>();
        var causes = new List<VariableBelief>();
        foreach (VariableBelief b in beliefs)
        {
            if (b.IsEffect)
            {
                effects.Add(b);
            }

            if (b.IsCause)
            {
                causes.Add(b);
            }
        }

        VariableBelief[] causeArray = [.. causes];
        CauseCandidate[] candidates = Candidates(causeArray);
        return new BidirectionalResult(
            maxDepth,
            logZ,
            beliefs,
            [.. effects],
            causeArray,
            Rank(candidates, byChange: false),
            Rank(candidates, byChange: true));
    }

    private Frame Prepare(Clamps clamps, int maxDepth, InferenceDirection direction, string clampsName, bool requireClamps = true)
    {
        ArgumentNullException.ThrowIfNull(clamps, clampsName);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        clamps.Validate(Network);
        if (requireClamps && clamps.IsEmpty)
        {
            throw new ArgumentException(
                $"a {direction} query starts from clamped variables, and nothing is clamped: observe, intervene on or soft-clamp at least one variable.",
                clampsName);
        }

        return new Frame(Network, clamps);
    }

    private int[] ResolveVariables(IReadOnlyList<string> names, string parameterName)
    {
        var index = new int[names.Count];
        var seen = new HashSet<int>();
        for (int i = 0; i < names.Count; i++)
        {
            string name = names[i];
            if (name is null || !Network.TryGetVariable(name, out Variable v))
            {
                throw new ArgumentException($"unknown variable '{name}' in network '{Network.Name}'.", parameterName);
            }

            if (!seen.Add(v.Index))
            {
                throw new ArgumentException($"variable '{name}' is listed twice.", parameterName);
            }

            index[i] = v.Index;
        }

        return index;
    }

    private string[] Names(int[] variables)
    {
        var names = new string[variables.Length];
        for (int i = 0; i < variables.Length; i++)
        {
            names[i] = Network[variables[i]].Name;
        }

        return names;
    }

    /// <summary>Prior (nothing clamped) and posterior marginals of <paramref name="variables"/>: two exact queries.</summary>
    private VariableBelief[] Beliefs(Frame frame, int[] variables, Clamps clamps, out double logEvidence)
    {
        string[] names = Names(variables);
        Posterior posterior = Engine.Query(names, clamps);
        Posterior prior = Engine.Query(names);
        logEvidence = posterior.LogEvidenceProbability;
        var beliefs = new VariableBelief[variables.Length];
        for (int i = 0; i < variables.Length; i++)
        {
            int v = variables[i];
            beliefs[i] = new VariableBelief(
                Network[v],
                frame.Distance[v],
                frame.IsEffect[v],
                frame.IsCause[v],
                prior.Marginals[i],
                posterior.Marginals[i]);
        }

        return beliefs;
    }

    private static CauseCandidate[] Candidates(VariableBelief[] causes)
    {
        var candidates = new List<CauseCandidate>();
        foreach (VariableBelief b in causes)
        {
            for (int s = 0; s < b.Variable.Cardinality; s++)
            {
                candidates.Add(new CauseCandidate(b.Variable, s, b.Prior[s], b.Posterior[s]));
            }
        }

        return [.. candidates];
    }

    /// <summary>Sorts candidates by posterior or by change, descending; ties by the other key, then by creation order.</summary>
    private static CauseCandidate[] Rank(CauseCandidate[] candidates, bool byChange)
    {
        var order = new int[candidates.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            CauseCandidate x = candidates[a];
            CauseCandidate y = candidates[b];
            int c = byChange ? y.Change.CompareTo(x.Change) : y.Posterior.CompareTo(x.Posterior);
            if (c == 0)
            {
                c = byChange ? y.Posterior.CompareTo(x.Posterior) : y.Change.CompareTo(x.Change);
            }

            return c != 0 ? c : a.CompareTo(b);
        });

        var ranked = new CauseCandidate[candidates.Length];
        for (int i = 0; i < order.Length; i++)
        {
            ranked[i] = candidates[order[i]];
        }

        return ranked;
    }
}
