namespace Actinf.Epistemic.Tests.Support;

/// <summary>A clock the test moves by hand; optionally every timestamp read advances it (to force budget overruns).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start, TimeSpan advancePerTimestamp = default) : TimeProvider
{
    private DateTimeOffset _now = start;
    private long _ticks;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => _now;

    public override long GetTimestamp()
    {
        long t = _ticks;
        _ticks += advancePerTimestamp.Ticks;
        return t;
    }

    public void Advance(TimeSpan by)
    {
        _now += by;
        _ticks += by.Ticks;
    }
}
