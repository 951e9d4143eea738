using Actinf.Causal.Networks;

namespace Actinf.Causal.Experiments;

/// <summary>One candidate experiment and the information it is expected to give about the target.</summary>
public sealed class ExperimentSuggestion
{
    internal ExperimentSuggestion(Variable variable, ExperimentKind kind, double expectedInformationGain)
    {
        Variable = variable;
        Kind = kind;
        ExpectedInformationGain = expectedInformationGain;
    }

    /// <summary>The variable observed or intervened on.</summary>
    public Variable Variable { get; }

    /// <summary>The variable's name.</summary>
    public string Name => Variable.Name;

    /// <summary>Observe or intervene.</summary>
    public ExperimentKind Kind { get; }

    /// <summary>
    /// Expected information gain about the target in nats, non-negative (formulas in <see cref="ExperimentDesigner"/>).
    /// For an observation it is the expected reduction of the target's current entropy, so at most
    /// <see cref="ExperimentRanking.TargetEntropy"/>; an intervention changes the target rather than revealing it,
    /// and its gain is bounded by the entropy of the mixture of its interventional distributions instead.
    /// </summary>
    public double ExpectedInformationGain { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Variable.Name}";
}

/// <summary>A candidate experiment that could not be scored, and why.</summary>
public sealed class SkippedExperiment
{
    internal SkippedExperiment(Variable variable, ExperimentKind kind, string reason)
    {
        Variable = variable;
        Kind = kind;
        Reason = reason;
    }

    /// <summary>The candidate variable.</summary>
    public Variable Variable { get; }

    /// <summary>The experiment kind that was skipped.</summary>
    public ExperimentKind Kind { get; }

    /// <summary>Why it was skipped (e.g. a state whose intervention makes the clamps impossible).</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Variable.Name}: {Reason}";
}
