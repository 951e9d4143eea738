using Actinf.Bench.Analysis;

namespace Actinf.Bench.Reports;

/// <summary>Thresholds of <c>bench report</c>: the gate's, and what the recommendations call noisy or inaccurate.</summary>
public sealed class ReportOptions
{
    /// <summary>Comparison thresholds, minimum hit rate and allocation limit, as for the gate.</summary>
    public GateOptions Gate { get; init; } = new();

    /// <summary>Standard deviation over median above which a benchmark is called noisy. Default 0.10 (10 %).</summary>
    public double HighVarianceRatio { get; init; } = 0.10;

    /// <summary><c>max_deviation</c> above which a selective update is called inaccurate. Default 1e-6.</summary>
    public double MaxDeviationTolerance { get; init; } = 1e-6;

    /// <summary>How many improvements the "biggest improvements" section lists. Default 5.</summary>
    public int TopImprovements { get; init; } = 5;

    /// <summary>Largest ratio of the highest to the lowest median drawn on a linear axis; above it the time chart is logarithmic. Default 10.</summary>
    public double LogScaleRatio { get; init; } = 10.0;

    /// <summary>Checks every threshold.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is out of range.</exception>
    /// <exception cref="ArgumentNullException"><see cref="Gate"/> is null.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Gate);
        Gate.Validate();
        if (!(HighVarianceRatio > 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(HighVarianceRatio), HighVarianceRatio, "The noise threshold is a positive ratio, e.g. 0.1.");
        }

        if (!(MaxDeviationTolerance >= 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDeviationTolerance), MaxDeviationTolerance, "The deviation tolerance is 0 or more, e.g. 1e-6.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(TopImprovements);
        if (!(LogScaleRatio >= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(LogScaleRatio), LogScaleRatio, "The log-scale ratio is at least 1, e.g. 10.");
        }
    }
}
