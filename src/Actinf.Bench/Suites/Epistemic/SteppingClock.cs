namespace Actinf.Bench.Suites.Epistemic;

/// <summary>
/// A clock whose wall time the benchmark moves (past the 60 s action cooldown before each selection, so that
/// every call sees the same rate-limiter state); timestamps are the real ones, so budgets are real.
/// </summary>
internal sealed class SteppingClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
