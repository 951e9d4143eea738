using System.Text.Json.Serialization;

namespace Actinf.Bench.Results;

/// <summary>The machine a benchmark run was measured on.</summary>
/// <param name="Cores">Logical processors visible to the process.</param>
/// <param name="CpuModel">Processor model name (e.g. from /proc/cpuinfo), or "unknown".</param>
/// <param name="MemoryBytes">Physical memory in bytes (0 when unknown).</param>
/// <param name="Os">Operating system description.</param>
/// <param name="Dotnet">.NET runtime version.</param>
public sealed record MachineInfo(
    [property: JsonPropertyName("cores")] int Cores,
    [property: JsonPropertyName("cpu_model")] string CpuModel,
    [property: JsonPropertyName("memory_bytes")] long MemoryBytes,
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("dotnet")] string Dotnet);
