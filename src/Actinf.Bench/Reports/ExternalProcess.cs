using System.Diagnostics;

namespace Actinf.Bench.Reports;

/// <summary>Runs the report's helper programs (npm, node) and finds programs on the PATH.</summary>
internal static class ExternalProcess
{
    /// <summary>Runs <paramref name="fileName"/> to completion, or kills it (and its children) after <paramref name="timeout"/>.</summary>
    /// <returns>The exit code (-1 on timeout) and everything it printed.</returns>
    /// <exception cref="System.ComponentModel.Win32Exception">The program could not be started.</exception>
    public static (int ExitCode, string Output, string Error) Run(string fileName, IEnumerable<string> arguments, string? workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, output.Result, error.Result + $"\n{fileName} timed out after {timeout.TotalSeconds:0} s.");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The full path of the first executable named <paramref name="name"/> on the PATH, or null.</summary>
    public static string? FindOnPath(string name)
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        string[] extensions = OperatingSystem.IsWindows() ? [".exe", ".cmd", ".bat", ""] : [""];
        foreach (string folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string extension in extensions)
            {
                string candidate = Path.Combine(folder, name + extension);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The last non-empty line of <paramref name="text"/>, for one-line error messages.</summary>
    public static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no output)";
}
