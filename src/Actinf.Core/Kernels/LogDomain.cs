using System.Numerics.Tensors;

namespace Actinf.Core.Kernels;

/// <summary>
/// Logarithms and softmax in the conventions of pymdp 0.0.7.1: an epsilon-guarded log and a max-shifted softmax.
/// </summary>
/// <remarks>
/// <c>TensorPrimitives.SoftMax</c> does not subtract the maximum first and returns NaN for inputs such as
/// [1000, 1001]; <see cref="Softmax"/> composes the max shift from TensorPrimitives pieces instead.
/// </remarks>
public static class LogDomain
{
    /// <summary>pymdp's <c>EPS_VAL</c>: the guard of <see cref="LogStable(double)"/>, <c>ln(x + 1e-16)</c>.</summary>
    public const double Eps = 1e-16;

    /// <summary>The state threshold and log guard of pymdp's <c>spm_MDP_G</c>: <c>exp(-16)</c>.</summary>
    public static readonly double InformationGainEps = Math.Exp(-16);

    /// <summary>Computes <c>ln(x + 1e-16)</c> (pymdp <c>spm_log_single</c>); finite for every x in [0, ∞).</summary>
    public static double LogStable(double x) => Math.Log(x + Eps);

    /// <summary>Computes <c>destination[i] = ln(x[i] + 1e-16)</c>. Exact aliasing is allowed.</summary>
    /// <exception cref="ArgumentException">Destination is shorter than <paramref name="x"/>.</exception>
    public static void LogStable(ReadOnlySpan<double> x, Span<double> destination)
    {
        if (destination.Length < x.Length)
        {
            throw new ArgumentException("Destination is too short.", nameof(destination));
        }

        Span<double> d = destination[..x.Length];
        TensorPrimitives.Add(x, Eps, d);
        TensorPrimitives.Log(d, d);
    }

    /// <summary>
    /// Computes <c>destination = exp(x - max x) / sum(exp(x - max x))</c>. Exact aliasing is allowed.
    /// </summary>
    /// <remarks>Finite inputs give a finite distribution summing to 1; the largest entry is at least 1/n.
    /// NaN propagates; +∞ entries give NaN (the caller keeps logits finite).</remarks>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty or the destination is too short.</exception>
    public static void Softmax(ReadOnlySpan<double> x, Span<double> destination)
    {
        if (x.IsEmpty)
        {
            throw new ArgumentException("Softmax of an empty vector is undefined.", nameof(x));
        }

        if (destination.Length < x.Length)
        {
            throw new ArgumentException("Destination is too short.", nameof(destination));
        }

        Span<double> d = destination[..x.Length];
        double max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, d);
        TensorPrimitives.Exp(d, d);
        double sum = TensorPrimitives.Sum(d);
        TensorPrimitives.Divide(d, sum, d);
    }

    /// <summary>Computes <c>ln sum exp(x)</c> with the max shift; −∞ for an all −∞ input.</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty.</exception>
    public static double LogSumExp(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty)
        {
            throw new ArgumentException("LogSumExp of an empty vector is undefined.", nameof(x));
        }

        double max = TensorPrimitives.Max(x);
        if (double.IsNegativeInfinity(max) || double.IsPositiveInfinity(max))
        {
            return max;
        }

        double sum = 0;
        foreach (double v in x)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>Computes <c>destination = x / sum(x)</c> (pymdp <c>norm_dist</c>, no epsilon). Exact aliasing is allowed.</summary>
    /// <remarks>An all-zero input gives NaN, as in pymdp; callers guard against it at the boundary.</remarks>
    public static void Normalize(ReadOnlySpan<double> x, Span<double> destination)
    {
        double sum = TensorPrimitives.Sum(x);
        TensorPrimitives.Divide(x, sum, destination);
    }

    /// <summary>Index of the largest entry; ties go to the lowest index (numpy argmax). NaN entries are never chosen over a number.</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty.</exception>
    public static int ArgMax(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty)
        {
            throw new ArgumentException("ArgMax of an empty vector is undefined.", nameof(x));
        }

        int best = 0;
        for (int i = 1; i < x.Length; i++)
        {
            if (x[i] > x[best])
            {
                best = i;
            }
        }

        return best;
    }
}
