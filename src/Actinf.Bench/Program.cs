using BenchmarkDotNet.Running;

namespace Actinf.Bench;

/// <summary>
/// Entry point of the benchmark suites: <c>dotnet run -c Release --project src/Actinf.Bench -- --filter '*Step*'</c>
/// (any BenchmarkDotNet command-line option works, e.g. <c>--job short</c> or <c>--list flat</c>).
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line.</summary>
    /// <param name="args">BenchmarkDotNet's command-line arguments.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
