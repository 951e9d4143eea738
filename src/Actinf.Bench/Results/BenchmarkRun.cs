using System.Text.Json.Serialization;

namespace Actinf.Bench.Results;

/// <summary>
/// One run of the benchmark runner: what was measured, where and when. Stored as one JSON file per run
/// (schema <see cref="SchemaName"/>, documented in docs/benchmarks.md).
/// </summary>
/// <param name="Schema">Always <see cref="SchemaName"/>.</param>
/// <param name="RunId">Unique id of the run (UTC time and a short random suffix).</param>
/// <param name="UtcTime">When the run started (UTC).</param>
/// <param name="GitCommit">Commit of the measured code, or "unknown".</param>
/// <param name="Quick">Whether the quick (shorter, noisier) configuration was used.</param>
/// <param name="Machine">The machine.</param>
/// <param name="Suites">Suites the run covered.</param>
/// <param name="Benchmarks">Results per benchmark.</param>
public sealed record BenchmarkRun(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("utc_time")] DateTimeOffset UtcTime,
    [property: JsonPropertyName("git_commit")] string GitCommit,
    [property: JsonPropertyName("quick")] bool Quick,
    [property: JsonPropertyName("machine")] MachineInfo Machine,
    [property: JsonPropertyName("suites")] IReadOnlyList<string> Suites,
    [property: JsonPropertyName("benchmarks")] IReadOnlyList<BenchmarkResult> Benchmarks)
{
    /// <summary>The schema identifier written in every result file.</summary>
    public const string SchemaName = "actinf-bench-run/1";
}
