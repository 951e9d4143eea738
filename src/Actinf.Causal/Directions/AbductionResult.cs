using Actinf.Causal.Inference;

namespace Actinf.Causal.Directions;

/// <summary>Which explanation abduction computed.</summary>
public enum ExplanationKind
{
    /// <summary>MPE: the jointly most probable assignment of every variable that is not hard-clamped.</summary>
    MostProbableExplanation,

    /// <summary>Marginal MAP: the most probable joint state of a subset, every other variable summed out.</summary>
    MaximumAPosteriori,
}

/// <summary>
/// Abduction: the best explanation of the clamps. Note that marginal MAP over a subset is not the MPE
/// restricted to that subset: MAP sums the other variables out, MPE maximises over them.
/// </summary>
public sealed class AbductionResult : DirectionalResult
{
    internal AbductionResult(int maxDepth, ExplanationKind kind, string[] explained, Explanation explanation)
        : base(InferenceDirection.Abduction, maxDepth, explanation.LogEvidenceProbability, [])
    {
        Kind = kind;
        ExplainedVariables = explained;
        Explanation = explanation;
    }

    /// <summary>MPE or MAP.</summary>
    public ExplanationKind Kind { get; }

    /// <summary>The variables the explanation assigns, in declaration order (MPE, and MAP over the variables within a max depth) or in the order given (MAP over named variables).</summary>
    public IReadOnlyList<string> ExplainedVariables { get; }

    /// <summary>
    /// The explanation: the assignment, ln P(x*, e) (natural log) and P(x* | e), from the exact engine.
    /// </summary>
    public Explanation Explanation { get; }
}
