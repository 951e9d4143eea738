using System.Runtime.CompilerServices;

namespace Actinf.Tests;

/// <summary>Folders of the repository the tests run from (one locator, compiled into every test project).</summary>
internal static class RepositoryFolders
{
    /// <summary>
    /// The repository root: the first folder holding Actinf.slnx above this source file (builds may go to another
    /// ArtifactsPath), else above the test binaries.
    /// </summary>
    public static string Root { get; } = FindRoot();

    /// <summary>tests/data: the fixtures, models and networks the tests read.</summary>
    public static string TestData => Path.Combine(Root, "tests", "data");

    /// <summary>A path under tests/data.</summary>
    /// <param name="parts">Folder and file names below tests/data.</param>
    /// <returns>The full path (not checked to exist).</returns>
    public static string TestDataPath(params string[] parts) => Path.Combine([TestData, .. parts]);

    private static string FindRoot([CallerFilePath] string source = "")
    {
        foreach (string start in new[] { Path.GetDirectoryName(source) ?? string.Empty, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? d = new(start); d is not null && start.Length > 0; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "Actinf.slnx")) && Directory.Exists(Path.Combine(d.FullName, "tests", "data")))
                {
                    return d.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"The repository root (Actinf.slnx with tests/data) is above neither {source} nor {AppContext.BaseDirectory}.");
    }
}
