using System.CommandLine;

namespace Actinf.Cli.Tests;

/// <summary>Runs the <c>actinf</c> command tree in-process and finds the repository's test data.</summary>
internal static class Cli
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Actinf.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Actinf.slnx not found above the test output folder.");
    });

    /// <summary>The repository root (the folder holding Actinf.slnx).</summary>
    public static string RepositoryRoot() => Root.Value;

    /// <summary>A benchmark model file of tests/data/bench-models.</summary>
    public static string BenchModel(string name) => Path.Combine(RepositoryRoot(), "tests", "data", "bench-models", name + ".json");

    /// <summary>Parses and invokes <paramref name="args"/>, capturing standard output and error.</summary>
    public static (int ExitCode, string Output, string Error) Invoke(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = Program.BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
