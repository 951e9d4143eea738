namespace Actinf.Bench.Suites.Server;

/// <summary>Finds <c>actinf.dll</c> (the CLI) for the stdio benchmarks, which start <c>actinf serve</c> as a process.</summary>
internal static class ActinfCli
{
    /// <summary>Environment variable naming actinf.dll explicitly.</summary>
    public const string EnvironmentVariable = "ACTINF_CLI";

    /// <summary>
    /// <c>$ACTINF_CLI</c>, else <c>artifacts/bin/Actinf.Cli/release/actinf.dll</c> in the first folder above the
    /// running program that has one (BenchmarkDotNet runs each case from a generated folder under artifacts/).
    /// </summary>
    /// <returns>The path.</returns>
    /// <exception cref="FileNotFoundException">No actinf.dll was found; build src/Actinf.Cli in Release first.</exception>
    public static string Path()
    {
        string? explicitPath = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return explicitPath;
        }

        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string candidate = System.IO.Path.Combine(d.FullName, "artifacts", "bin", "Actinf.Cli", "release", "actinf.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"actinf.dll not found above {AppContext.BaseDirectory}; run `dotnet build -c Release src/Actinf.Cli` first or set {EnvironmentVariable}.");
    }
}
