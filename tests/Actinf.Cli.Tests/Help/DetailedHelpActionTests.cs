namespace Actinf.Cli.Tests.Help;

public sealed class DetailedHelpActionTests
{
    [Fact]
    public void RootHelp_ListsEveryCommandWithAOneSentenceSummary()
    {
        (int code, string output, _) = Cli.Invoke("--help");

        Assert.Equal(0, code);
        string commands = output[output.IndexOf("Commands:", StringComparison.Ordinal)..];
        foreach (string name in new[] { "demo", "run", "conformance", "bench" })
        {
            string line = commands.Split('\n').Single(l => l.TrimStart().StartsWith(name + " ", StringComparison.Ordinal));
            Assert.True(line.Length < 160, $"summary of '{name}' is {line.Length} characters: {line}");
            Assert.DoesNotContain("Examples", line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("run")]
    [InlineData("conformance")]
    [InlineData("bench", "step")]
    public void CommandHelp_ShowsDetailsWithExamplesAfterTheOptions(params string[] command)
    {
        (int code, string output, _) = Cli.Invoke([.. command, "--help"]);

        Assert.Equal(0, code);
        int options = output.IndexOf("Options:", StringComparison.Ordinal);
        int details = output.IndexOf("Details:", StringComparison.Ordinal);
        Assert.True(options >= 0 && details > options, output);
        Assert.Contains("actinf " + string.Join(' ', command), output[details..], StringComparison.Ordinal);
    }
}
