namespace Actinf.Core.Tests;

/// <summary>Locates the repository's tests/data folder from the test binaries.</summary>
internal static class TestData
{
    private static readonly Lazy<string> Root = new(() =>
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

    public static string Folder => Root.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root.Value, .. parts]);
}
