using Actinf.Bench.Workloads;
using Actinf.Core.Io;

namespace Actinf.Bench.Tests.Workloads;

public class BenchModelsTests
{
    [Fact]
    public void FindRepositoryRoot_FromTestOutput_FindsSolutionFile()
    {
        string? root = BenchModels.FindRepositoryRoot();

        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root, BenchModels.SolutionFileName)));
    }

    [Fact]
    public void FindRepositoryRoot_OutsideRepository_ReturnsNull()
    {
        Assert.Null(BenchModels.FindRepositoryRoot(Path.GetPathRoot(Path.GetTempPath())!));
    }

    [Fact]
    public void Names_RepositoryFolder_ListsGridsInNaturalOrder()
    {
        IReadOnlyList<string> names = BenchModels.Names();

        Assert.Contains("tmaze", names);
        int small = IndexOf(names, "grid3x3_plen1");
        int medium = IndexOf(names, "grid7x7_plen1");
        int large = IndexOf(names, "grid15x15_plen1");
        Assert.True(small < medium && medium < large, string.Join(", ", names));
    }

    [Fact]
    public void PathOf_UnknownName_ThrowsFileNotFound()
    {
        var e = Assert.Throws<FileNotFoundException>(() => BenchModels.PathOf("no_such_model"));

        Assert.Contains("no_such_model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PathOf_EmptyName_ThrowsArgumentException()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => BenchModels.PathOf(" "));

        Assert.Equal("name", e.ParamName);
    }

    [Fact]
    public void RequireWorkload_FileWithoutBench_ThrowsNamingTheFile()
    {
        using var files = new TestFiles();
        string path = files.WithoutBench("tmaze");
        ModelDocument document = ModelJson.ReadFile(path);

        var e = Assert.Throws<InvalidDataException>(() => BenchModels.RequireWorkload(document, path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("\"bench\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BenchModel_HasWorkload()
    {
        ModelDocument document = BenchModels.Load("tmaze");

        Assert.NotNull(document.Bench);
        Assert.Equal(5, document.Bench.Warmup);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        Assert.Fail($"{name} is not among {string.Join(", ", names)}.");
        return -1;
    }
}
