namespace Actinf.Epistemic.Inference;

/// <summary>Preallocated per-iteration metrics of the last belief update (reused, no allocation per update).</summary>
public sealed class BeliefUpdateTrace
{
    private readonly IterationMetrics[] _iterations;

    /// <summary>Creates a trace for up to <paramref name="capacity"/> iterations.</summary>
    /// <param name="capacity">Maximum iterations (the updater's MaxIterations).</param>
    public BeliefUpdateTrace(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _iterations = new IterationMetrics[capacity];
    }

    /// <summary>Number of iterations recorded.</summary>
    public int Count { get; private set; }

    /// <summary>The recorded iterations.</summary>
    public ReadOnlySpan<IterationMetrics> Iterations => _iterations.AsSpan(0, Count);

    internal void Clear() => Count = 0;

    internal void Add(in IterationMetrics metrics)
    {
        if (Count < _iterations.Length)
        {
            _iterations[Count++] = metrics;
        }
    }
}
