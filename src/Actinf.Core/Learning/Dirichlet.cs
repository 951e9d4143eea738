using System.Numerics.Tensors;
using Actinf.Core.Kernels;

namespace Actinf.Core.Learning;

/// <summary>Dirichlet parameter kernels: normalisation of concentrations and novelty weights (spm_wnorm).</summary>
public static class Dirichlet
{
    /// <summary>
    /// spm_wnorm with a mask: <c>destination[o, c] = (1/Σ_o'(p[o', c] + ε) - 1/(p[o, c] + ε)) · (p[o, c] &gt; 0)</c>
    /// for a row-major <c>[rows, columns]</c> concentration matrix, ε = 1e-16.
    /// </summary>
    /// <remarks>Masked entries are exactly 0 (never ∞·0). Used for pA and pB novelty (parameter information gain).</remarks>
    /// <exception cref="ArgumentException">A span is shorter than rows × columns.</exception>
    public static void NoveltyWeights(ReadOnlySpan<double> concentration, int rows, int columns, Span<double> destination)
    {
        CheckLengths(concentration, rows, columns, destination);
        for (int c = 0; c < columns; c++)
        {
            double sum = 0;
            for (int r = 0; r < rows; r++)
            {
                sum += concentration[(r * columns) + c] + LogDomain.Eps;
            }

            double norm = 1.0 / sum;
            for (int r = 0; r < rows; r++)
            {
                double p = concentration[(r * columns) + c];
                destination[(r * columns) + c] = p > 0 ? norm - (1.0 / (p + LogDomain.Eps)) : 0.0;
            }
        }
    }

    /// <summary>
    /// spm_wnorm without a mask: <c>destination[o, c] = 1/Σ_o'(p[o', c] + eps) - 1/(p[o, c] + eps)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A span is shorter than rows × columns.</exception>
    public static void NoveltyWeightsUnmasked(ReadOnlySpan<double> concentration, int rows, int columns, double eps, Span<double> destination)
    {
        CheckLengths(concentration, rows, columns, destination);
        for (int c = 0; c < columns; c++)
        {
            double sum = 0;
            for (int r = 0; r < rows; r++)
            {
                sum += concentration[(r * columns) + c] + eps;
            }

            double norm = 1.0 / sum;
            for (int r = 0; r < rows; r++)
            {
                destination[(r * columns) + c] = norm - (1.0 / (concentration[(r * columns) + c] + eps));
            }
        }
    }

    /// <summary>
    /// Normalises the columns (axis 0) of a row-major <c>[rows, columns]</c> matrix: <c>destination[r, c] = p[r, c] / Σ_r p[r, c]</c>.
    /// Exact aliasing is allowed.
    /// </summary>
    /// <remarks>An all-zero column gives NaN (0/0), as numpy does; agents reject such concentrations at construction.</remarks>
    public static void NormalizeColumns(ReadOnlySpan<double> concentration, int rows, int columns, Span<double> destination)
    {
        for (int c = 0; c < columns; c++)
        {
            double sum = 0;
            for (int r = 0; r < rows; r++)
            {
                sum += concentration[(r * columns) + c];
            }

            for (int r = 0; r < rows; r++)
            {
                destination[(r * columns) + c] = concentration[(r * columns) + c] / sum;
            }
        }
    }

    /// <summary>Sum of log-gamma minus log-gamma of the sum: <c>Σ lgamma(z) - lgamma(Σ z)</c> (spm_betaln of one column).</summary>
    public static double LogBeta(ReadOnlySpan<double> z)
    {
        double sum = 0;
        double lg = 0;
        foreach (double v in z)
        {
            lg += SpecialFunctions.LogGamma(v);
            sum += v;
        }

        return lg - SpecialFunctions.LogGamma(sum);
    }

    /// <summary>Returns whether every column of a row-major <c>[rows, columns]</c> matrix has a positive sum; reports the first that does not.</summary>
    internal static bool ColumnsArePositive(ReadOnlySpan<double> concentration, int rows, int columns, out int badColumn)
    {
        for (int c = 0; c < columns; c++)
        {
            double sum = 0;
            for (int r = 0; r < rows; r++)
            {
                sum += concentration[(r * columns) + c];
            }

            if (!(sum > 0))
            {
                badColumn = c;
                return false;
            }
        }

        badColumn = -1;
        return true;
    }

    private static void CheckLengths(ReadOnlySpan<double> concentration, int rows, int columns, Span<double> destination)
    {
        int n = rows * columns;
        if (concentration.Length < n)
        {
            throw new ArgumentException($"Expected at least {rows} × {columns} = {n} concentrations, got {concentration.Length}.", nameof(concentration));
        }

        if (destination.Length < n)
        {
            throw new ArgumentException($"Destination needs {n} entries, has {destination.Length}.", nameof(destination));
        }
    }

    internal static double Total(ReadOnlySpan<double> x) => TensorPrimitives.Sum(x);
}
