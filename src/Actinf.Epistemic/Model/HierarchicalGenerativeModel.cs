using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Errors;

namespace Actinf.Epistemic.Model;

/// <summary>
/// The linear-Gaussian hierarchy shared by all sessions (seed 004 REQ-ACTINF-003):
/// s_(L-1) ~ N(0, 1/pi_(L-1)), s_(l-1) | s_l ~ N(W_l s_l, 1/pi_(l-1)), and the observation o ~ N(s_0, 1/pi_o).
/// </summary>
/// <remarks>
/// Thread-safe: belief updates read the weights under a shared lock (<see cref="EnterRead"/>) and learning
/// writes them under the exclusive lock, so a reader never sees a half-written update. The weights take
/// 4 bytes each: 393 KB with the default 16 blocks, 6.3 MB dense (seed 004 budget: 10 MB).
/// </remarks>
public sealed partial class HierarchicalGenerativeModel : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly GenerativeLayer[] _layers;
    private long _learningSteps;

    /// <summary>Builds the model with seeded initial weights.</summary>
    /// <param name="options">Validated model options.</param>
    /// <exception cref="ActiveInferenceException"><see cref="ErrorKind.ConfigurationError"/> for invalid options.</exception>
    public HierarchicalGenerativeModel(GenerativeModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        var random = new Random(options.Seed);
        _layers = new GenerativeLayer[options.LayerCount];
        for (int l = 0; l < _layers.Length; l++)
        {
            _layers[l] = new GenerativeLayer(
                l,
                options.LayerDimensions[l],
                l == 0 ? 0 : options.LayerDimensions[l - 1],
                options.LayerPrecisions[l],
                options.ConnectionGroups,
                l == 0 ? null : random);
        }
    }

    /// <summary>The options the model was built with.</summary>
    public GenerativeModelOptions Options { get; }

    /// <summary>The layers, sensory (0) first.</summary>
    public IReadOnlyList<GenerativeLayer> Layers => _layers;

    /// <summary>Number of layers L.</summary>
    public int LayerCount => _layers.Length;

    /// <summary>Dimension of the observation layer (d_0).</summary>
    public int ObservationDimension => _layers[0].Dimension;

    /// <summary>Total number of weights.</summary>
    public long WeightCount => _layers.Sum(l => (long)l.WeightCount);

    /// <summary>Number of learning steps applied so far.</summary>
    public long LearningSteps => Interlocked.Read(ref _learningSteps);

    /// <summary>
    /// Top-down prediction of the observation from a top-layer state: x_(L-1) = top, x_(l-1) = W_l x_l, returns x_0
    /// in <paramref name="destination"/>.
    /// </summary>
    /// <param name="top">State of the top layer, length d_(L-1).</param>
    /// <param name="destination">Receives the predicted observation, length d_0.</param>
    /// <exception cref="ArgumentException">A length does not match the model.</exception>
    public void PredictObservation(ReadOnlySpan<float> top, Span<float> destination)
    {
        if (top.Length != _layers[^1].Dimension)
        {
            throw new ArgumentException($"The top state has {top.Length} values; expected {_layers[^1].Dimension}.", nameof(top));
        }

        if (destination.Length != ObservationDimension)
        {
            throw new ArgumentException($"The destination has {destination.Length} values; expected {ObservationDimension}.", nameof(destination));
        }

        if (_layers.Length == 1)
        {
            top.CopyTo(destination);
            return;
        }

        float[] current = top.ToArray();
        EnterRead();
        try
        {
            for (int l = _layers.Length - 1; l >= 1; l--)
            {
                var next = new float[_layers[l - 1].Dimension];
                _layers[l].Predict(current, next);
                current = next;
            }
        }
        finally
        {
            ExitRead();
        }

        current.CopyTo(destination);
    }

    /// <summary>
    /// Learns the weights from precision-weighted prediction errors: W_l += rate · pi_(l-1) · eps_(l-1) ⊗ mu_l (normalised per block, see GenerativeLayer.Learn)
    /// (gradient descent on F with respect to W_l), under the exclusive lock.
    /// </summary>
    /// <param name="errors">eps_l = mu_l - W_(l+1) mu_(l+1) per layer (index l).</param>
    /// <param name="means">Posterior means mu_l per layer (index l).</param>
    internal void Learn(ReadOnlySpan<float[]> errors, ReadOnlySpan<float[]> means)
    {
        if (!Options.LearnWeights || Options.LearningRate == 0f || _layers.Length == 1)
        {
            return;
        }

        _lock.EnterWriteLock();
        try
        {
            for (int l = 1; l < _layers.Length; l++)
            {
                _layers[l].Learn(errors[l - 1], means[l], Options.LearningRate * _layers[l - 1].Precision);
            }

            // Counted under the lock, so that an export (CaptureWeights) sees weights and count of the same step.
            Interlocked.Increment(ref _learningSteps);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Copies the weights of layer <paramref name="level"/> (≥ 1) for inspection.</summary>
    /// <param name="level">Layer level ≥ 1.</param>
    /// <returns>A copy of the block weights.</returns>
    public float[] CopyWeights(int level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, _layers.Length);
        EnterRead();
        try
        {
            return _layers[level].Weights.ToArray();
        }
        finally
        {
            ExitRead();
        }
    }

    internal void EnterRead() => _lock.EnterReadLock();

    internal void ExitRead() => _lock.ExitReadLock();

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();
}
