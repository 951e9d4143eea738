namespace Actinf.Core.Tensors;

/// <summary>
/// A list of policies: <c>policies[p, t, f]</c> is the control state (action) of factor f at step t of
/// policy p. Immutable; layout is row-major <c>[P, T, F]</c> as in pymdp and actinf-model/1.
/// </summary>
public sealed class PolicySet
{
    private readonly int[] _actions;

    /// <summary>Creates a policy set that copies <paramref name="actions"/>.</summary>
    /// <param name="count">P, number of policies (at least 1).</param>
    /// <param name="length">T, steps per policy (at least 1).</param>
    /// <param name="factors">F, number of hidden-state factors (at least 1).</param>
    /// <param name="actions">Row-major <c>[P, T, F]</c> control indices, each non-negative.</param>
    /// <exception cref="ArgumentException">The length of <paramref name="actions"/> is not P·T·F, or an entry is negative.</exception>
    public PolicySet(int count, int length, int factors, ReadOnlySpan<int> actions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factors);
        if (actions.Length != (long)count * length * factors)
        {
            throw new ArgumentException(
                $"Policies of shape [{count}, {length}, {factors}] need {count * length * factors} entries, got {actions.Length}.", nameof(actions));
        }

        for (int i = 0; i < actions.Length; i++)
        {
            if (actions[i] < 0)
            {
                throw new ArgumentException($"Policy entry {i} is negative ({actions[i]}).", nameof(actions));
            }
        }

        Count = count;
        Length = length;
        Factors = factors;
        _actions = actions.ToArray();
    }

    /// <summary>P, number of policies.</summary>
    public int Count { get; }

    /// <summary>T, steps per policy.</summary>
    public int Length { get; }

    /// <summary>F, number of hidden-state factors.</summary>
    public int Factors { get; }

    /// <summary>All entries, row-major <c>[P, T, F]</c>.</summary>
    public ReadOnlySpan<int> Span => _actions;

    /// <summary>The control state of factor <paramref name="factor"/> at step <paramref name="step"/> of policy <paramref name="policy"/>.</summary>
    public int this[int policy, int step, int factor] => _actions[(((policy * Length) + step) * Factors) + factor];

    /// <summary>The actions of every factor at one step of one policy (length F).</summary>
    public ReadOnlySpan<int> Actions(int policy, int step) => _actions.AsSpan(((policy * Length) + step) * Factors, Factors);

    /// <summary>
    /// All combinations of control states for <paramref name="length"/> steps, in pymdp's order
    /// (<c>itertools.product</c> over T blocks of F factors, the last (t, f) position varying fastest).
    /// </summary>
    /// <param name="numControls">Control states per factor (1 = uncontrolled).</param>
    /// <param name="length">T, steps per policy.</param>
    /// <returns>P = prod(numControls)^T policies.</returns>
    /// <exception cref="ArgumentException">A control count is below 1, or P would exceed 10,000,000.</exception>
    public static PolicySet AllCombinations(ReadOnlySpan<int> numControls, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        if (numControls.IsEmpty)
        {
            throw new ArgumentException("At least one factor is needed.", nameof(numControls));
        }

        int factors = numControls.Length;
        int positions = factors * length;
        long count = 1;
        for (int i = 0; i < positions; i++)
        {
            int nc = numControls[i % factors];
            if (nc < 1)
            {
                throw new ArgumentException($"Factor {i % factors} has {nc} control states; at least 1 is needed.", nameof(numControls));
            }

            count *= nc;
            if (count > 10_000_000)
            {
                throw new ArgumentException($"All combinations over {length} steps would exceed 10,000,000 policies; list the policies explicitly.", nameof(length));
            }
        }

        var actions = new int[count * positions];
        var digits = new int[positions];
        for (long p = 0; p < count; p++)
        {
            digits.CopyTo(actions, (int)(p * positions));
            for (int i = positions - 1; i >= 0; i--)
            {
                if (++digits[i] < numControls[i % factors])
                {
                    break;
                }

                digits[i] = 0;
            }
        }

        return new PolicySet((int)count, length, factors, actions);
    }
}
