using System.CommandLine;

namespace Actinf.Cli.Commands;

/// <summary>`actinf conformance` (placeholder until implemented).</summary>
internal static class ConformanceCommand
{
    public static Command Create() => new("conformance", "Not implemented yet.");
}
