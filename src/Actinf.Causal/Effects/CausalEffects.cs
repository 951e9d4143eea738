using Actinf.Causal.Inference;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Effects;

/// <summary>
/// Causal effects by graph surgery on a discrete causal Bayesian network: interventional distributions
/// P(Y | do(X = x)) and average causal effects, computed exactly by <see cref="ExactInference"/>, with the
/// observational contrast beside them. Thread-safe, like the engine it wraps.
/// </summary>
/// <remarks>
/// Extra clamps are applied after the surgery (docs/spec/causal-fixture-format.md): an observation in the
/// clamps conditions the mutilated network, so P(Y | do(X = x), Z = z) is the z-specific effect. The
/// caller's <see cref="Clamps"/> object is never modified.
/// </remarks>
public sealed class CausalEffects
{
    /// <summary>Wraps an existing engine (and shares it).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public CausalEffects(ExactInference engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
    }

    /// <summary>Creates an exact engine for <paramref name="network"/> and wraps it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is null.</exception>
    public CausalEffects(BayesianNetwork network)
        : this(new ExactInference(network))
    {
    }

    /// <summary>The exact engine every query runs on.</summary>
    public ExactInference Engine { get; }

    /// <summary>The network queried.</summary>
    public BayesianNetwork Network => Engine.Network;

    /// <summary>
    /// The interventional distribution P(<paramref name="outcome"/> | do(<paramref name="treatment"/> =
    /// <paramref name="treatmentState"/>), <paramref name="clamps"/>): the treatment's incoming edges are cut,
    /// its value set, then the clamps applied.
    /// </summary>
    /// <param name="outcome">The outcome variable Y (not hard-clamped).</param>
    /// <param name="treatment">The treatment variable X (not clamped, not the outcome).</param>
    /// <param name="treatmentState">The state x that X is set to.</param>
    /// <param name="clamps">Further clamps (evidence, other interventions); null = none.</param>
    /// <returns>The distribution of Y, in Y's state order.</returns>
    /// <exception cref="ArgumentNullException">A name is null.</exception>
    /// <exception cref="ArgumentException">An unknown variable or state, Y = X, X already clamped, Y hard-clamped, or an invalid clamp.</exception>
    /// <exception cref="ImpossibleEvidenceException">The clamps have probability 0 under do(X = x).</exception>
    public Distribution Interventional(string outcome, string treatment, string treatmentState, Clamps? clamps = null)
    {
        (Variable y, Variable x) = Check(outcome, treatment, clamps);
        CheckState(x, treatmentState, nameof(treatmentState));
        return Engine.Query([y.Name], ClampsCopy.WithIntervention(clamps, x.Name, treatmentState)).Marginals[0];
    }

    /// <summary>
    /// The average causal effect of X = <paramref name="treated"/> versus X = <paramref name="control"/> on
    /// Y = <paramref name="outcomeState"/>: P(y | do(x1)) - P(y | do(x0)), together with both interventional
    /// probabilities and the observational contrast P(y | x1) - P(y | x0) (seeing versus doing).
    /// </summary>
    /// <param name="outcome">The outcome variable Y (not hard-clamped).</param>
    /// <param name="outcomeState">The outcome state y.</param>
    /// <param name="treatment">The treatment variable X (not clamped, not the outcome).</param>
    /// <param name="treated">The treated state x1.</param>
    /// <param name="control">The control state x0 (differs from x1).</param>
    /// <param name="clamps">Further clamps applied in every term; null = none.</param>
    /// <exception cref="ArgumentNullException">A name is null.</exception>
    /// <exception cref="ArgumentException">An unknown variable or state, x1 = x0, Y = X, X already clamped, Y hard-clamped, or an invalid clamp.</exception>
    /// <exception cref="ImpossibleEvidenceException">The clamps have probability 0 under do(x1) or do(x0).
    /// (An observational term that is undefined is reported as NaN instead.)</exception>
    public CausalContrast AverageCausalEffect(string outcome, string outcomeState, string treatment, string treated, string control, Clamps? clamps = null)
    {
        (Variable y, Variable x) = Check(outcome, treatment, clamps);
        int ys = CheckState(y, outcomeState, nameof(outcomeState));
        int x1 = CheckState(x, treated, nameof(treated));
        int x0 = CheckState(x, control, nameof(control));
        if (x1 == x0)
        {
            throw new ArgumentException($"treated and control are both '{treated}'; a contrast needs two different states of '{x.Name}'.", nameof(control));
        }

        string[] target = [y.Name];
        double doTreated = Engine.Query(target, ClampsCopy.WithIntervention(clamps, x.Name, treated)).Marginals[0][ys];
        double doControl = Engine.Query(target, ClampsCopy.WithIntervention(clamps, x.Name, control)).Marginals[0][ys];
        double seeTreated = Observational(target, ys, x.Name, treated, clamps);
        double seeControl = Observational(target, ys, x.Name, control, clamps);
        return new CausalContrast(y, ys, x, x1, x0, doTreated, doControl, seeTreated, seeControl);
    }

    private double Observational(string[] target, int outcomeState, string treatment, string state, Clamps? clamps)
    {
        try
        {
            return Engine.Query(target, ClampsCopy.WithObservation(clamps, treatment, state)).Marginals[0][outcomeState];
        }
        catch (ImpossibleEvidenceException)
        {
            // P(X = x, clamps) = 0: the conditional does not exist; the interventional terms still do.
            return double.NaN;
        }
    }

    private (Variable Outcome, Variable Treatment) Check(string outcome, string treatment, Clamps? clamps)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(treatment);
        clamps?.Validate(Network);
        Variable y = Lookup(outcome, nameof(outcome));
        Variable x = Lookup(treatment, nameof(treatment));
        if (x.Index == y.Index)
        {
            throw new ArgumentException($"'{outcome}' is both outcome and treatment; a causal effect is between two variables.", nameof(treatment));
        }

        if (clamps?.TypeOf(x.Name) is not null)
        {
            throw new ArgumentException($"treatment '{x.Name}' is already clamped; remove its clamp to intervene on it.", nameof(treatment));
        }

        if (clamps?.TypeOf(y.Name) == ClampType.Hard)
        {
            throw new ArgumentException($"outcome '{y.Name}' is hard-clamped; its distribution is fixed whatever the treatment.", nameof(outcome));
        }

        return (y, x);
    }

    private Variable Lookup(string name, string parameterName) => Network.TryGetVariable(name, out Variable v)
        ? v
        : throw new ArgumentException($"unknown variable '{name}' in network '{Network.Name}'.", parameterName);

    private static int CheckState(Variable variable, string state, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(state, parameterName);
        return variable.TryGetStateIndex(state, out int index)
            ? index
            : throw new ArgumentException($"unknown state '{state}' of '{variable.Name}' (states: {string.Join(", ", variable.States)}).", parameterName);
    }
}
