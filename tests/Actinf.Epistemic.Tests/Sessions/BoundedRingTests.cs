using Actinf.Epistemic.Sessions;

namespace Actinf.Epistemic.Tests.Sessions;

public class BoundedRingTests
{
    [Fact]
    public void Add_BeyondCapacity_DropsOldest()
    {
        var ring = new BoundedRing<int>(3);
        for (int i = 1; i <= 5; i++)
        {
            ring.Add(i);
        }

        Assert.Equal([3, 4, 5], ring.ToArray());
        ring.Set(0, 30);
        Assert.Equal(30, ring[0]);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => ring[3]).ParamName);
    }
}
