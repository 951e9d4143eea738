using System.Globalization;
using System.Runtime.InteropServices;
using Actinf.Bench.Results;

namespace Actinf.Bench.Runner;

/// <summary>Describes the machine a run is measured on (<see cref="MachineInfo"/>).</summary>
/// <remarks>
/// Linux: the CPU model is the first <c>model name</c> of <c>/proc/cpuinfo</c>, the memory <c>MemTotal</c> of
/// <c>/proc/meminfo</c>, the OS <c>PRETTY_NAME</c> of <c>/etc/os-release</c> with the kernel release of
/// <c>/proc/sys/kernel/osrelease</c>. Elsewhere, or
/// when a file is missing: the processor architecture, the memory the GC sees as available, and
/// <see cref="RuntimeInformation.OSDescription"/>.
/// </remarks>
public static class MachineProbe
{
    /// <summary>The current machine.</summary>
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        CpuModel(ReadOrNull("/proc/cpuinfo")) ?? RuntimeInformation.ProcessArchitecture.ToString(),
        MemoryBytes(ReadOrNull("/proc/meminfo")) ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        OperatingSystem(ReadOrNull("/etc/os-release"), RuntimeInformation.OSDescription, ReadOrNull("/proc/sys/kernel/osrelease")),
        Environment.Version.ToString());

    /// <summary>The first <c>model name</c> (x86) or <c>Model</c>/<c>Hardware</c> (ARM) value of a /proc/cpuinfo text; null when absent.</summary>
    /// <param name="cpuinfo">The file's text, or null.</param>
    public static string? CpuModel(string? cpuinfo)
    {
        foreach (string key in (string[])["model name", "Model", "Hardware"])
        {
            if (Field(cpuinfo, key, ':') is { Length: > 0 } value)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary><c>MemTotal</c> of a /proc/meminfo text in bytes (the file gives kB); null when absent.</summary>
    /// <param name="meminfo">The file's text, or null.</param>
    public static long? MemoryBytes(string? meminfo)
    {
        string? value = Field(meminfo, "MemTotal", ':');
        if (value is null)
        {
            return null;
        }

        string number = value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out long kb) ? kb * 1024 : null;
    }

    /// <summary>
    /// The distribution's <c>PRETTY_NAME</c> (else the runtime's OS description), then <c>, kernel VERSION</c> when the
    /// kernel release is known and not already part of it: e.g. <c>Debian GNU/Linux 12 (bookworm), kernel 6.18.44</c>.
    /// </summary>
    /// <param name="osRelease">The text of /etc/os-release, or null.</param>
    /// <param name="description">The runtime's OS description.</param>
    /// <param name="kernelRelease">The text of /proc/sys/kernel/osrelease, or null.</param>
    public static string OperatingSystem(string? osRelease, string description, string? kernelRelease)
    {
        string? pretty = Field(osRelease, "PRETTY_NAME", '=')?.Trim('"');
        string name = string.IsNullOrWhiteSpace(pretty) ? description : pretty;
        string? kernel = kernelRelease?.Trim();
        return string.IsNullOrEmpty(kernel) || name.Contains(kernel, StringComparison.Ordinal) ? name : $"{name}, kernel {kernel}";
    }

    private static string? Field(string? text, string key, char separator)
    {
        if (text is null)
        {
            return null;
        }

        foreach (string line in text.Split('\n'))
        {
            int at = line.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && line[..at].Trim() == key)
            {
                return line[(at + 1)..].Trim();
            }
        }

        return null;
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
