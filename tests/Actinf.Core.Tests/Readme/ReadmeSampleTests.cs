using MyApp;

namespace Actinf.Core.Tests.Readme;

public sealed class ReadmeSampleTests
{
    [Fact]
    public void ReadmeSample_IsTheCodeInReadme()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryFolders.Root, "README.md")).ReplaceLineEndings("\n");
        string sample = File.ReadAllText(Path.Combine(RepositoryFolders.Root, "tests", "Actinf.Core.Tests", "Readme", "ReadmeSample.cs")).ReplaceLineEndings("\n");
        int start = sample.IndexOf("// <readme-sample>\n", StringComparison.Ordinal) + "// <readme-sample>\n".Length;
        int end = sample.IndexOf("// </readme-sample>", StringComparison.Ordinal);
        string code = sample[start..end];

        Assert.Contains("```csharp\n" + code + "```", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadmeSample_Run_GivesBayesPosteriorAndAValidTMazeAction()
    {
        string previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(RepositoryFolders.Root);
        try
        {
            (double belief, int[] action) = ReadmeSample.Run();

            Assert.Equal(0.9 / 1.1, belief, 1e-12);
            Assert.Equal(2, action.Length);
            Assert.InRange(action[0], 0, 3);
            Assert.Equal(0, action[1]);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }
}
