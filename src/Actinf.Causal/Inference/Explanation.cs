namespace Actinf.Causal.Inference;

/// <summary>
/// The answer of abduction: the most probable joint assignment of the explained variables (MPE: every
/// variable not observed; MAP: a chosen subset, the rest summed out) with its probabilities.
/// </summary>
public sealed class Explanation
{
    internal Explanation(
        IReadOnlyDictionary<string, string> assignment,
        double logProbability,
        double logEvidenceProbability,
        double? runnerUpPosteriorProbability)
    {
        Assignment = assignment;
        LogProbability = logProbability;
        LogEvidenceProbability = logEvidenceProbability;
        RunnerUpPosteriorProbability = runnerUpPosteriorProbability;
    }

    /// <summary>Explained variable -> its state in the best assignment.</summary>
    public IReadOnlyDictionary<string, string> Assignment { get; }

    /// <summary>ln P(x*, e) (natural log; W of the assignment under the query's clamps).</summary>
    public double LogProbability { get; }

    /// <summary>P(x*, e); 0 when it underflows.</summary>
    public double Probability => Math.Exp(LogProbability);

    /// <summary>ln P(e).</summary>
    public double LogEvidenceProbability { get; }

    /// <summary>P(e).</summary>
    public double EvidenceProbability => Math.Exp(LogEvidenceProbability);

    /// <summary>P(x* | e) = P(x*, e) / P(e).</summary>
    public double PosteriorProbability => Math.Exp(LogProbability - LogEvidenceProbability);

    /// <summary>P(second best | e) when it was computed (MAP over a table small enough to hold), else null.</summary>
    public double? RunnerUpPosteriorProbability { get; }
}
