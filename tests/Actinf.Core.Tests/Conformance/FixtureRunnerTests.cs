using Actinf.Core.Conformance;

namespace Actinf.Core.Tests.Conformance;

public sealed class FixtureRunnerTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (string file in FixtureRunner.ExpandPaths([RepositoryFolders.TestDataPath("conformance")]))
        {
            data.Add(Path.GetRelativePath(RepositoryFolders.TestData, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void RunFile_SharedReferenceFixture_MatchesWithinTolerance(string relativePath)
    {
        FixtureResult result = FixtureRunner.RunFile(Path.Combine(RepositoryFolders.TestData, relativePath));

        Assert.True(result.Passed, $"{result.Name}: max |error| {result.MaxAbsError:E2}\n" + string.Join("\n", result.Failures));
        Assert.True(result.Compared > 0, "the fixture compared no number");
    }

    [Fact]
    public void ExpandPaths_Folder_FindsEveryFixtureOnce()
    {
        IReadOnlyList<string> files = FixtureRunner.ExpandPaths([RepositoryFolders.TestDataPath("conformance")]);

        Assert.Equal(41, files.Count);
        Assert.Equal(files.Count, files.Distinct().Count());
    }

    [Fact]
    public void RunFile_PerturbedExpectation_Fails()
    {
        string path = RepositoryFolders.TestDataPath("conformance", "pymdp", "agent_tmaze_default.json");
        string json = File.ReadAllText(path).Replace("-5.1303870801325075", "-5.1303875801325075", StringComparison.Ordinal);

        FixtureResult result = FixtureRunner.Run(json, path);

        Assert.False(result.Passed);
        Assert.Contains(result.Failures, f => f.Contains(".G", StringComparison.Ordinal));
    }
}
