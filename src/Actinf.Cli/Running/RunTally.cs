namespace Actinf.Cli.Running;

/// <summary>Running totals of a closed-loop run, kept without storing the steps.</summary>
internal sealed class RunTally
{
    private readonly int[][] _actionCounts;
    private readonly int[][] _outcomeCounts;
    private double _sumMaxPolicyProbability;

    /// <summary>Creates an empty tally.</summary>
    /// <param name="numControls">Control states per factor.</param>
    /// <param name="numObservations">Outcomes per modality.</param>
    public RunTally(ReadOnlySpan<int> numControls, ReadOnlySpan<int> numObservations)
    {
        _actionCounts = new int[numControls.Length][];
        for (int f = 0; f < numControls.Length; f++)
        {
            _actionCounts[f] = new int[numControls[f]];
        }

        _outcomeCounts = new int[numObservations.Length][];
        for (int m = 0; m < numObservations.Length; m++)
        {
            _outcomeCounts[m] = new int[numObservations[m]];
        }
    }

    /// <summary>Steps counted.</summary>
    public int Steps { get; private set; }

    /// <summary>The last step counted, or null.</summary>
    public LoopStep? Last { get; private set; }

    /// <summary>Mean over steps of the largest q(pi): how decided the agent was.</summary>
    public double MeanMaxPolicyProbability => Steps == 0 ? 0.0 : _sumMaxPolicyProbability / Steps;

    /// <summary>How often each control state of a factor was chosen.</summary>
    public ReadOnlySpan<int> ActionCounts(int factor) => _actionCounts[factor];

    /// <summary>How often each outcome of a modality was observed.</summary>
    public ReadOnlySpan<int> OutcomeCounts(int modality) => _outcomeCounts[modality];

    /// <summary>Counts one step.</summary>
    public void Add(LoopStep step)
    {
        for (int f = 0; f < step.Action.Length; f++)
        {
            _actionCounts[f][step.Action[f]]++;
        }

        for (int m = 0; m < step.Observation.Length; m++)
        {
            _outcomeCounts[m][step.Observation[m]]++;
        }

        _sumMaxPolicyProbability += step.PolicyPosterior.Length == 0 ? 0.0 : step.PolicyPosterior.Max();
        Steps++;
        Last = step;
    }
}
