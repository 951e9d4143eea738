namespace Actinf.Bench.Analysis;

/// <summary>What a <see cref="GateCheck"/> is about.</summary>
public enum GateCheckKind
{
    /// <summary>A significant slow-down of the median (severe fails, moderate warns).</summary>
    Regression,

    /// <summary>A <c>hit_rate</c> metric below <see cref="GateOptions.MinHitRate"/>.</summary>
    HitRate,

    /// <summary>Allocated bytes per operation above <see cref="GateOptions.MaxAllocatedBytesPerOp"/>.</summary>
    Allocation,

    /// <summary>A benchmark in one of the two runs only.</summary>
    Coverage,
}
