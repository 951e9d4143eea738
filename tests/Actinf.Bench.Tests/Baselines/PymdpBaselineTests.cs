using System.Text;
using Actinf.Bench.Baselines;
using Actinf.Bench.Workloads;

namespace Actinf.Bench.Tests.Baselines;

public class PymdpBaselineTests
{
    private static PymdpBaseline LoadRepositoryBaseline()
    {
        string? path = PymdpBaseline.FindDefaultPath();
        Assert.NotNull(path);
        return PymdpBaseline.Load(path);
    }

    [Fact]
    public void Load_RepositoryFile_ReadsEveryModel()
    {
        PymdpBaseline baseline = LoadRepositoryBaseline();

        Assert.Equal("0.0.7.1", baseline.PymdpVersion);
        Assert.Equal(11, baseline.Models.Count);
        Assert.Equal("tmaze", baseline.Models[0].Name);
    }

    [Fact]
    public void Find_Tmaze_ReturnsStepAndOpTimings()
    {
        PymdpModelTimings tmaze = LoadRepositoryBaseline().Find("tmaze")!;

        Assert.Equal(1729.74, tmaze.Step.Median);
        Assert.Equal(2504.22, tmaze.Step.P95);
        Assert.Equal(1751.64, tmaze.Step.Mean);
        Assert.Equal(1159.9, tmaze.Step.Min);
        Assert.Equal(671, tmaze.Step.Count);
        Assert.Equal(396.87, tmaze.InferStates!.Value.Median);
        Assert.Equal(1244.74, tmaze.InferPolicies!.Value.Median);
        Assert.Equal(4, tmaze.NumPolicies);
        Assert.Equal(1, tmaze.PolicyLength);
        Assert.Equal("VANILLA", tmaze.InferenceAlgorithm);
        Assert.Equal(671, tmaze.Iterations);
    }

    [Fact]
    public void Find_LearnAB_HasLearningOps()
    {
        PymdpModelTimings learn = LoadRepositoryBaseline().Find("learn_AB")!;

        Assert.True(learn.Timings.ContainsKey("update_A"));
        Assert.True(learn.Timings.ContainsKey("update_B"));
    }

    [Fact]
    public void Find_UnknownModel_ReturnsNull()
    {
        Assert.Null(LoadRepositoryBaseline().Find("no_such_model"));
    }

    [Fact]
    public void Models_EveryBenchModel_HasABaseline()
    {
        PymdpBaseline baseline = LoadRepositoryBaseline();

        Assert.All(BenchModels.Names(), name => Assert.NotNull(baseline.Find(name)));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"models\":{}}")]
    [InlineData("{\"models\":[{\"timings_us\":{}}]}")]
    [InlineData("{\"models\":[{\"name\":\"m\"}]}")]
    [InlineData("{\"models\":[{\"name\":\"m\",\"timings_us\":{\"infer_states\":{\"median\":1,\"p95\":2,\"mean\":1,\"min\":1,\"n\":3}}}]}")]
    [InlineData("{\"models\":[{\"name\":\"m\",\"timings_us\":{\"step\":{\"median\":1}}}]}")]
    public void Parse_Malformed_ThrowsInvalidData(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var e = Assert.Throws<InvalidDataException>(() => PymdpBaseline.Parse(stream, "test.json"));

        Assert.StartsWith("test.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MinimalModel_IgnoresUnknownKeys()
    {
        const string json = """{"extra":1,"models":[{"name":"m","other":[1],"timings_us":{"step":{"median":10,"p95":20,"mean":12,"min":8,"n":5}}}]}""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        PymdpBaseline baseline = PymdpBaseline.Parse(stream);

        PymdpModelTimings m = Assert.Single(baseline.Models);
        Assert.Equal(new PymdpTiming(10, 20, 12, 8, 5), m.Step);
        Assert.Null(m.InferStates);
        Assert.Null(m.NumPolicies);
        Assert.Null(baseline.PymdpVersion);
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => PymdpBaseline.Load(Path.Combine(Path.GetTempPath(), "no-such-baseline.json")));
    }
}
