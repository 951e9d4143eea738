using Actinf.Causal.Networks;

namespace Actinf.Causal.Experiments;

/// <summary>Candidate experiments for one target, best first.</summary>
public sealed class ExperimentRanking
{
    internal ExperimentRanking(Variable target, double targetEntropy, ExperimentSuggestion[] suggestions, SkippedExperiment[] skipped)
    {
        Target = target;
        TargetEntropy = targetEntropy;
        Suggestions = suggestions;
        Skipped = skipped;
    }

    /// <summary>The variable the experiments should inform.</summary>
    public Variable Target { get; }

    /// <summary>
    /// H(T | clamps), the target's current entropy in nats: the most any observation can gain. 0 means the
    /// target is already certain.
    /// </summary>
    public double TargetEntropy { get; }

    /// <summary>
    /// The scored experiments by expected information gain, highest first (ties: observations before
    /// interventions, then declaration order), cut to <see cref="ExperimentOptions.Top"/>.
    /// </summary>
    public IReadOnlyList<ExperimentSuggestion> Suggestions { get; }

    /// <summary>Candidates that could not be scored, with the reason, in candidate order.</summary>
    public IReadOnlyList<SkippedExperiment> Skipped { get; }
}
