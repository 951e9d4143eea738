namespace Actinf.Core.Tests.Readme;

/// <summary>CI runs exactly the README's test command, nothing weaker.</summary>
public sealed class CiEntryPointTests
{
    [Fact]
    public void CiRun_LastCommand_IsTheReadmeTestCommand()
    {
        string root = RepositoryFolders.Root;
        string[] readme = File.ReadAllLines(Path.Combine(root, "README.md"));

        // The set-up block: the line commented "run every test" holds the test command.
        string readmeLine = readme.Single(l => l.Contains("run every test", StringComparison.Ordinal));
        string testCommand = readmeLine[..readmeLine.IndexOf('#', StringComparison.Ordinal)].Trim();

        string[] ci = File.ReadAllLines(Path.Combine(root, ".ci", "run"));
        string lastCommand = ci.Last(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).Trim();

        Assert.Equal("./test.sh", testCommand);
        Assert.Equal(testCommand, lastCommand);
    }
}
