using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Actinf.Cli.Help;

/// <summary>
/// Help that stays short in command lists and teaches on the command's own page: a command's description
/// is split after its first sentence into a summary (shown everywhere) and details with examples (shown
/// after the options when help is asked for that command).
/// </summary>
internal sealed class DetailedHelpAction : SynchronousCommandLineAction
{
    private readonly HelpAction _standard;
    private readonly Dictionary<Command, string> _details;

    private DetailedHelpAction(HelpAction standard, Dictionary<Command, string> details)
    {
        _standard = standard;
        _details = details;
    }

    /// <summary>Splits every description under <paramref name="root"/> and installs the help action.</summary>
    public static void Install(RootCommand root)
    {
        var details = new Dictionary<Command, string>();
        Split(root, details);
        foreach (Option option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction standard } help)
            {
                help.Action = new DetailedHelpAction(standard, details);
            }
        }
    }

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        int code = _standard.Invoke(parseResult);
        if (_details.TryGetValue(parseResult.CommandResult.Command, out string? text))
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(text);
            output.WriteLine();
        }

        return code;
    }

    private static void Split(Command command, Dictionary<Command, string> details)
    {
        string? description = command.Description?.ReplaceLineEndings("\n").Trim();
        int end = description is null ? -1 : FirstSentenceEnd(description);
        if (description is not null && end > 0 && end < description.Length)
        {
            command.Description = string.Join(' ', description[..end].Split('\n', StringSplitOptions.TrimEntries));
            details[command] = "Details:\n" + Indent(description[end..].TrimStart(' ').TrimStart('\n').TrimEnd());
        }

        foreach (Command sub in command.Subcommands)
        {
            Split(sub, details);
        }
    }

    /// <summary>Index just after the first sentence: a period followed by a space or line break and a capital letter, or a blank line.</summary>
    private static int FirstSentenceEnd(string text)
    {
        for (int i = 0; i < text.Length - 2; i++)
        {
            if (text[i] == '\n' && text[i + 1] == '\n')
            {
                return i;
            }

            if (text[i] == '.' && (text[i + 1] == ' ' || text[i + 1] == '\n') && char.IsUpper(text[i + 2]))
            {
                return i + 1;
            }
        }

        return -1;
    }

    private static string Indent(string text)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].Length == 0 ? lines[i] : "  " + lines[i];
        }

        return string.Join('\n', lines);
    }
}
