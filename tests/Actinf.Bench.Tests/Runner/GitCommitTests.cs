using Actinf.Bench.Runner;

namespace Actinf.Bench.Tests.Runner;

public class GitCommitTests
{
    [Theory]
    [InlineData("0123abcd\n", "fedc", "0123abcd")]
    [InlineData(null, " fedc987 ", "fedc987")]
    [InlineData("", null, GitCommit.Unknown)]
    [InlineData(null, "  ", GitCommit.Unknown)]
    public void Choose_Sources_PrefersGitThenGitHubShaThenUnknown(string? git, string? environment, string expected)
    {
        Assert.Equal(expected, GitCommit.Choose(git, environment));
    }

    [Fact]
    public void RevParseHead_FolderOutsideAnyRepository_IsNull()
    {
        using var files = new TestFiles();

        Assert.Null(GitCommit.RevParseHead(files.Directory));
    }

    [Fact]
    public void RevParseHead_MissingFolder_IsNull()
    {
        Assert.Null(GitCommit.RevParseHead(Path.Combine(Path.GetTempPath(), "actinf-no-such-folder-" + Guid.NewGuid().ToString("N"))));
    }

    [Fact]
    public void Detect_Anywhere_IsNeverEmpty()
    {
        Assert.False(string.IsNullOrWhiteSpace(GitCommit.Detect()));
    }
}
