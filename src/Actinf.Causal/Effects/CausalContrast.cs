using Actinf.Causal.Networks;

namespace Actinf.Causal.Effects;

/// <summary>
/// The average causal effect of a treatment X on one outcome state Y = y, beside the observational contrast
/// it is so often confused with ("doing" versus "seeing"). All values are probabilities or differences of
/// probabilities (no logs); every probability is conditional on the query's clamps as well.
/// </summary>
/// <remarks>
/// Sign convention: both contrasts are treated minus control, so a positive value means that X = treated
/// makes Y = y more probable than X = control. The two contrasts agree when nothing confounds X and Y
/// (every back-door path blocked); they differ under confounding or selection.
/// </remarks>
public sealed class CausalContrast
{
    internal CausalContrast(
        Variable outcome,
        int outcomeState,
        Variable treatment,
        int treated,
        int control,
        double interventionalTreated,
        double interventionalControl,
        double observationalTreated,
        double observationalControl)
    {
        Outcome = outcome;
        OutcomeState = outcome.States[outcomeState];
        Treatment = treatment;
        Treated = treatment.States[treated];
        Control = treatment.States[control];
        InterventionalTreated = interventionalTreated;
        InterventionalControl = interventionalControl;
        ObservationalTreated = observationalTreated;
        ObservationalControl = observationalControl;
    }

    /// <summary>The outcome variable Y.</summary>
    public Variable Outcome { get; }

    /// <summary>The outcome state y.</summary>
    public string OutcomeState { get; }

    /// <summary>The treatment variable X.</summary>
    public Variable Treatment { get; }

    /// <summary>The treated state x1.</summary>
    public string Treated { get; }

    /// <summary>The control state x0.</summary>
    public string Control { get; }

    /// <summary>P(Y = y | do(X = x1), clamps).</summary>
    public double InterventionalTreated { get; }

    /// <summary>P(Y = y | do(X = x0), clamps).</summary>
    public double InterventionalControl { get; }

    /// <summary>
    /// The average causal effect, P(Y = y | do(x1)) - P(Y = y | do(x0)), in [-1, 1]; positive when
    /// setting X to x1 rather than x0 raises the probability of Y = y.
    /// </summary>
    public double AverageCausalEffect => InterventionalTreated - InterventionalControl;

    /// <summary>P(Y = y | X = x1, clamps); NaN when X = x1 has probability 0 under the clamps (undefined).</summary>
    public double ObservationalTreated { get; }

    /// <summary>P(Y = y | X = x0, clamps); NaN when X = x0 has probability 0 under the clamps (undefined).</summary>
    public double ObservationalControl { get; }

    /// <summary>
    /// The observational contrast, P(Y = y | X = x1) - P(Y = y | X = x0), in [-1, 1] (same sign convention
    /// as <see cref="AverageCausalEffect"/>); NaN when either conditional is undefined.
    /// </summary>
    public double ObservationalContrast => ObservationalTreated - ObservationalControl;
}
