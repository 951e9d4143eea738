using System.Text.Json;
using Actinf.Bench.Results;

namespace Actinf.Cli.Bench;

/// <summary>Reads result files for the bench commands, turning every input problem into one "error:" line.</summary>
internal static class BenchFiles
{
    /// <summary>Reads a result file; on failure writes <c>error: PATH: reason</c> to <paramref name="error"/> and returns null.</summary>
    public static BenchmarkRun? TryRead(string path, string role, TextWriter error)
    {
        try
        {
            return BenchmarkRunJson.ReadFile(path);
        }
        catch (Exception e) when (IsInputError(e))
        {
            error.WriteLine($"error: {role} {Describe(path, e)}");
            return null;
        }
    }

    /// <summary>One line about an input error, naming the path once.</summary>
    public static string Describe(string path, Exception e) =>
        e is FileNotFoundException or DirectoryNotFoundException ? $"{path}: file not found."
        : e.Message.Contains(path, StringComparison.Ordinal) ? e.Message
        : $"{path}: {e.Message}";

    /// <summary>Exceptions that mean bad input (a missing or malformed file, an invalid value), not a bug.</summary>
    public static bool IsInputError(Exception e) =>
        e is IOException or FormatException or JsonException or UnauthorizedAccessException or ArgumentException;
}
