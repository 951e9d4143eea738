using Actinf.Bench.Suites.Epistemic;

namespace Actinf.Bench.Tests.Suites.Epistemic;

public class BeliefEntropyBenchmarksTests
{
    [Fact]
    public void BothMethods_GiveTheSameEntropy()
    {
        var bench = new BeliefEntropyBenchmarks();
        bench.Setup();

        double scalar = bench.ScalarLoop();

        Assert.InRange(scalar, 1000, 3000); // 1536 × ½ ln(2πe) ≈ 2180 nats, and ln p averages 0 over the range
        Assert.Equal(scalar, bench.Vectorised(), 1e-9);
    }
}
