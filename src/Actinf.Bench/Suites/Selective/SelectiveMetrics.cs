namespace Actinf.Bench.Suites.Selective;

/// <summary>The operation counts every selective benchmark reports.</summary>
public static class SelectiveMetrics
{
    /// <summary>Adds <c>ops_total</c>, <c>ops_skipped</c> and <c>skip_rate</c> = skipped / total (0 when total is 0).</summary>
    /// <param name="metrics">Where to add them.</param>
    /// <param name="total">Operations a full update runs.</param>
    /// <param name="skipped">Operations skipped.</param>
    /// <exception cref="ArgumentOutOfRangeException">The counts are negative, or more are skipped than there are.</exception>
    public static void AddOps(IDictionary<string, double> metrics, long total, long skipped)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentOutOfRangeException.ThrowIfNegative(skipped);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(skipped, total);
        metrics["ops_total"] = total;
        metrics["ops_skipped"] = skipped;
        metrics["skip_rate"] = total == 0 ? 0 : (double)skipped / total;
    }
}
