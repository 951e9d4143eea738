namespace Actinf.Bench.Analysis;

/// <summary>Thresholds of <see cref="RunComparison.Compare"/>: when a change is real, and how large is too large.</summary>
/// <remarks>
/// A change of the median counts only when the Mann-Whitney test rejects "same distribution" at
/// <see cref="Alpha"/>. Its severity is then <see cref="Severity.Minor"/> below <see cref="WarnPercent"/>,
/// <see cref="Severity.Moderate"/> from <see cref="WarnPercent"/> to <see cref="FailPercent"/> inclusive, and
/// <see cref="Severity.Severe"/> above <see cref="FailPercent"/>.
/// </remarks>
public sealed class ComparisonOptions
{
    /// <summary>Default <see cref="WarnPercent"/>: 10 %.</summary>
    public const double DefaultWarnPercent = 10.0;

    /// <summary>Default <see cref="FailPercent"/>: 25 %.</summary>
    public const double DefaultFailPercent = 25.0;

    /// <summary>Default <see cref="Alpha"/>: 0.01.</summary>
    public const double DefaultAlpha = 0.01;

    /// <summary>Change of the median, in percent of the baseline median, from which a significant change is a warning. Default 10.</summary>
    public double WarnPercent { get; init; } = DefaultWarnPercent;

    /// <summary>Change of the median, in percent, above which a significant regression fails. Default 25; at least <see cref="WarnPercent"/>.</summary>
    public double FailPercent { get; init; } = DefaultFailPercent;

    /// <summary>Significance level of the two-sided Mann-Whitney test, in (0, 1). Default 0.01.</summary>
    public double Alpha { get; init; } = DefaultAlpha;

    /// <summary>Checks the thresholds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <see cref="WarnPercent"/> is not positive and finite, <see cref="FailPercent"/> is below it or not finite,
    /// or <see cref="Alpha"/> is outside (0, 1).
    /// </exception>
    public void Validate()
    {
        if (!(WarnPercent > 0.0) || double.IsInfinity(WarnPercent))
        {
            throw new ArgumentOutOfRangeException(nameof(WarnPercent), WarnPercent, "The warning threshold must be a positive percentage, e.g. 10.");
        }

        if (!(FailPercent >= WarnPercent) || double.IsInfinity(FailPercent))
        {
            throw new ArgumentOutOfRangeException(nameof(FailPercent), FailPercent, $"The failure threshold must be a finite percentage at least the warning threshold ({WarnPercent}), e.g. 25.");
        }

        if (!(Alpha > 0.0 && Alpha < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Alpha must lie strictly between 0 and 1, e.g. 0.01.");
        }
    }

    /// <summary>The severity of a significant change of <paramref name="changePercent"/> (sign ignored).</summary>
    public Severity Classify(double changePercent)
    {
        double magnitude = Math.Abs(changePercent);
        return magnitude > FailPercent ? Severity.Severe
            : magnitude >= WarnPercent ? Severity.Moderate
            : Severity.Minor;
    }
}
