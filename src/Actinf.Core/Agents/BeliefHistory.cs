using Actinf.Core.Kernels;

namespace Actinf.Core.Agents;

/// <summary>
/// The agent's recent past: for each of the last <see cref="Capacity"/> actions, the posterior over
/// states when it was chosen, the policy posterior q(pi) and the action. Buffers are allocated once, so
/// recording does not allocate; older entries are overwritten.
/// </summary>
/// <remarks>Entry 0 is the oldest kept, <c>Count - 1</c> the latest. Enable it with
/// <see cref="AgentOptions.HistoryCapacity"/>.</remarks>
public sealed class BeliefHistory
{
    private readonly StateSpace _space;
    private readonly int _policies;
    private readonly int _factors;
    private readonly double[] _posteriors;
    private readonly double[] _policyPosteriors;
    private readonly int[] _actions;
    private readonly int[] _times;
    private int _next;

    internal BeliefHistory(int capacity, StateSpace space, int policies)
    {
        Capacity = capacity;
        _space = space;
        _policies = policies;
        _factors = space.Factors;
        _posteriors = new double[capacity * space.TotalSize];
        _policyPosteriors = new double[capacity * policies];
        _actions = new int[capacity * space.Factors];
        _times = new int[capacity];
    }

    /// <summary>How many steps are kept at most.</summary>
    public int Capacity { get; }

    /// <summary>How many steps are kept now (at most <see cref="Capacity"/>).</summary>
    public int Count { get; private set; }

    /// <summary>The agent's time t after the action of entry <paramref name="index"/> (1 for the first action).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, Count).</exception>
    public int Time(int index) => _times[Slot(index)];

    /// <summary>Posterior over the states of <paramref name="factor"/> when entry <paramref name="index"/>'s action was chosen (length Ns_f).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public ReadOnlySpan<double> Posterior(int index, int factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(factor);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(factor, _factors);
        int total = _space.TotalSize;
        return _space.Factor(_posteriors.AsSpan(Slot(index) * total, total), factor);
    }

    /// <summary>q(pi) when entry <paramref name="index"/>'s action was chosen (length P).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, Count).</exception>
    public ReadOnlySpan<double> PolicyPosterior(int index) => _policyPosteriors.AsSpan(Slot(index) * _policies, _policies);

    /// <summary>The action of entry <paramref name="index"/> (length F).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, Count).</exception>
    public ReadOnlySpan<int> Action(int index) => _actions.AsSpan(Slot(index) * _factors, _factors);

    internal void Record(Workspace w)
    {
        int slot = _next;
        int total = _space.TotalSize;
        for (int f = 0; f < _factors; f++)
        {
            w.Posterior(f).CopyTo(_space.Factor(_posteriors.AsSpan(slot * total, total), f));
        }

        w.QPi.CopyTo(_policyPosteriors.AsSpan(slot * _policies, _policies));
        w.Action.CopyTo(_actions.AsSpan(slot * _factors, _factors));
        _times[slot] = w.Time;
        _next = (_next + 1) % Capacity;
        Count = Math.Min(Count + 1, Capacity);
    }

    internal void Clear()
    {
        Count = 0;
        _next = 0;
    }

    private int Slot(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        int oldest = Count < Capacity ? 0 : _next;
        return (oldest + index) % Capacity;
    }
}
