namespace Actinf.Epistemic.Sessions;

/// <summary>Bounded buffer of recent prediction errors with a running average of their surprise.</summary>
public sealed class PredictionErrorBuffer
{
    private readonly BoundedRing<PredictionErrorRecord> _ring;

    /// <summary>Creates an empty buffer.</summary>
    /// <param name="capacity">Maximum records.</param>
    public PredictionErrorBuffer(int capacity) => _ring = new BoundedRing<PredictionErrorRecord>(capacity);

    /// <summary>The records, oldest first.</summary>
    public BoundedRing<PredictionErrorRecord> Records => _ring;

    /// <summary>Exponential running average (rate 0.3) of the surprise; 0 when empty.</summary>
    public float AverageSurprise { get; internal set; }

    /// <summary>Adds a record and updates the running average.</summary>
    /// <param name="record">The record.</param>
    public void Add(PredictionErrorRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        AverageSurprise = _ring.Count == 0 ? record.Surprise : (0.7f * AverageSurprise) + (0.3f * record.Surprise);
        _ring.Add(record);
    }
}
