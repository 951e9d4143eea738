namespace Actinf.Bench.Analysis;

/// <summary>Thresholds of <see cref="QualityGate.Evaluate"/>: the comparison's, and the cache and allocation gates.</summary>
public sealed class GateOptions
{
    /// <summary>Default <see cref="MinHitRate"/>: 0.2 (20 %).</summary>
    public const double DefaultMinHitRate = 0.2;

    /// <summary>Warn and fail thresholds and alpha for the timing comparison.</summary>
    public ComparisonOptions Comparison { get; init; } = new();

    /// <summary>Lowest acceptable <c>hit_rate</c> metric (0..1) of any benchmark that reports one. Default 0.2.</summary>
    public double MinHitRate { get; init; } = DefaultMinHitRate;

    /// <summary>
    /// Highest acceptable allocated bytes per operation of any benchmark that measured allocation; null (the
    /// default) for no limit, 0 to demand allocation-free code.
    /// </summary>
    public double? MaxAllocatedBytesPerOp { get; init; }

    /// <summary>Checks every threshold.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is out of range: see <see cref="ComparisonOptions.Validate"/>; <see cref="MinHitRate"/> outside [0, 1]; a negative <see cref="MaxAllocatedBytesPerOp"/>.</exception>
    /// <exception cref="ArgumentNullException"><see cref="Comparison"/> is null.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Comparison);
        Comparison.Validate();
        if (!(MinHitRate >= 0.0 && MinHitRate <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(MinHitRate), MinHitRate, "The minimum hit rate is a fraction between 0 and 1, e.g. 0.2 for 20%.");
        }

        if (MaxAllocatedBytesPerOp is double max && !(max >= 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAllocatedBytesPerOp), max, "The allocation limit is a number of bytes per operation, 0 or more (0 demands allocation-free code).");
        }
    }
}
