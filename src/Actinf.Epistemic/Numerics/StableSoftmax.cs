namespace Actinf.Epistemic.Numerics;

/// <summary>Max-shifted log-sum-exp and softmax (TensorPrimitives.SoftMax does not shift and overflows at ±1000).</summary>
public static class StableSoftmax
{
    /// <summary>ln Σ_i exp(x_i), computed as m + ln Σ_i exp(x_i - m) with m = max x; -∞ for an empty span or all -∞.</summary>
    /// <param name="logits">The values x_i (may contain -∞; NaN propagates).</param>
    /// <returns>The log-sum-exp in double precision.</returns>
    public static double LogSumExp(ReadOnlySpan<double> logits)
    {
        double max = double.NegativeInfinity;
        foreach (double x in logits)
        {
            if (double.IsNaN(x))
            {
                return double.NaN;
            }

            max = Math.Max(max, x);
        }

        if (double.IsNegativeInfinity(max))
        {
            return double.NegativeInfinity;
        }

        if (double.IsPositiveInfinity(max))
        {
            return double.PositiveInfinity;
        }

        double sum = 0;
        foreach (double x in logits)
        {
            sum += Math.Exp(x - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>destination_i = exp(x_i - LogSumExp(x)); sums to 1. Exact aliasing of the two spans is allowed.</summary>
    /// <param name="logits">The values x_i.</param>
    /// <param name="destination">Receives the probabilities; same length.</param>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public static void SoftmaxFromLogits(ReadOnlySpan<double> logits, Span<double> destination)
    {
        if (destination.Length != logits.Length)
        {
            throw new ArgumentException("The destination must have the length of the logits.", nameof(destination));
        }

        double lse = LogSumExp(logits);
        for (int i = 0; i < logits.Length; i++)
        {
            destination[i] = double.IsNegativeInfinity(logits[i]) ? 0 : Math.Exp(logits[i] - lse);
        }
    }
}
