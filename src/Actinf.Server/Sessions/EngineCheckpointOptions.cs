namespace Actinf.Server.Sessions;

/// <summary>When <see cref="EngineStateKeeper"/> checkpoints the learned model weights (the feedback statistics are saved with every rating).</summary>
/// <remarks>
/// Registered with a default by <c>AddActinfServer</c> unless the caller registered one first. The weights are
/// ~400 KB (default model), so saving them after every belief update would cost a 400 KB fsynced write per
/// <c>observe</c>; a checkpoint bounds what a crash can lose instead (docs/server.md).
/// </remarks>
public sealed record EngineCheckpointOptions
{
    /// <summary>Checkpoint once this many learning steps (belief updates) were applied since the last one. Default 100.</summary>
    public int EveryObservations { get; init; } = 100;

    /// <summary>Checkpoint at most this long after the weights changed, however few updates there were. Default 60 s.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (EveryObservations < 1)
        {
            throw new ArgumentException($"EveryObservations is {EveryObservations}; it must be at least 1.", nameof(EveryObservations));
        }

        if (Interval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Interval is {Interval}; it must be positive.", nameof(Interval));
        }
    }
}
