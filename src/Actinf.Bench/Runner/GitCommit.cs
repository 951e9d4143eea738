using System.Diagnostics;

namespace Actinf.Bench.Runner;

/// <summary>The commit a run measured: <c>git rev-parse HEAD</c>, else <c>GITHUB_SHA</c>, else "unknown".</summary>
public static class GitCommit
{
    /// <summary>The value written when no commit can be found.</summary>
    public const string Unknown = "unknown";

    /// <summary>The environment variable GitHub Actions sets to the commit being built.</summary>
    public const string GitHubShaVariable = "GITHUB_SHA";

    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The commit of <paramref name="directory"/>'s repository (<c>git rev-parse HEAD</c>) when git is installed
    /// and the folder is in a repository; otherwise <see cref="GitHubShaVariable"/> when set; otherwise
    /// <see cref="Unknown"/>.
    /// </summary>
    /// <param name="directory">Folder to ask git in; null for the current directory.</param>
    public static string Detect(string? directory = null) =>
        Choose(RevParseHead(directory ?? Environment.CurrentDirectory), Environment.GetEnvironmentVariable(GitHubShaVariable));

    /// <summary>The rule of <see cref="Detect"/> on given inputs: git's answer, else the variable, else <see cref="Unknown"/>.</summary>
    /// <param name="fromGit">What <c>git rev-parse HEAD</c> printed, or null when it failed.</param>
    /// <param name="fromEnvironment">The value of <see cref="GitHubShaVariable"/>, or null.</param>
    public static string Choose(string? fromGit, string? fromEnvironment) =>
        !string.IsNullOrWhiteSpace(fromGit) ? fromGit.Trim()
        : !string.IsNullOrWhiteSpace(fromEnvironment) ? fromEnvironment.Trim()
        : Unknown;

    /// <summary>Runs <c>git rev-parse HEAD</c> in <paramref name="directory"/>; null when git is missing, fails or prints no hash.</summary>
    /// <param name="directory">The working directory.</param>
    public static string? RevParseHead(string directory)
    {
        var start = new ProcessStartInfo("git", ["rev-parse", "HEAD"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using Process? git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            Task<string> output = git.StandardOutput.ReadToEndAsync();
            _ = git.StandardError.ReadToEndAsync();
            if (!git.WaitForExit(GitTimeout))
            {
                git.Kill(entireProcessTree: true);
                return null;
            }

            string hash = output.GetAwaiter().GetResult().Trim();
            return git.ExitCode == 0 && IsHash(hash) ? hash : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            // git is not installed, or the folder does not exist.
            return null;
        }
    }

    private static bool IsHash(string text) => text.Length >= 7 && text.All(char.IsAsciiHexDigit);
}
