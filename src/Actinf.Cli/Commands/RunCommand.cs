using System.CommandLine;

namespace Actinf.Cli.Commands;

/// <summary>`actinf run` (placeholder until implemented).</summary>
internal static class RunCommand
{
    public static Command Create() => new("run", "Not implemented yet.");
}
