using System.CommandLine;

namespace Actinf.Cli.Tests;

/// <summary>Runs the <c>actinf</c> command tree in-process.</summary>
internal static class Cli
{
    /// <summary>A benchmark model file of tests/data/bench-models.</summary>
    public static string BenchModel(string name) => RepositoryFolders.TestDataPath("bench-models", name + ".json");

    /// <summary>Parses and invokes <paramref name="args"/>, capturing standard output and error.</summary>
    public static (int ExitCode, string Output, string Error) Invoke(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = Program.BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
