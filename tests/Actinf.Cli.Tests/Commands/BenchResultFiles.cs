using System.CommandLine;
using System.Text.Json.Nodes;

namespace Actinf.Cli.Tests.Commands;

/// <summary>
/// The synthetic result files of tests/data/bench-results (see its README), scaled copies of them in a temp
/// folder, and a way to invoke one bench subcommand under a root of its own.
/// </summary>
internal sealed class BenchResultFiles : IDisposable
{
    public const string BaselineName = "baseline.json";
    public const string LatestName = "20250110T060000Z-synthetic5.json";

    public BenchResultFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "actinf-bench-cli-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public static string DataDirectory => RepositoryFolders.TestDataPath("bench-results");

    public static string Data(string name) => Path.Combine(DataDirectory, name);

    /// <summary>Writes a copy of a result file with every sample and time statistic multiplied by <paramref name="factor"/>.</summary>
    public string Scaled(string name, double factor, string? fileName = null)
    {
        JsonObject run = JsonNode.Parse(File.ReadAllText(Data(name)))!.AsObject();
        run["run_id"] = (string)run["run_id"]! + "-scaled";
        foreach (JsonNode? benchmark in run["benchmarks"]!.AsArray())
        {
            JsonArray samples = benchmark!["samples"]!.AsArray();
            for (int i = 0; i < samples.Count; i++)
            {
                samples[i] = (double)samples[i]! * factor;
            }

            foreach (string key in new[] { "mean_ns", "median_ns", "p95_ns", "p99_ns", "stddev_ns" })
            {
                benchmark[key] = (double)benchmark[key]! * factor;
            }
        }

        return Write(fileName ?? $"scaled-{factor}.json", run.ToJsonString());
    }

    public string Write(string name, string text)
    {
        string path = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string Copy(string dataName, string name) => Write(name, File.ReadAllText(Data(dataName)));

    /// <summary>Parses and invokes <paramref name="args"/> against a root that holds only <paramref name="command"/>.</summary>
    public static (int ExitCode, string Output, string Error) Invoke(Command command, params string[] args)
    {
        var root = new RootCommand("test") { command };
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
