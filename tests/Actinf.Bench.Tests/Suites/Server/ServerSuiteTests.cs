using Actinf.Bench.Runner;
using Actinf.Bench.Suites.Server;

namespace Actinf.Bench.Tests.Suites.Server;

public class ServerSuiteTests
{
    [Fact]
    public void Default_Catalog_ListsTheServerSuiteWithItsClasses()
    {
        SuiteCatalog catalog = SuiteCatalog.Default;

        Assert.Contains("server", catalog.Suites);
        Assert.Equal([typeof(ServerLatencyBenchmarks), typeof(ServerThroughputBenchmarks), typeof(SessionStoreBenchmarks)], catalog.TypesOf("server"));
    }

    [Theory]
    [InlineData("http")]
    [InlineData("stdio")]
    public async Task Latency_AfterSetup_CallsReachTheServerAndAreSaved(string transport)
    {
        var bench = new ServerLatencyBenchmarks { Transport = transport, WarmupTime = TimeSpan.Zero };
        bench.SetupObserve();
        try
        {
            // Three messages, then the warm-up's one observation (a zero warm-up still calls once).
            Assert.Equal(5, await bench.Observe());
            Assert.InRange(await bench.EpistemicAction(), 1, 3);
            Assert.Equal(6, await bench.Observe());
        }
        finally
        {
            bench.Cleanup();
        }
    }

    [Fact]
    public async Task Latency_SetupOfTheActionCase_WarmsWithActionsOnly()
    {
        var bench = new ServerLatencyBenchmarks { Transport = "http", WarmupTime = TimeSpan.Zero };
        bench.SetupEpistemicAction();
        try
        {
            // The three messages of the conversation and no observation from the warm-up.
            Assert.Equal(4, await bench.Observe());
        }
        finally
        {
            bench.Cleanup();
        }
    }

    [Theory]
    [InlineData("in-process")]
    [InlineData("process")]
    [InlineData("process-servergc")]
    public async Task Throughput_Bursts_GiveEverySessionExactlyItsCalls(string server)
    {
        var bench = new ServerThroughputBenchmarks { Clients = 4, Server = server, WarmupTime = TimeSpan.Zero };
        bench.Setup();
        try
        {
            await bench.Observes();
            await bench.EpistemicActions();
            await bench.Observes();

            // Three messages at setup, then CallsPerClient observations per client in the warm-up's one observe burst
            // (a zero warm-up still runs one) and in each of the two observe bursts here.
            Assert.All(await bench.ObservationCountsAsync(), c => Assert.Equal(3 + (3 * ServerThroughputBenchmarks.CallsPerClient), c));
        }
        finally
        {
            bench.Cleanup();
        }
    }

    [Fact]
    public void Throughput_UnknownServerHost_NamesTheChoices()
    {
        var bench = new ServerThroughputBenchmarks { Clients = 1, Server = "elsewhere" };

        var error = Assert.Throws<InvalidOperationException>(bench.Setup);
        Assert.Contains("in-process, process or process-servergc", error.Message, StringComparison.Ordinal);
    }
}
