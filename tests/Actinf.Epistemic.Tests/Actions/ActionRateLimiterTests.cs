using Actinf.Epistemic.Actions;

namespace Actinf.Epistemic.Tests.Actions;

public class ActionRateLimiterTests
{
    [Fact]
    public void IsAllowed_WithinCooldown_BlockedAfterMaxPerType()
    {
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var limiter = new ActionRateLimiter(TimeSpan.FromSeconds(60), 2);
        limiter.Record(EpistemicActionType.SeekClarification, t0);
        Assert.True(limiter.IsAllowed(EpistemicActionType.SeekClarification, t0.AddSeconds(1)));
        limiter.Record(EpistemicActionType.SeekClarification, t0.AddSeconds(1));
        Assert.False(limiter.IsAllowed(EpistemicActionType.SeekClarification, t0.AddSeconds(2)));
        Assert.True(limiter.IsAllowed(EpistemicActionType.RequestExample, t0.AddSeconds(2)));
        Assert.True(limiter.IsAllowed(EpistemicActionType.SeekClarification, t0.AddSeconds(61)));
    }
}
