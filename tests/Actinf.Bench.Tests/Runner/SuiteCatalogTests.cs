using Actinf.Bench.Runner;
using Actinf.Bench.Suites.Caching;
using Actinf.Bench.Suites.Inference;
using Actinf.Bench.Suites.Selective;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Tests.Runner;

public class SuiteCatalogTests
{
    private static readonly Type[] TestTypes =
        [typeof(TrivialBenchmarks), typeof(OtherTrivialBenchmarks), typeof(UncategorizedBenchmarks), typeof(AbstractTrivialBenchmarks), typeof(SuiteCatalogTests)];

    [Fact]
    public void Default_ActinfBench_HasTheSuitesOfIssue3()
    {
        IReadOnlyList<string> suites = SuiteCatalog.Default.Suites;

        Assert.Contains("inference", suites);
        Assert.Contains("caching", suites);
        Assert.Contains("selective", suites);
    }

    [Fact]
    public void Default_EverySuiteType_IsMarkedWithItsCategory()
    {
        foreach (string suite in SuiteCatalog.Default.Suites)
        {
            foreach (Type type in SuiteCatalog.Default.TypesOf(suite))
            {
                string[] categories = [.. type.GetCustomAttributes(typeof(BenchmarkCategoryAttribute), inherit: true)
                    .Cast<BenchmarkCategoryAttribute>().SelectMany(a => a.Categories)];
                Assert.Equal(suite, categories[0]);
            }
        }
    }

    [Fact]
    public void Default_Suites_HoldTheirClasses()
    {
        SuiteCatalog catalog = SuiteCatalog.Default;

        Assert.Contains(typeof(AgentStepBenchmarks), catalog.TypesOf("inference"));
        Assert.Contains(typeof(StateInferenceBenchmarks), catalog.TypesOf("inference"));
        Assert.Contains(typeof(PolicyInferenceBenchmarks), catalog.TypesOf("inference"));
        Assert.Contains(typeof(LearningBenchmarks), catalog.TypesOf("inference"));
        Assert.Equal(
            [typeof(LikelihoodTermsCacheBenchmarks), typeof(PolicyPrefixBenchmarks), typeof(PolicyScoreReuseBenchmarks), typeof(SparseTransitionsBenchmarks)],
            catalog.TypesOf("caching"));
        Assert.Equal([typeof(UnchangedObservationBenchmarks), typeof(UnchangedPolicyBenchmarks)], catalog.TypesOf("selective"));
    }

    [Fact]
    public void FromTypes_MixedTypes_GroupsConcreteCategorizedClassesByFirstCategory()
    {
        SuiteCatalog catalog = SuiteCatalog.FromTypes(TestTypes);

        Assert.Equal(["trivial", "trivial-other"], catalog.Suites);
        Assert.Equal([typeof(TrivialBenchmarks)], catalog.TypesOf("trivial"));
        Assert.Equal([typeof(OtherTrivialBenchmarks)], catalog.TypesOf("trivial-other"));
    }

    [Fact]
    public void SuiteOf_InheritedCategory_IsTheDerivedClassSuite()
    {
        Assert.Equal("caching", SuiteCatalog.SuiteOf(typeof(PolicyPrefixBenchmarks)));
        Assert.Null(SuiteCatalog.SuiteOf(typeof(ShortcutBenchmarks)));
        Assert.Null(SuiteCatalog.SuiteOf(typeof(UncategorizedBenchmarks)));
    }

    [Fact]
    public void Resolve_NoNames_ReturnsEverySuite()
    {
        SuiteCatalog catalog = SuiteCatalog.FromTypes(TestTypes);

        Assert.Equal(catalog.Suites, catalog.Resolve(null));
        Assert.Equal(catalog.Suites, catalog.Resolve([]));
    }

    [Fact]
    public void Resolve_NamesInAnyCaseAndOrder_ReturnsCanonicalNamesInCatalogOrderOnce()
    {
        SuiteCatalog catalog = SuiteCatalog.FromTypes(TestTypes);

        Assert.Equal(["trivial", "trivial-other"], catalog.Resolve(["TRIVIAL-other", "trivial", "Trivial"]));
    }

    [Fact]
    public void Resolve_UnknownName_ThrowsListingKnownSuites()
    {
        SuiteCatalog catalog = SuiteCatalog.FromTypes(TestTypes);

        ArgumentException e = Assert.Throws<ArgumentException>(() => catalog.Resolve(["trivial", "nope"]));

        Assert.Equal("requested", e.ParamName);
        Assert.Contains("'nope'", e.Message, StringComparison.Ordinal);
        Assert.Contains("Known suites: trivial, trivial-other.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TypesOf_UnknownSuite_ThrowsListingKnownSuites()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => SuiteCatalog.FromTypes(TestTypes).TypesOf("nope"));

        Assert.Equal("suite", e.ParamName);
        Assert.Contains("Known suites: trivial, trivial-other.", e.Message, StringComparison.Ordinal);
    }
}
