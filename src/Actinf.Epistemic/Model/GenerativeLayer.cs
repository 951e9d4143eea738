using System.Numerics.Tensors;

namespace Actinf.Epistemic.Model;

/// <summary>
/// One layer of the hierarchy: its level, dimension, prediction-error precision and (for level ≥ 1) the
/// block-diagonal weights W_l that predict the layer below: prediction(l-1) = W_l · state(l).
/// </summary>
/// <remarks>
/// W_l has shape [d_(l-1), d_l] and G dense blocks on its diagonal: block g maps states
/// [g·c, (g+1)·c) of this layer to states [g·r, (g+1)·r) of the layer below (r = d_(l-1)/G, c = d_l/G), stored
/// column-major, block after block: W[g·r + i, g·c + j] = weights[g·r·c + j·r + i]. Not thread-safe by itself: <see cref="HierarchicalGenerativeModel"/> guards it.
/// </remarks>
public sealed class GenerativeLayer
{
    private readonly float[]? _weights;
    private readonly float[]? _columnSquares;
    private readonly float[] _learnScratch = [];

    internal GenerativeLayer(int level, int dimension, int lowerDimension, float precision, int groups, Random? random)
    {
        Level = level;
        Dimension = dimension;
        Precision = precision;
        Groups = groups;
        if (level == 0)
        {
            return;
        }

        LowerDimension = lowerDimension;
        BlockRows = lowerDimension / groups;
        BlockColumns = dimension / groups;
        _weights = new float[groups * BlockRows * BlockColumns];
        _columnSquares = new float[dimension];
        _learnScratch = new float[BlockColumns]; // used only under the model's exclusive lock
        if (random is not null)
        {
            InitialiseOrthogonal(random);
        }

        RefreshColumnSquares();
    }

    /// <summary>Level l: 0 = sensory (the embedding), higher = more abstract.</summary>
    public int Level { get; }

    /// <summary>Dimension d_l of this layer's state.</summary>
    public int Dimension { get; }

    /// <summary>Dimension d_(l-1) of the layer this one predicts (0 for level 0).</summary>
    public int LowerDimension { get; }

    /// <summary>Precision pi_l of this layer's prediction error (inverse variance, model units).</summary>
    public float Precision { get; }

    /// <summary>Number of diagonal blocks G of W_l.</summary>
    public int Groups { get; }

    /// <summary>Rows per block, d_(l-1)/G (0 for level 0).</summary>
    public int BlockRows { get; }

    /// <summary>Columns per block, d_l/G (0 for level 0).</summary>
    public int BlockColumns { get; }

    /// <summary>Number of stored weights (0 for level 0).</summary>
    public int WeightCount => _weights?.Length ?? 0;

    /// <summary>Bytes held by the weights (4 per weight: no transposed copy is kept, issue #4).</summary>
    public long WeightBytes => 4L * WeightCount;

    /// <summary>
    /// The stored block weights (level ≥ 1), block after block, each block column-major:
    /// W[g·r + i, g·c + j] = Weights[g·r·c + j·r + i]; read under the model's lock.
    /// </summary>
    internal Span<float> Weights => _weights;

    /// <summary>Column sums of squares Σ_i W[i, j]², length d_l (level ≥ 1).</summary>
    internal ReadOnlySpan<float> ColumnSquares => _columnSquares;

    /// <summary>destination = lower - W · upper (the prediction error of the layer below).</summary>
    internal void PredictionError(ReadOnlySpan<float> lower, ReadOnlySpan<float> upper, Span<float> destination)
    {
        Predict(upper, destination);
        TensorPrimitives.Subtract(lower, destination, destination);
    }

    /// <summary>destination = W · upper (top-down prediction of the layer below).</summary>
    internal void Predict(ReadOnlySpan<float> upper, Span<float> destination)
    {
        float[] w = _weights!;
        int r = BlockRows, c = BlockColumns;
        for (int g = 0; g < Groups; g++)
        {
            BlockKernels.Multiply(new ReadOnlySpan<float>(w, g * r * c, r * c), upper.Slice(g * c, c), destination.Slice(g * r, r));
        }
    }

    /// <summary>destination += scale · Wᵀ · lower (the bottom-up message of the layer-below error).</summary>
    /// <remarks>Column dot products on the stored blocks (no transposed copy: it doubled the weight memory and the learning work, issue #4).</remarks>
    internal void TransposeMultiplyAdd(ReadOnlySpan<float> lower, float scale, Span<float> destination)
    {
        float[] w = _weights!;
        int r = BlockRows, c = BlockColumns;
        for (int g = 0; g < Groups; g++)
        {
            BlockKernels.TransposeMultiplyAdd(new ReadOnlySpan<float>(w, g * r * c, r * c), lower.Slice(g * r, r), scale, destination.Slice(g * c, c));
        }
    }

    /// <summary>
    /// error = lower - W · upper and message = scale · Wᵀ · error, block by block in one visit of each block
    /// (the two products of a descent iteration); returns Σ error² (accumulated per block in double).
    /// </summary>
    internal double PredictionErrorAndMessage(ReadOnlySpan<float> lower, ReadOnlySpan<float> upper, Span<float> error, float scale, Span<float> message)
    {
        float[] w = _weights!;
        int r = BlockRows, c = BlockColumns;
        double squares = 0;
        for (int g = 0; g < Groups; g++)
        {
            squares += BlockKernels.PredictionErrorAndMessage(
                new ReadOnlySpan<float>(w, g * r * c, r * c), upper.Slice(g * c, c), lower.Slice(g * r, r), error.Slice(g * r, r), scale, message.Slice(g * c, c));
        }

        return squares;
    }

    /// <summary>
    /// W_g += rate · eps_g ⊗ x_g / max(1, ||x_g||²/c) within each block g (gradient step on F w.r.t. W_l, normalised
    /// like NLMS when the state x is above unit scale, so the change of the prediction is at most rate·c·eps).
    /// </summary>
    internal void Learn(ReadOnlySpan<float> lowerError, ReadOnlySpan<float> upper, float rate)
    {
        float[] w = _weights!;
        int r = BlockRows, c = BlockColumns;
        for (int g = 0; g < Groups; g++)
        {
            ReadOnlySpan<float> e = lowerError.Slice(g * r, r);
            float blockRate = rate / MathF.Max(1f, TensorPrimitives.SumOfSquares(upper.Slice(g * c, c)) / c);

            // sx = blockRate·x once; the column sums of squares are refreshed while the block is in L1, summed
            // exactly as RefreshColumnSquares sums them, so an imported W reproduces them bit for bit (issue #4).
            Span<float> sx = _learnScratch.AsSpan(0, c);
            TensorPrimitives.Multiply(upper.Slice(g * c, c), blockRate, sx);
            BlockKernels.AddOuterProduct(new Span<float>(w, g * r * c, r * c), e, sx, _columnSquares.AsSpan(g * c, c));
        }
    }

    /// <summary>Recomputes the column sums of squares from the weights (after the weights were replaced).</summary>
    internal void RefreshColumnSquares()
    {
        float[] w = _weights!;
        int r = BlockRows, c = BlockColumns;
        for (int g = 0; g < Groups; g++)
        {
            BlockKernels.ColumnSumOfSquares(new ReadOnlySpan<float>(w, g * r * c, r * c), r, _columnSquares.AsSpan(g * c, c));
        }
    }

    /// <summary>
    /// Each block = sqrt(r/c) · Q with Q a random r×c matrix of orthonormal columns (Gram–Schmidt on Gaussian
    /// columns; Saxe et al., 2014), so Wᵀ W = (r/c)·I at the start and predictions keep the unit scale.
    /// </summary>
    private void InitialiseOrthogonal(Random random)
    {
        int r = BlockRows, c = BlockColumns;
        var q = new double[c, r];
        double scale = Math.Sqrt((double)r / c);
        for (int g = 0; g < Groups; g++)
        {
            for (int j = 0; j < c; j++)
            {
                for (int i = 0; i < r; i++)
                {
                    q[j, i] = StandardNormal(random);
                }

                for (int pass = 0; pass < 2; pass++)
                {
                    for (int k = 0; k < j; k++)
                    {
                        double dot = 0;
                        for (int i = 0; i < r; i++)
                        {
                            dot += q[j, i] * q[k, i];
                        }

                        for (int i = 0; i < r; i++)
                        {
                            q[j, i] -= dot * q[k, i];
                        }
                    }
                }

                double norm = 0;
                for (int i = 0; i < r; i++)
                {
                    norm += q[j, i] * q[j, i];
                }

                norm = Math.Sqrt(norm);
                for (int i = 0; i < r; i++)
                {
                    q[j, i] /= norm;
                }
            }

            int baseWeight = g * r * c;
            for (int i = 0; i < r; i++)
            {
                for (int j = 0; j < c; j++)
                {
                    _weights![baseWeight + (j * r) + i] = (float)(scale * q[j, i]);
                }
            }
        }
    }

    private static double StandardNormal(Random random)
    {
        // Box–Muller; u1 in (0, 1].
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
