using System.CommandLine;

namespace Actinf.Cli.Commands;

/// <summary>`actinf bench` (placeholder until implemented).</summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Not implemented yet.");
}
