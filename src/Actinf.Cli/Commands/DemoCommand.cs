using System.CommandLine;

namespace Actinf.Cli.Commands;

/// <summary>`actinf demo` (placeholder until implemented).</summary>
internal static class DemoCommand
{
    public static Command Create() => new("demo", "Not implemented yet.");
}
