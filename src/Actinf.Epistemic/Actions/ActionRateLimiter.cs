namespace Actinf.Epistemic.Actions;

/// <summary>
/// Per-session rate limiter: an action type is allowed when fewer than <see cref="MaxPerType"/> actions of
/// that type were issued within the last <see cref="Cooldown"/>. Keeps at most MaxPerType times per type.
/// </summary>
public sealed class ActionRateLimiter
{
    private readonly DateTimeOffset[][] _recent;

    /// <summary>Creates a limiter.</summary>
    /// <param name="cooldown">The window.</param>
    /// <param name="maxPerType">Actions per type per window (≥ 1).</param>
    public ActionRateLimiter(TimeSpan cooldown, int maxPerType)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPerType);
        Cooldown = cooldown;
        MaxPerType = maxPerType;
        _recent = new DateTimeOffset[Enum.GetValues<EpistemicActionType>().Length][];
        for (int t = 0; t < _recent.Length; t++)
        {
            _recent[t] = new DateTimeOffset[maxPerType];
            Array.Fill(_recent[t], DateTimeOffset.MinValue);
        }
    }

    /// <summary>The window.</summary>
    public TimeSpan Cooldown { get; }

    /// <summary>Actions per type per window.</summary>
    public int MaxPerType { get; }

    /// <summary>Whether an action of <paramref name="type"/> may be issued at <paramref name="now"/>.</summary>
    /// <param name="type">Action type.</param>
    /// <param name="now">Current time.</param>
    /// <returns>True when below the limit.</returns>
    public bool IsAllowed(EpistemicActionType type, DateTimeOffset now)
    {
        int count = 0;
        foreach (DateTimeOffset t in _recent[(int)type])
        {
            if (t != DateTimeOffset.MinValue && now - t < Cooldown)
            {
                count++;
            }
        }

        return count < MaxPerType;
    }

    /// <summary>Records an issued action (replaces the oldest time of that type).</summary>
    /// <param name="type">Action type.</param>
    /// <param name="now">When it was issued.</param>
    public void Record(EpistemicActionType type, DateTimeOffset now)
    {
        DateTimeOffset[] slots = _recent[(int)type];
        int oldest = 0;
        for (int i = 1; i < slots.Length; i++)
        {
            if (slots[i] < slots[oldest])
            {
                oldest = i;
            }
        }

        slots[oldest] = now;
    }

    /// <summary>The recorded times per type (for export), oldest slot first as stored.</summary>
    /// <returns>One array per type, indexed by (int)type; DateTimeOffset.MinValue marks an empty slot.</returns>
    public DateTimeOffset[][] Export() => _recent.Select(a => (DateTimeOffset[])a.Clone()).ToArray();

    /// <summary>Restores exported times.</summary>
    /// <param name="recent">One array per type.</param>
    /// <exception cref="ArgumentException">The shape does not match.</exception>
    public void Import(IReadOnlyList<IReadOnlyList<DateTimeOffset>> recent)
    {
        ArgumentNullException.ThrowIfNull(recent);
        if (recent.Count != _recent.Length || recent.Any(r => r.Count != MaxPerType))
        {
            throw new ArgumentException($"Expected {_recent.Length} lists of {MaxPerType} times.", nameof(recent));
        }

        for (int t = 0; t < _recent.Length; t++)
        {
            for (int i = 0; i < MaxPerType; i++)
            {
                _recent[t][i] = recent[t][i];
            }
        }
    }
}
