namespace Actinf.Causal.Tests;

/// <summary>Locates the repository's tests/data folder from the test binaries.</summary>
internal static class TestData
{
    private static readonly Lazy<string> RootFolder = new(() =>
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null)
        {
            string candidate = Path.Combine(dir, "tests", "data");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir, "Actinf.slnx")))
            {
                return candidate;
            }

            dir = Path.GetDirectoryName(dir);
        }

        throw new DirectoryNotFoundException("tests/data not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository's tests/data folder.</summary>
    public static string Root => RootFolder.Value;

    /// <summary>tests/data/causal: networks and causal fixtures.</summary>
    public static string Causal => Path.Combine(Root, "causal");
}
