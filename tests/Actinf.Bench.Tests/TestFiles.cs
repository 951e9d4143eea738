using System.Text.Json.Nodes;
using Actinf.Bench.Workloads;

namespace Actinf.Bench.Tests;

/// <summary>Temporary model files for tests; each instance deletes its folder on dispose.</summary>
internal sealed class TestFiles : IDisposable
{
    public TestFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "actinf-bench-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>Writes a copy of a benchmark model without its "bench" object; returns the path.</summary>
    public string WithoutBench(string model)
    {
        JsonNode node = JsonNode.Parse(File.ReadAllText(BenchModels.PathOf(model)))!;
        node.AsObject().Remove("bench");
        string path = Path.Combine(Directory, model + "-nobench.json");
        File.WriteAllText(path, node.ToJsonString());
        return path;
    }

    /// <summary>Writes text to a file in the folder; returns the path.</summary>
    public string Write(string name, string text)
    {
        string path = Path.Combine(Directory, name);
        File.WriteAllText(path, text);
        return path;
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
