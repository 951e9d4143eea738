using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actinf.Bench.Results;

/// <summary>Reads and writes <see cref="BenchmarkRun"/> files (source-generated System.Text.Json).</summary>
public static class BenchmarkRunJson
{
    /// <summary>Serialises a run (indented, UTF-8 JSON).</summary>
    public static string Write(BenchmarkRun run) => JsonSerializer.Serialize(run, BenchmarkRunJsonContext.Default.BenchmarkRun);

    /// <summary>Writes a run to a file, creating its folder.</summary>
    public static void WriteFile(BenchmarkRun run, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        File.WriteAllText(path, Write(run));
    }

    /// <summary>Parses a run.</summary>
    /// <exception cref="FormatException">Not a run of schema <see cref="BenchmarkRun.SchemaName"/>, or malformed; the message names the source.</exception>
    public static BenchmarkRun Read(string json, string source = "result")
    {
        BenchmarkRun? run;
        try
        {
            run = JsonSerializer.Deserialize(json, BenchmarkRunJsonContext.Default.BenchmarkRun);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: not a benchmark result file ({e.Message}).", e);
        }

        if (run is null || run.Schema != BenchmarkRun.SchemaName)
        {
            throw new FormatException($"{source}: schema is '{run?.Schema}', expected '{BenchmarkRun.SchemaName}'.");
        }

        if (run.Benchmarks is null || run.Machine is null)
        {
            throw new FormatException($"{source}: 'benchmarks' and 'machine' are required.");
        }

        return run;
    }

    /// <summary>Reads a run from a file.</summary>
    /// <exception cref="FormatException">The file is not a valid run.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static BenchmarkRun ReadFile(string path) => Read(File.ReadAllText(path), path);
}

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(BenchmarkRun))]
internal sealed partial class BenchmarkRunJsonContext : JsonSerializerContext;
