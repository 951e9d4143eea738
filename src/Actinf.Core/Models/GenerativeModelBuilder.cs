using Actinf.Core.Tensors;

namespace Actinf.Core.Models;

/// <summary>
/// Builds a <see cref="GenerativeModel"/> from named hidden-state factors and observation modalities.
/// </summary>
/// <remarks>
/// <para>Declare factors and modalities first (their order is the order of the axes and lists), then set
/// the arrays by name; <see cref="Build"/> checks everything and names the factor or modality at fault.
/// A and B are required for every modality and factor; the rest is optional:</para>
/// <list type="bullet">
/// <item>C (preferences) defaults to zeros per modality.</item>
/// <item>D (initial-state prior): when no factor has one, each is <c>normalize(pD)</c> if pD is set, else uniform
/// (as <see cref="GenerativeModel"/>); when some factors have one, the others get that same default.</item>
/// <item>E (policy prior) defaults to 1/P.</item>
/// <item>Policies default to all combinations of control states for <see cref="SetPolicyLength"/> steps (default 1).</item>
/// <item>pA, pB, pD are all-or-nothing: set for every modality (factor) or for none.</item>
/// </list>
/// <para>The builder keeps references to the tensors it is given; tensors are immutable, so this is safe.</para>
/// </remarks>
/// <example>
/// A T-maze: where the agent is (controlled) and which arm holds the reward (not controlled).
/// <code>
/// GenerativeModel model = new GenerativeModelBuilder()
///     .AddFactor("location", states: 4, controls: 4)
///     .AddFactor("context", states: 2)
///     .AddModality("where", outcomes: 4)
///     .AddModality("reward", outcomes: 3)
///     .SetLikelihood("where", aWhere)        // shape [4, 4, 2]
///     .SetLikelihood("reward", aReward)      // shape [3, 4, 2]
///     .SetTransitions("location", bLocation) // shape [4, 4, 4]
///     .SetTransitions("context", bContext)   // shape [2, 2, 1]
///     .SetPreferences("reward", Tensor.Vector([0.0, 3.0, -3.0]))
///     .SetInitialStatePrior("location", Tensor.Vector([1.0, 0.0, 0.0, 0.0]))
///     .SetPolicyLength(2)
///     .Build();
/// </code>
/// </example>
public sealed class GenerativeModelBuilder
{
    private readonly List<Factor> _factors = [];
    private readonly List<Modality> _modalities = [];
    private PolicySet? _policies;
    private int? _policyLength;
    private Tensor? _policyPrior;
    private string? _name;

    /// <summary>Adds a hidden-state factor; its index is the number of factors added before it.</summary>
    /// <param name="name">Unique factor name.</param>
    /// <param name="states">Number of states (at least 2; pymdp 0.0.7.1 breaks on 1-state factors).</param>
    /// <param name="controls">Number of control states (1 = uncontrolled).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The name is empty or already used by a factor.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="states"/> is below 2 or <paramref name="controls"/> below 1.</exception>
    public GenerativeModelBuilder AddFactor(string name, int states, int controls = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(states, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(controls);
        if (_factors.Exists(f => f.Name == name))
        {
            throw new ArgumentException($"A factor named '{name}' already exists.", nameof(name));
        }

        _factors.Add(new Factor(name, states, controls));
        return this;
    }

    /// <summary>Adds an observation modality; its index is the number of modalities added before it.</summary>
    /// <param name="name">Unique modality name.</param>
    /// <param name="outcomes">Number of outcomes (at least 1).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The name is empty or already used by a modality.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcomes"/> is below 1.</exception>
    public GenerativeModelBuilder AddModality(string name, int outcomes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outcomes);
        if (_modalities.Exists(m => m.Name == name))
        {
            throw new ArgumentException($"A modality named '{name}' already exists.", nameof(name));
        }

        _modalities.Add(new Modality(name, outcomes));
        return this;
    }

    /// <summary>Sets A of a modality: shape <c>[outcomes, states of factor 0, ..., states of factor F-1]</c>, <c>A[o, s] = P(o | s)</c>, columns sum to 1.</summary>
    /// <param name="modality">Modality name.</param>
    /// <param name="likelihood">The likelihood tensor (checked in <see cref="Build"/>).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">No modality has that name.</exception>
    public GenerativeModelBuilder SetLikelihood(string modality, Tensor likelihood) => SetPart(modality, likelihood, (m, t) => m.Likelihood = t);

    /// <summary>Sets B of a factor: shape <c>[states, states, controls]</c>, <c>B[s', s, u] = P(s' | s, u)</c>, columns sum to 1.</summary>
    /// <param name="factor">Factor name.</param>
    /// <param name="transitions">The transition tensor (checked in <see cref="Build"/>).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">No factor has that name.</exception>
    public GenerativeModelBuilder SetTransitions(string factor, Tensor transitions) => SetPart(factor, transitions, (f, t) => f.Transitions = t);

    /// <summary>Sets C of a modality: log-preferences over its outcomes, shape <c>[outcomes]</c> (only softmax(C) matters).</summary>
    /// <param name="modality">Modality name.</param>
    /// <param name="preferences">The preference vector.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">No modality has that name.</exception>
    public GenerativeModelBuilder SetPreferences(string modality, Tensor preferences) => SetPart(modality, preferences, (m, t) => m.Preferences = t);

    /// <summary>Sets D of a factor: prior over its initial state, shape <c>[states]</c>, sums to 1.</summary>
    /// <param name="factor">Factor name.</param>
    /// <param name="prior">The prior vector.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">No factor has that name.</exception>
    public GenerativeModelBuilder SetInitialStatePrior(string factor, Tensor prior) => SetPart(factor, prior, (f, t) => f.InitialStatePrior = t);

    /// <summary>Sets pA of a modality: Dirichlet concentrations with the shape of its A.</summary>
    /// <param name="modality">Modality name.</param>
    /// <param name="concentration">Non-negative concentrations.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">No modality has that name.</exception>
    public GenerativeModelBuilder SetLikelihoodConcentration(string modality, Tensor concentration) =>
        SetPart(modality, concentration, (m, t) => m.Concentration = t);

    /// <summary>Sets pB of a factor: Dirichlet concentrations with the shape of its B.</summary>
    /// <param name="factor">Factor name.</param>
    /// <param name="concentration">Non-negative concentrations.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">No factor has that name.</exception>
    public GenerativeModelBuilder SetTransitionConcentration(string factor, Tensor concentration) =>
        SetPart(factor, concentration, (f, t) => f.TransitionConcentration = t);

    /// <summary>Sets pD of a factor: Dirichlet concentrations with the shape of its D.</summary>
    /// <param name="factor">Factor name.</param>
    /// <param name="concentration">Non-negative concentrations.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">No factor has that name.</exception>
    public GenerativeModelBuilder SetInitialStateConcentration(string factor, Tensor concentration) =>
        SetPart(factor, concentration, (f, t) => f.InitialStateConcentration = t);

    /// <summary>Sets E, the prior weights over policies (shape <c>[P]</c>, used as <c>ln(E + 1e-16)</c>, not renormalised).</summary>
    /// <param name="prior">One non-negative weight per policy.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="prior"/> is null.</exception>
    public GenerativeModelBuilder SetPolicyPrior(Tensor prior)
    {
        ArgumentNullException.ThrowIfNull(prior);
        _policyPrior = prior;
        return this;
    }

    /// <summary>Sets the policies explicitly (<c>[P, T, F]</c>) instead of all combinations.</summary>
    /// <param name="policies">The policies; their length must agree with <see cref="SetPolicyLength"/> if both are set.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policies"/> is null.</exception>
    public GenerativeModelBuilder SetPolicies(PolicySet policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        _policies = policies;
        return this;
    }

    /// <summary>Sets T, the steps per policy; without explicit policies, all combinations over T steps are used.</summary>
    /// <param name="length">T (at least 1).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is below 1.</exception>
    public GenerativeModelBuilder SetPolicyLength(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        _policyLength = length;
        return this;
    }

    /// <summary>Sets the model's free-text name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public GenerativeModelBuilder SetName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _name = name;
        return this;
    }

    /// <summary>Checks the parts and builds the validated, immutable model.</summary>
    /// <returns>The model.</returns>
    /// <exception cref="ModelValidationException">A part is missing or malformed: no factor or modality, an A or B
    /// not set, a wrong shape, a negative or non-finite entry, a column not summing to 1, concentrations set for
    /// only some modalities or factors, policies that disagree with the policy length or the controls. The
    /// message names the factor or modality.</exception>
    public GenerativeModel Build()
    {
        if (_factors.Count == 0)
        {
            throw new ModelValidationException("The model has no hidden-state factor; call AddFactor first.");
        }

        if (_modalities.Count == 0)
        {
            throw new ModelValidationException("The model has no observation modality; call AddModality first.");
        }

        int[] numStates = [.. _factors.Select(f => f.States)];
        string stateNames = string.Join(", ", _factors.Select(f => $"'{f.Name}'"));
        foreach (Factor f in _factors)
        {
            Tensor b = f.Transitions ?? throw new ModelValidationException(
                $"Transitions (B) of factor '{f.Name}' were not set; call SetTransitions(\"{f.Name}\", ...) with shape [{f.States}, {f.States}, {f.Controls}].");
            CheckShape(b, [f.States, f.States, f.Controls], $"Transitions (B) of factor '{f.Name}'", "(next state, state, control)");
            CheckShape(f.InitialStatePrior, [f.States], $"Initial-state prior (D) of factor '{f.Name}'", "(one entry per state)");
            CheckShape(f.TransitionConcentration, [f.States, f.States, f.Controls], $"Concentration pB of factor '{f.Name}'", "(the shape of B)");
            CheckShape(f.InitialStateConcentration, [f.States], $"Concentration pD of factor '{f.Name}'", "(one entry per state)");
        }

        foreach (Modality m in _modalities)
        {
            int[] shape = [m.Outcomes, .. numStates];
            Tensor a = m.Likelihood ?? throw new ModelValidationException(
                $"Likelihood (A) of modality '{m.Name}' was not set; call SetLikelihood(\"{m.Name}\", ...) with shape [{string.Join(", ", shape)}].");
            CheckShape(a, shape, $"Likelihood (A) of modality '{m.Name}'", $"(outcomes of '{m.Name}', then the states of {stateNames})");
            CheckShape(m.Preferences, [m.Outcomes], $"Preferences (C) of modality '{m.Name}'", "(one entry per outcome)");
            CheckShape(m.Concentration, shape, $"Concentration pA of modality '{m.Name}'", "(the shape of A)");
        }

        PolicySet? policies = _policies;
        if (policies is not null && _policyLength is int t && policies.Length != t)
        {
            throw new ModelValidationException($"SetPolicies gave policies of length {policies.Length} but SetPolicyLength gave {t}; set one or make them agree.");
        }

        if (policies is null)
        {
            try
            {
                policies = PolicySet.AllCombinations([.. _factors.Select(f => f.Controls)], _policyLength ?? 1);
            }
            catch (ArgumentException ex)
            {
                throw new ModelValidationException($"Cannot enumerate the policies: {ex.Message}", ex);
            }
        }

        Tensor[]? pA = AllOrNone(_modalities, m => m.Concentration, "pA", "modality", "modalities");
        Tensor[]? pB = AllOrNone(_factors, f => f.TransitionConcentration, "pB", "factor", "factors");
        Tensor[]? pD = AllOrNone(_factors, f => f.InitialStateConcentration, "pD", "factor", "factors");
        Tensor[]? d = null;
        if (_factors.Exists(f => f.InitialStatePrior is not null))
        {
            // Factors without a D get the model's default: normalize(pD) when pD is set, else uniform.
            Tensor[] defaults = pD is null ? ModelChecks.Uniforms(numStates) : ModelChecks.NormalizedCopies(pD, "pD");
            d = new Tensor[_factors.Count];
            for (int i = 0; i < d.Length; i++)
            {
                d[i] = _factors[i].InitialStatePrior ?? defaults[i];
            }
        }

        try
        {
            return new GenerativeModel(
                likelihood: [.. _modalities.Select(m => m.Likelihood!)],
                transitions: [.. _factors.Select(f => f.Transitions!)],
                preferences: [.. _modalities.Select(m => m.Preferences ?? Tensor.Zeros(m.Outcomes))],
                initialStatePrior: d,
                policyPrior: _policyPrior,
                policies: policies,
                likelihoodConcentration: pA,
                transitionConcentration: pB,
                initialStateConcentration: pD,
                name: _name);
        }
        catch (ModelValidationException ex)
        {
            // The model's messages use indices; add the names the user gave.
            string modalities = string.Join(", ", _modalities.Select((m, i) => $"{i} = '{m.Name}'"));
            string factors = string.Join(", ", _factors.Select((f, i) => $"{i} = '{f.Name}'"));
            throw new ModelValidationException($"{ex.Message} (modalities: {modalities}; factors: {factors})", ex);
        }
    }

    private GenerativeModelBuilder SetPart(string modality, Tensor value, Action<Modality, Tensor> assign)
    {
        ArgumentNullException.ThrowIfNull(modality);
        ArgumentNullException.ThrowIfNull(value);
        Modality m = _modalities.Find(x => x.Name == modality) ?? throw new ArgumentException(
            $"No modality named '{modality}'; modalities: {Names(_modalities.Select(x => x.Name))}. Call AddModality first.", nameof(modality));
        assign(m, value);
        return this;
    }

    private GenerativeModelBuilder SetPart(string factor, Tensor value, Action<Factor, Tensor> assign)
    {
        ArgumentNullException.ThrowIfNull(factor);
        ArgumentNullException.ThrowIfNull(value);
        Factor f = _factors.Find(x => x.Name == factor) ?? throw new ArgumentException(
            $"No factor named '{factor}'; factors: {Names(_factors.Select(x => x.Name))}. Call AddFactor first.", nameof(factor));
        assign(f, value);
        return this;
    }

    private static string Names(IEnumerable<string> names)
    {
        string list = string.Join(", ", names.Select(n => $"'{n}'"));
        return list.Length == 0 ? "(none)" : list;
    }

    private static void CheckShape(Tensor? tensor, int[] expected, string what, string axes)
    {
        if (tensor is not null && !tensor.ShapeSpan.SequenceEqual(expected))
        {
            throw new ModelValidationException($"{what} has shape {tensor.ShapeText}; expected [{string.Join(", ", expected)}] {axes}.");
        }
    }

    private static Tensor[]? AllOrNone<T>(List<T> items, Func<T, Tensor?> get, string name, string what, string whats)
        where T : Part
    {
        int set = items.Count(x => get(x) is not null);
        if (set == 0)
        {
            return null;
        }

        if (set < items.Count)
        {
            string missing = string.Join(", ", items.Where(x => get(x) is null).Select(x => $"'{x.Name}'"));
            throw new ModelValidationException(
                $"{name} is set for some {whats} but not for {missing}; concentrations are all-or-nothing (set them for every {what} or for none).");
        }

        return [.. items.Select(x => get(x)!)];
    }

    private abstract class Part(string name)
    {
        public string Name { get; } = name;
    }

    private sealed class Factor(string name, int states, int controls) : Part(name)
    {
        public int States { get; } = states;

        public int Controls { get; } = controls;

        public Tensor? Transitions { get; set; }

        public Tensor? InitialStatePrior { get; set; }

        public Tensor? TransitionConcentration { get; set; }

        public Tensor? InitialStateConcentration { get; set; }
    }

    private sealed class Modality(string name, int outcomes) : Part(name)
    {
        public int Outcomes { get; } = outcomes;

        public Tensor? Likelihood { get; set; }

        public Tensor? Preferences { get; set; }

        public Tensor? Concentration { get; set; }
    }
}
