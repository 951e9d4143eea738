namespace Actinf.Core.Environments;

/// <summary>Argument checks and sampling shared by the environments.</summary>
internal static class ProcessChecks
{
    /// <summary>Throws unless <paramref name="values"/> has one entry per axis, each in <c>[0, counts[i])</c>.</summary>
    public static void CheckIndices(ReadOnlySpan<int> values, ReadOnlySpan<int> counts, string paramName, string what, string axis)
    {
        if (values.Length != counts.Length)
        {
            throw new ArgumentException(
                $"The {what} has {values.Length} entries; the environment needs one per {axis} ({counts.Length}).", paramName);
        }

        for (int i = 0; i < values.Length; i++)
        {
            if ((uint)values[i] >= (uint)counts[i])
            {
                throw new ArgumentException(
                    $"The {what} has {values[i]} for {axis} {i}, which has {counts[i]} (valid: 0..{counts[i] - 1}).", paramName);
            }
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is in <c>[0, count)</c>.</summary>
    public static void CheckIndex(int value, int count, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, paramName);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, count, paramName);
    }

    /// <summary>Throws unless <paramref name="value"/> is a probability in [0, 1].</summary>
    public static void CheckProbability(double value, string paramName)
    {
        if (!(value >= 0.0 && value <= 1.0))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} is {value}; it must be a probability in [0, 1].");
        }
    }

    /// <summary>True with probability <paramref name="p"/> (never for p = 0, always for p = 1).</summary>
    public static bool Bernoulli(Random random, double p) => random.NextDouble() < p;
}
