using Spectre.Console;

namespace Actinf.Cli.Rendering;

/// <summary>
/// Builds the Spectre console a command writes to: colours and ANSI codes only on a real terminal, no
/// colour with <c>--no-color</c> or <c>NO_COLOR</c>, and a fixed 80-column layout when the output is
/// redirected (a file, a pipe, or a test's <see cref="StringWriter"/>).
/// </summary>
internal static class CliConsole
{
    /// <summary>Width of the layout when the output is not a terminal.</summary>
    public const int RedirectedWidth = 80;

    /// <summary>Creates a console that writes to <paramref name="output"/>.</summary>
    /// <param name="output">Where the command writes (<c>InvocationConfiguration.Output</c>).</param>
    /// <param name="noColor">The user asked for no colour (<c>--no-color</c>).</param>
    public static IAnsiConsole Create(TextWriter output, bool noColor = false)
    {
        bool terminal = IsTerminal(output);
        bool colorOff = noColor || !terminal || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colorOff ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    /// <summary>Whether <paramref name="output"/> is the process's standard output attached to a terminal.</summary>
    public static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
}
