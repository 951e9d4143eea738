using Actinf.Causal.Inference;

namespace Actinf.Causal.Conformance;

/// <summary>
/// One query of a causal fixture: its clamps (evidence, virtual evidence, interventions, soft
/// interventions), what is asked (targets or MAP variables) and the expected answer.
/// </summary>
/// <remarks>
/// Names are the network's, exactly as written in the BIF (case sensitive). Likelihood and soft-intervention
/// vectors are in the variable's state order; virtual evidence is used as given (not normalised).
/// </remarks>
public sealed class CausalQuery
{
    /// <summary>Unique id, <c>&lt;net&gt;-&lt;pub|extra|hid&gt;-&lt;kind&gt;-&lt;nn&gt;</c>; every failure message starts with it.</summary>
    public required string Id { get; init; }

    /// <summary>What is asked.</summary>
    public required CausalQueryKind Kind { get; init; }

    /// <summary>The scenario label (<c>forward</c>, <c>backward</c>, <c>bridge</c>, ...); informative, not an input.</summary>
    public string Direction { get; init; } = "none";

    /// <summary>Hard evidence: variable -> observed state.</summary>
    public IReadOnlyDictionary<string, string> Evidence { get; init; } = new Dictionary<string, string>();

    /// <summary>Virtual evidence: variable -> likelihood vector lambda.</summary>
    public IReadOnlyDictionary<string, double[]> VirtualEvidence { get; init; } = new Dictionary<string, double[]>();

    /// <summary>Hard interventions do(variable = state).</summary>
    public IReadOnlyDictionary<string, string> Interventions { get; init; } = new Dictionary<string, string>();

    /// <summary>Soft interventions: variable -> distribution q replacing its CPT.</summary>
    public IReadOnlyDictionary<string, double[]> SoftInterventions { get; init; } = new Dictionary<string, double[]>();

    /// <summary>Variables whose posterior marginals are expected (JSON array order).</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>(kind <c>map</c>) the variables maximised over, in order.</summary>
    public IReadOnlyList<string> MapVariables { get; init; } = [];

    /// <summary>(direction <c>see</c>) id of the <c>do</c> query this observational query mirrors.</summary>
    public string? PairOf { get; init; }

    /// <summary>The expected answer.</summary>
    public required CausalExpectation Expected { get; init; }

    /// <summary>
    /// The query's clamps: evidence, virtual evidence, interventions and soft interventions (a fresh
    /// instance each call). Names are not checked here; the engine validates them against the network.
    /// </summary>
    /// <exception cref="ArgumentException">A variable carries two clamps.</exception>
    public Clamps ToClamps()
    {
        var clamps = new Clamps();
        foreach ((string variable, string state) in Evidence)
        {
            clamps.Observe(variable, state);
        }

        foreach ((string variable, double[] lambda) in VirtualEvidence)
        {
            clamps.Likelihood(variable, lambda);
        }

        foreach ((string variable, string state) in Interventions)
        {
            clamps.Intervene(variable, state);
        }

        foreach ((string variable, double[] q) in SoftInterventions)
        {
            clamps.SoftIntervene(variable, q);
        }

        return clamps;
    }
}

/// <summary>
/// The expected answer of a <see cref="CausalQuery"/>; which members are present depends on the kind
/// (absent = null or empty).
/// </summary>
public sealed class CausalExpectation
{
    /// <summary>Posterior marginals: target -> (state -> probability), states in BIF order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, double>>> Marginals { get; init; } =
        new Dictionary<string, IReadOnlyList<KeyValuePair<string, double>>>();

    /// <summary>Z = sum_v W(v) (P(e) in the mutilated network without virtual evidence); compared relatively.</summary>
    public double? EvidenceProbability { get; init; }

    /// <summary>(kind <c>joint</c>) the variables of <see cref="JointProbabilities"/>, in table order.</summary>
    public IReadOnlyList<string> JointVariables { get; init; } = [];

    /// <summary>(kind <c>joint</c>) the joint posterior, row-major, last variable fastest.</summary>
    public IReadOnlyList<double> JointProbabilities { get; init; } = [];

    /// <summary>(kinds <c>mpe</c>, <c>map</c>) the best assignment.</summary>
    public IReadOnlyDictionary<string, string> Assignment { get; init; } = new Dictionary<string, string>();

    /// <summary>(mpe, map) ln P(x*, e), natural log.</summary>
    public double? LogProbability { get; init; }

    /// <summary>(mpe, map) P(x*, e); 0 when it underflows (log &lt; -700).</summary>
    public double? Probability { get; init; }

    /// <summary>(mpe, map) P(x* | e).</summary>
    public double? PosteriorProbability { get; init; }

    /// <summary>
    /// (mpe, map) Whether the best assignment is unique. When false, only the value is checked: the returned
    /// assignment's ln W must match <see cref="LogProbability"/>.
    /// </summary>
    public bool Unique { get; init; } = true;

    /// <summary>(mpe) ln P(x*, e) - ln P(second best, e), or null when there is none or it is not given.</summary>
    public double? LogGapToSecond { get; init; }

    /// <summary>(map) P(q_2 | e) of the runner-up assignment.</summary>
    public double? RunnerUpPosteriorProbability { get; init; }
}
