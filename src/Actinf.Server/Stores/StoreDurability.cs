namespace Actinf.Server.Stores;

/// <summary>What an acknowledged update survives: the trade-off between durability and the latency of every update.</summary>
public enum StoreDurability
{
    /// <summary>
    /// The default. Every commit is fsynced before the reply (SQLite WAL, <c>synchronous=FULL</c>): an acknowledged
    /// update survives a killed process, an OS crash and a power loss. Costs one fsync per update (milliseconds on
    /// many disks).
    /// </summary>
    Full,

    /// <summary>
    /// Commits reach the operating system before the reply but are fsynced only at WAL checkpoints (SQLite WAL,
    /// <c>synchronous=NORMAL</c>): an acknowledged update survives a killed or crashed server process (kill -9
    /// included), but the last updates may be lost if the machine itself crashes or loses power.
    /// </summary>
    Process,
}
