namespace Actinf.Core.Tests.Support;

/// <summary>
/// The shared generator of extreme doubles for property and edge tests (STYLE §13): zeros of both signs,
/// subnormals, values near the log-domain epsilon and near 1, and large magnitudes up to ±1e300.
/// </summary>
/// <remarks>NaN and ±∞ are deliberately absent: they are covered by dedicated tests where a kernel documents them.</remarks>
internal static class ExtremeDoubles
{
    /// <summary>The smallest positive subnormal, 2^-1074 ≈ 4.9e-324.</summary>
    public const double SmallestSubnormal = double.Epsilon;

    /// <summary>The largest subnormal, just below 2^-1022.</summary>
    public const double LargestSubnormal = 2.2250738585072009e-308;

    /// <summary>Non-negative extremes, ascending: valid probabilities, concentrations and magnitudes.</summary>
    public static IReadOnlyList<double> NonNegative { get; } =
    [
        0.0,
        SmallestSubnormal,
        LargestSubnormal,
        1e-300,
        1e-16,
        1 - 1e-16,
        1.0,
        1000.0,
        1e16,
        1e300,
    ];

    /// <summary>Every finite extreme, including -0.0 and the negative magnitudes (logits, log-preferences).</summary>
    public static IReadOnlyList<double> All { get; } =
    [
        .. NonNegative,
        -0.0,
        -SmallestSubnormal,
        -1e-16,
        -1.0,
        -1000.0,
        -1e16,
        -1e300,
    ];

    /// <summary>xUnit rows, one per value of <see cref="All"/>.</summary>
    public static TheoryData<double> AllRows() => [.. All];

    /// <summary>xUnit rows, one per value of <see cref="NonNegative"/>.</summary>
    public static TheoryData<double> NonNegativeRows() => [.. NonNegative];

    /// <summary>A vector of <paramref name="length"/> values drawn (with repetition) from <paramref name="pool"/>.</summary>
    public static double[] Vector(Random rng, int length, IReadOnlyList<double> pool)
    {
        var x = new double[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = pool[rng.Next(pool.Count)];
        }

        return x;
    }

    /// <summary>A vector that mixes extremes from <paramref name="pool"/> with ordinary values in [-scale, scale].</summary>
    public static double[] Mixed(Random rng, int length, IReadOnlyList<double> pool, double scale)
    {
        var x = new double[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = rng.Next(2) == 0 ? pool[rng.Next(pool.Count)] : scale * ((2 * rng.NextDouble()) - 1);
        }

        return x;
    }
}
