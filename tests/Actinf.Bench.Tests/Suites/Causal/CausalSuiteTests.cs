using Actinf.Bench.Runner;
using Actinf.Bench.Suites.Causal;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Actinf.Bench.Tests.Suites.Causal;

public class CausalSuiteTests
{
    [Fact]
    public void Default_Catalog_ListsTheCausalSuiteWithItsClasses()
    {
        SuiteCatalog catalog = SuiteCatalog.Default;

        Assert.Contains("causal", catalog.Suites);
        Assert.Equal(
            [typeof(CausalGraphBenchmarks), typeof(DoQueryBenchmarks), typeof(MpeBenchmarks), typeof(MpeLargeNetworkBenchmarks), typeof(PosteriorBenchmarks)],
            catalog.TypesOf("causal"));
    }

    [Fact]
    public void SuiteOf_SlowTaggedClass_IsStillCausal()
    {
        Assert.Equal("causal", SuiteCatalog.SuiteOf(typeof(MpeLargeNetworkBenchmarks)));
    }

    [Fact]
    public void Plan_QuickRun_KeepsEveryNetworkButTheSlowMpeOnes()
    {
        var runner = new BenchmarkSuiteRunner();

        string[] quick = [.. runner.Plan(new BenchmarkRunOptions { Suites = ["causal"], Quick = true }).Select(p => p.Id)];
        string[] full = [.. runner.Plan(new BenchmarkRunOptions { Suites = ["causal"] }).Select(p => p.Id)];

        Assert.Equal(5 + (2 * 9) + (2 * 6) + (2 * 5) + 4, full.Length);
        Assert.Equal(full.Where(id => !id.StartsWith("causal/MpeLargeNetworkBenchmarks", StringComparison.Ordinal) || id.EndsWith("(model=andes)", StringComparison.Ordinal)), quick);
        Assert.Contains("causal/PosteriorBenchmarks.Posterior(network=alarm,reuseOrders=false)", quick);
        Assert.Contains("causal/PosteriorBenchmarks.Posterior(network=link,reuseOrders=true)", quick);
        Assert.Contains("causal/MpeLargeNetworkBenchmarks.Mpe(model=link)", full);
    }

    [Fact]
    public void PerCallConfig_OneCallPerIteration_CarriesTheDataFolder()
    {
        Job job = Assert.Single(new CausalPerCallConfig().GetJobs());

        Assert.Equal(1, job.Run.InvocationCount);
        Assert.Equal(1, job.Run.UnrollFactor);
        Assert.Equal(400, job.Run.IterationCount);
        EnvironmentVariable variable = Assert.Single(job.Environment.EnvironmentVariables!, v => v.Key == CausalBenchData.DirectoryVariable);
        Assert.Equal(CausalBenchData.ResolveDirectory(), variable.Value);
        Assert.Equal(CausalPerCallConfig.GeneratedProjectBuildTimeout, new CausalPerCallConfig().BuildTimeout);
    }

    [Fact]
    public void SlowCallConfig_FewCalls()
    {
        Job job = Assert.Single(new CausalSlowCallConfig().GetJobs());

        Assert.Equal(1, job.Run.InvocationCount);
        Assert.Equal(20, job.Run.IterationCount);
    }

    [Fact]
    public void ResolveDirectory_Repository_HoldsNetworksAndFixtures()
    {
        string directory = CausalBenchData.ResolveDirectory();

        Assert.True(File.Exists(Path.Combine(directory, "networks", "alarm.bif")));
        Assert.True(File.Exists(Path.Combine(directory, "fixtures", "alarm.json")));
    }

    [Fact]
    public void LoadEngine_UnknownNetwork_ThrowsFileNotFoundNamingIt()
    {
        FileNotFoundException e = Assert.Throws<FileNotFoundException>(() => CausalBenchData.LoadEngine("no_such_network"));

        Assert.Contains("no_such_network", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadQueries_NoQueryOfTheKinds_ThrowsInvalidDataNamingTheFile()
    {
        // Every fixture has every kind, so ask for none.
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => CausalBenchData.LoadQueries("asia"));

        Assert.Contains("asia.json", e.Message, StringComparison.Ordinal);
    }
}
