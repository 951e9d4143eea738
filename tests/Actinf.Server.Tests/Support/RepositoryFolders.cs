using System.Runtime.CompilerServices;

namespace Actinf.Server.Tests.Support;

/// <summary>Folders of the repository these tests run from.</summary>
internal static class RepositoryFolders
{
    /// <summary>
    /// The repository root: the first folder holding Actinf.slnx above this source file (builds may go to another
    /// ArtifactsPath), else above the test binaries.
    /// </summary>
    public static string Root { get; } = FindRoot();

    /// <summary>tests/data/causal/networks: the shipped Bayesian networks.</summary>
    public static string Networks => Path.Combine(Root, "tests", "data", "causal", "networks");

    /// <summary>tests/data/bench-models: actinf-model/1 documents.</summary>
    public static string Models => Path.Combine(Root, "tests", "data", "bench-models");

    private static string FindRoot([CallerFilePath] string source = "")
    {
        foreach (string start in new[] { Path.GetDirectoryName(source) ?? string.Empty, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? d = new(start); d is not null && start.Length > 0; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "Actinf.slnx")))
                {
                    return d.FullName;
                }
            }
        }

        throw new InvalidOperationException($"The repository root (Actinf.slnx) is above neither {source} nor {AppContext.BaseDirectory}.");
    }
}
