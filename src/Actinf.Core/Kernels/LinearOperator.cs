using System.Numerics.Tensors;

namespace Actinf.Core.Kernels;

/// <summary>
/// A dense row-major matrix that multiplies vectors through a compressed-row copy when it is sparse
/// (at most a quarter of its entries non-zero, as in deterministic transitions or identity likelihoods).
/// </summary>
/// <remarks>
/// Zero entries contribute exact zeros to each row sum, so the sparse path sums the same terms as the dense
/// one; only the association order (SIMD lanes) differs, at the 1e-16 relative level.
/// Call <see cref="Refresh"/> after changing <see cref="Values"/>; it reuses its buffers and never allocates.
/// </remarks>
internal sealed class LinearOperator
{
    private const double SparseDensity = 0.25;
    private readonly int[] _rowStart;
    private readonly int[] _column;
    private readonly double[] _value;

    /// <param name="rows">Rows.</param>
    /// <param name="columns">Columns.</param>
    /// <param name="allowSparse">When false the dense path is always used.</param>
    public LinearOperator(int rows, int columns, bool allowSparse = true)
    {
        Rows = rows;
        Columns = columns;
        Values = new double[rows * columns];
        _rowStart = new int[rows + 1];
        int capacity = allowSparse ? (int)Math.Ceiling(SparseDensity * rows * columns) : 0;
        _column = new int[capacity];
        _value = new double[capacity];
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>The entries, row-major <c>[Rows, Columns]</c>.</summary>
    public double[] Values { get; }

    public bool IsSparse { get; private set; }

    /// <summary>Rebuilds the sparse copy (or chooses the dense path) from <see cref="Values"/>.</summary>
    public void Refresh()
    {
        int nnz = 0;
        foreach (double v in Values)
        {
            if (v != 0)
            {
                nnz++;
            }
        }

        IsSparse = _column.Length > 0 && nnz <= _column.Length;
        if (!IsSparse)
        {
            return;
        }

        int k = 0;
        for (int r = 0; r < Rows; r++)
        {
            _rowStart[r] = k;
            ReadOnlySpan<double> row = Values.AsSpan(r * Columns, Columns);
            for (int c = 0; c < row.Length; c++)
            {
                if (row[c] != 0)
                {
                    _column[k] = c;
                    _value[k] = row[c];
                    k++;
                }
            }
        }

        _rowStart[Rows] = k;
    }

    /// <summary>destination[r] = sum_c M[r, c]·x[c]. No aliasing between x and destination.</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> destination)
    {
        if (IsSparse)
        {
            for (int r = 0; r < Rows; r++)
            {
                double sum = 0;
                for (int k = _rowStart[r]; k < _rowStart[r + 1]; k++)
                {
                    sum += _value[k] * x[_column[k]];
                }

                destination[r] = sum;
            }

            return;
        }

        ReadOnlySpan<double> values = Values;
        for (int r = 0; r < Rows; r++)
        {
            destination[r] = TensorPrimitives.Dot(values.Slice(r * Columns, Columns), x);
        }
    }
}
