namespace Actinf.Bench.Analysis;

/// <summary>The statistical verdict on one benchmark of a comparison.</summary>
public enum ChangeKind
{
    /// <summary>The samples do not differ significantly (p ≥ alpha), or could not be tested: whatever the medians say, it is noise.</summary>
    Noise,

    /// <summary>Significantly slower than the baseline.</summary>
    Regression,

    /// <summary>Significantly faster than the baseline.</summary>
    Improvement,

    /// <summary>Only in the new file.</summary>
    Added,

    /// <summary>Only in the baseline file.</summary>
    Removed,
}
