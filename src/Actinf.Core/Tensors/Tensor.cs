using System.Collections.ObjectModel;

namespace Actinf.Core.Tensors;

/// <summary>
/// An immutable dense tensor of doubles: a contiguous row-major (C order, last index fastest) buffer
/// plus its shape.
/// </summary>
/// <remarks>
/// This is the interchange form of every model array (pymdp's layout, see docs/model-format.md).
/// Kernels work on <see cref="Span"/>; the engine copies what it mutates into its own workspace.
/// </remarks>
public sealed class Tensor : IEquatable<Tensor>
{
    private readonly double[] _data;
    private readonly int[] _shape;

    /// <summary>Creates a tensor that copies <paramref name="data"/>.</summary>
    /// <param name="shape">Extent of each axis; every extent must be at least 1 (a scalar has rank 0).</param>
    /// <param name="data">Row-major values; length must equal the product of <paramref name="shape"/>.</param>
    /// <exception cref="ArgumentException">The data length does not match the shape, or an extent is below 1.</exception>
    public Tensor(ReadOnlySpan<int> shape, ReadOnlySpan<double> data)
        : this(shape.ToArray(), data.ToArray(), validate: true)
    {
    }

    private Tensor(int[] shape, double[] data, bool validate)
    {
        if (validate)
        {
            long n = 1;
            for (int i = 0; i < shape.Length; i++)
            {
                if (shape[i] < 1)
                {
                    throw new ArgumentException($"Axis {i} has extent {shape[i]}; every extent must be at least 1.", nameof(shape));
                }

                n *= shape[i];
            }

            if (n != data.Length)
            {
                throw new ArgumentException(
                    $"Shape [{string.Join(", ", shape)}] holds {n} values but {data.Length} were given.", nameof(data));
            }
        }

        _shape = shape;
        _data = data;
    }

    /// <summary>Wraps arrays the caller hands over and never touches again (no copy).</summary>
    internal static Tensor Own(int[] shape, double[] data) => new(shape, data, validate: true);

    /// <summary>A 1-D tensor that copies <paramref name="values"/>.</summary>
    public static Tensor Vector(ReadOnlySpan<double> values) => new([values.Length], values.ToArray(), validate: true);

    /// <summary>A tensor of zeros of the given shape.</summary>
    public static Tensor Zeros(params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long n = 1;
        foreach (int d in shape)
        {
            n *= d;
        }

        return new Tensor((int[])shape.Clone(), new double[n], validate: true);
    }

    /// <summary>The values, row-major.</summary>
    public ReadOnlySpan<double> Span => _data;

    /// <summary>The extent of each axis.</summary>
    public ReadOnlySpan<int> ShapeSpan => _shape;

    /// <summary>The extent of each axis, as a list.</summary>
    public ReadOnlyCollection<int> Shape => Array.AsReadOnly(_shape);

    /// <summary>Number of axes.</summary>
    public int Rank => _shape.Length;

    /// <summary>Number of values (product of the shape).</summary>
    public int Length => _data.Length;

    /// <summary>Value at a multi-index (row-major).</summary>
    /// <exception cref="ArgumentException">The number of indices differs from <see cref="Rank"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside its axis.</exception>
    public double this[params int[] index] => _data[Offset(index)];

    /// <summary>Row-major offset of a multi-index.</summary>
    public int Offset(ReadOnlySpan<int> index)
    {
        if (index.Length != _shape.Length)
        {
            throw new ArgumentException($"Expected {_shape.Length} indices, got {index.Length}.", nameof(index));
        }

        int offset = 0;
        for (int i = 0; i < index.Length; i++)
        {
            if ((uint)index[i] >= (uint)_shape[i])
            {
                throw new ArgumentOutOfRangeException(nameof(index), $"Index {index[i]} is outside axis {i} of extent {_shape[i]}.");
            }

            offset = (offset * _shape[i]) + index[i];
        }

        return offset;
    }

    /// <summary>A copy of the values.</summary>
    public double[] ToArray() => (double[])_data.Clone();

    /// <summary>A copy of the shape.</summary>
    public int[] ShapeToArray() => (int[])_shape.Clone();

    /// <summary>Shape formatted as <c>[d0, d1, ...]</c>, for messages.</summary>
    public string ShapeText => "[" + string.Join(", ", _shape) + "]";

    /// <inheritdoc/>
    public bool Equals(Tensor? other) =>
        other is not null && _shape.AsSpan().SequenceEqual(other._shape) && _data.AsSpan().SequenceEqual(other._data);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Tensor);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int d in _shape)
        {
            hash.Add(d);
        }

        hash.Add(_data.Length > 0 ? _data[0] : 0.0);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => $"Tensor{ShapeText}";
}
