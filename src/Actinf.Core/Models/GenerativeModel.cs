using Actinf.Core.Tensors;

namespace Actinf.Core.Models;

/// <summary>
/// A discrete POMDP generative model in pymdp's array layout, validated once and then immutable.
/// </summary>
/// <remarks>
/// <para>F hidden-state factors with <see cref="NumStates"/>[f] states, M observation modalities with
/// <see cref="NumObservations"/>[m] outcomes; the joint state index is row-major over factors.</para>
/// <list type="bullet">
/// <item><see cref="Likelihood"/> (A): per modality, shape <c>[No_m, Ns_0, ..., Ns_F-1]</c>,
/// <c>A[m][o, s] = P(o_m = o | s)</c>; each column (fixed s) sums to 1 (axis 0).</item>
/// <item><see cref="Transitions"/> (B): per factor, shape <c>[Ns_f, Ns_f, Nc_f]</c>,
/// <c>B[f][s', s, u] = P(s' | s, u)</c>; columns sum to 1 (axis 0).</item>
/// <item><see cref="Preferences"/> (C): per modality, shape <c>[No_m]</c>, log-preferences (only softmax(C) matters).</item>
/// <item><see cref="InitialStatePrior"/> (D): per factor, shape <c>[Ns_f]</c>, sums to 1.</item>
/// <item><see cref="PolicyPrior"/> (E): shape <c>[P]</c>, habits, used as <c>ln(E + 1e-16)</c> (not renormalised).</item>
/// <item>pA, pB, pD: Dirichlet concentrations with the shapes of A, B, D; non-negative.</item>
/// </list>
/// Column sums are checked like numpy.allclose: <c>|sum - 1| &lt;= 1e-8 + 1e-5</c>
/// (<see cref="ColumnSumTolerance"/>).
/// </remarks>
public sealed class GenerativeModel
{
    /// <summary>Tolerance of column sums: |sum - 1| must not exceed 1e-8 + 1e-5 (numpy.allclose, as pymdp).</summary>
    public const double ColumnSumTolerance = 1e-8 + 1e-5;

    private readonly int[] _numObservations;
    private readonly int[] _numStates;
    private readonly int[] _numControls;

    /// <summary>
    /// Validates and builds a model. Prefer <c>GenerativeModelBuilder</c> or
    /// <c>ModelJson</c> in user code.
    /// </summary>
    /// <param name="likelihood">A: one tensor per modality (see remarks).</param>
    /// <param name="transitions">B: one tensor per factor.</param>
    /// <param name="preferences">C: one vector per modality; null means zeros.</param>
    /// <param name="initialStatePrior">D: one vector per factor; null means normalize(pD) when pD is given, else uniform.</param>
    /// <param name="policyPrior">E: one weight per policy; null means 1/P.</param>
    /// <param name="policies">Policies <c>[P, T, F]</c>; null means all combinations for one step.</param>
    /// <param name="likelihoodConcentration">pA, or null.</param>
    /// <param name="transitionConcentration">pB, or null.</param>
    /// <param name="initialStateConcentration">pD, or null.</param>
    /// <param name="name">Free-text name.</param>
    /// <exception cref="ModelValidationException">Any array is malformed; the message says which and where.</exception>
    public GenerativeModel(
        IReadOnlyList<Tensor> likelihood,
        IReadOnlyList<Tensor> transitions,
        IReadOnlyList<Tensor>? preferences = null,
        IReadOnlyList<Tensor>? initialStatePrior = null,
        Tensor? policyPrior = null,
        PolicySet? policies = null,
        IReadOnlyList<Tensor>? likelihoodConcentration = null,
        IReadOnlyList<Tensor>? transitionConcentration = null,
        IReadOnlyList<Tensor>? initialStateConcentration = null,
        string? name = null)
    {
        ArgumentNullException.ThrowIfNull(likelihood);
        ArgumentNullException.ThrowIfNull(transitions);
        if (transitions.Count == 0)
        {
            throw new ModelValidationException("B: the model needs at least one hidden-state factor (B is empty).");
        }

        if (likelihood.Count == 0)
        {
            throw new ModelValidationException("A: the model needs at least one observation modality (A is empty).");
        }

        int factors = transitions.Count;
        _numStates = new int[factors];
        _numControls = new int[factors];
        for (int f = 0; f < factors; f++)
        {
            Tensor b = transitions[f] ?? throw new ModelValidationException($"B[{f}] is missing.");
            if (b.Rank != 3 || b.ShapeSpan[0] != b.ShapeSpan[1])
            {
                throw new ModelValidationException($"B[{f}] has shape {b.ShapeText}; expected [states, states, controls] with equal first two axes.");
            }

            if (b.ShapeSpan[0] < 2)
            {
                throw new ModelValidationException($"B[{f}] has {b.ShapeSpan[0]} state(s); every factor needs at least 2 states.");
            }

            _numStates[f] = b.ShapeSpan[0];
            _numControls[f] = b.ShapeSpan[2];
            ModelChecks.CheckDistribution(b, $"B[{f}]", "factor " + f);
        }

        int modalities = likelihood.Count;
        _numObservations = new int[modalities];
        for (int m = 0; m < modalities; m++)
        {
            Tensor a = likelihood[m] ?? throw new ModelValidationException($"A[{m}] is missing.");
            if (a.Rank != factors + 1 || !a.ShapeSpan[1..].SequenceEqual(_numStates))
            {
                throw new ModelValidationException(
                    $"A[{m}] has shape {a.ShapeText}; expected [outcomes, {string.Join(", ", _numStates)}] (one axis per hidden-state factor, sizes from B).");
            }

            _numObservations[m] = a.ShapeSpan[0];
            ModelChecks.CheckDistribution(a, $"A[{m}]", "modality " + m);
        }

        Likelihood = likelihood.ToArray();
        Transitions = transitions.ToArray();

        Preferences = preferences is null
            ? ModelChecks.Zeros(_numObservations)
            : ModelChecks.CheckVectors(preferences, _numObservations, "C", "modality", requireNonNegative: false);

        if (likelihoodConcentration is not null)
        {
            LikelihoodConcentration = ModelChecks.CheckConcentrations(likelihoodConcentration, Likelihood, "pA", "modality");
        }

        if (transitionConcentration is not null)
        {
            TransitionConcentration = ModelChecks.CheckConcentrations(transitionConcentration, Transitions, "pB", "factor");
        }

        if (initialStateConcentration is not null)
        {
            InitialStateConcentration = ModelChecks.CheckVectors(initialStateConcentration, _numStates, "pD", "factor", requireNonNegative: true);
        }

        if (initialStatePrior is not null)
        {
            InitialStatePrior = ModelChecks.CheckVectors(initialStatePrior, _numStates, "D", "factor", requireNonNegative: true);
            for (int f = 0; f < factors; f++)
            {
                ModelChecks.CheckDistribution(InitialStatePrior[f], $"D[{f}]", "factor " + f);
            }
        }
        else if (InitialStateConcentration is not null)
        {
            InitialStatePrior = ModelChecks.NormalizedCopies(InitialStateConcentration, "pD");
        }
        else
        {
            InitialStatePrior = ModelChecks.Uniforms(_numStates);
        }

        Policies = policies ?? PolicySet.AllCombinations(_numControls, 1);
        ModelChecks.CheckPolicies(Policies, _numControls);

        if (policyPrior is not null)
        {
            if (policyPrior.Rank != 1 || policyPrior.Length != Policies.Count)
            {
                throw new ModelValidationException($"E has shape {policyPrior.ShapeText}; expected [{Policies.Count}] (one weight per policy).");
            }

            ModelChecks.CheckEntries(policyPrior, "E", requireNonNegative: true);
        }

        PolicyPrior = policyPrior;
        Name = name ?? string.Empty;
    }

    /// <summary>Free-text name (the model file's <c>name</c>).</summary>
    public string Name { get; }

    /// <summary>Outcomes per modality (length M).</summary>
    public ReadOnlySpan<int> NumObservations => _numObservations;

    /// <summary>States per hidden-state factor (length F).</summary>
    public ReadOnlySpan<int> NumStates => _numStates;

    /// <summary>Control states per factor (length F; 1 = uncontrolled).</summary>
    public ReadOnlySpan<int> NumControls => _numControls;

    /// <summary>M, number of observation modalities.</summary>
    public int NumModalities => _numObservations.Length;

    /// <summary>F, number of hidden-state factors.</summary>
    public int NumFactors => _numStates.Length;

    /// <summary>Product of <see cref="NumStates"/>: size of the joint state space.</summary>
    public int NumJointStates
    {
        get
        {
            int s = 1;
            foreach (int n in _numStates)
            {
                s *= n;
            }

            return s;
        }
    }

    /// <summary>A: likelihood per modality, shape <c>[No_m, Ns_0..Ns_F-1]</c>, columns sum to 1.</summary>
    public IReadOnlyList<Tensor> Likelihood { get; }

    /// <summary>B: transitions per factor, shape <c>[Ns_f, Ns_f, Nc_f]</c>, columns sum to 1.</summary>
    public IReadOnlyList<Tensor> Transitions { get; }

    /// <summary>C: log-preferences per modality, shape <c>[No_m]</c> (zeros when not given).</summary>
    public IReadOnlyList<Tensor> Preferences { get; }

    /// <summary>D: prior over initial states per factor, shape <c>[Ns_f]</c>.</summary>
    public IReadOnlyList<Tensor> InitialStatePrior { get; }

    /// <summary>E: prior weights over policies, shape <c>[P]</c>, or null for 1/P.</summary>
    public Tensor? PolicyPrior { get; }

    /// <summary>pA: Dirichlet concentrations of A, or null.</summary>
    public IReadOnlyList<Tensor>? LikelihoodConcentration { get; }

    /// <summary>pB: Dirichlet concentrations of B, or null.</summary>
    public IReadOnlyList<Tensor>? TransitionConcentration { get; }

    /// <summary>pD: Dirichlet concentrations of D, or null.</summary>
    public IReadOnlyList<Tensor>? InitialStateConcentration { get; }

    /// <summary>The policies the agent evaluates, <c>[P, T, F]</c>.</summary>
    public PolicySet Policies { get; }
}
