using Actinf.Bench.Suites.Epistemic;

namespace Actinf.Bench.Tests.Suites.Epistemic;

public class ExpectedFreeEnergyBenchmarksTests
{
    [Theory]
    [InlineData(64)]
    [InlineData(1536)]
    public void SingleActionEfe_SeededPrecisions_MatchesTheClosedForm(int dimensions)
    {
        var bench = new ExpectedFreeEnergyBenchmarks { Dimensions = dimensions };
        bench.Setup();

        // The setup's precisions (Random(4), p = 1 + 10u), reveal precision 1.3, pragmatic 0.25, balance 0.5:
        // G = -2(½·½ Σ ln(1 + 1.3/p) + ½·0.25), computed here in double.
        var random = new Random(4);
        double gain = 0;
        for (int i = 0; i < dimensions; i++)
        {
            double p = 1f + (10f * (float)random.NextDouble());
            gain += 0.5 * Math.Log(1 + (1.3 / p));
        }

        double expected = -2 * ((0.5 * gain) + (0.5 * 0.25));
        Assert.Equal(expected, bench.SingleActionEfe(), Math.Abs(expected) * 1e-5);
    }

    [Fact]
    public void SingleActionEfe_AllocatesNothing()
    {
        var bench = new ExpectedFreeEnergyBenchmarks();
        bench.Setup();

        Assert.Equal(0, AllocationProbe.SteadyStateBytes(() => bench.SingleActionEfe()));
    }
}
