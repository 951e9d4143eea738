using System.Globalization;
using Actinf.Cli.Demo;
using Actinf.Core.Environments;
using Spectre.Console;

namespace Actinf.Cli.Rendering;

/// <summary>Renders the T-maze demo with Spectre tables and markup; fits 80 columns.</summary>
internal static class DemoRenderer
{
    private const int BarWidth = 8;

    /// <summary>Explains the task and the quantities shown.</summary>
    public static void WriteIntroduction(IAnsiConsole console, TMazeDemo demo, int trials, int seed)
    {
        string p = Bars.Number(demo.Environment.RewardProbability);
        string gamma = demo.PolicyPrecision.ToString("0.##", CultureInfo.InvariantCulture);
        console.Write(new Rule("[bold]actinf demo: the T-maze[/]").LeftJustified());
        console.MarkupLine(
            $"The agent starts in the [bold]center[/] of a T. One arm holds a reward (p = {p}), the other a loss; "
            + "the [bold]cue[/] at the bottom arm shows which. The agent does not know which arm pays.");
        console.MarkupLine(
            $"It scores every {TMazeDemo.PolicyLength}-move plan by [bold]G = utility + information gain[/] (larger is better) "
            + $"and moves by q(pi) = softmax({gamma} G).");
        console.MarkupLine(
            $"[dim]{(trials == 1 ? "1 trial" : $"{trials} trials")}, seed {seed}. Each trial: two moves, then the outcome.[/]");
        console.WriteLine();
    }

    /// <summary>Writes one trial: a heading and every step.</summary>
    public static void WriteTrial(IAnsiConsole console, DemoTrial trial, int trials, TMaze maze)
    {
        string side = maze.StateLabel(TMaze.ContextFactor, (int)trial.Context);
        console.Write(new Rule($"[bold]Trial {trial.Number} of {trials}[/] [dim]· reward on the {side} (hidden from the agent)[/]").LeftJustified());
        foreach (DemoStep step in trial.Steps)
        {
            WriteStep(console, step, maze);
        }

        string outcome = trial.Rewarded ? "[green]reward[/]" : trial.Lost ? "[red]loss[/]" : "nothing";
        console.MarkupLine($"  [bold]Outcome[/]   {outcome} [dim](path: {Bars.Escape(PathText(trial, maze, console))})[/]");
        console.WriteLine();
    }

    /// <summary>Writes the per-trial recap and the totals.</summary>
    public static void WriteSummary(IAnsiConsole console, IReadOnlyList<DemoTrial> trials, TMaze maze)
    {
        console.Write(new Rule("[bold]Summary[/]").LeftJustified());
        var recap = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("trial").RightAligned())
            .AddColumn("reward side")
            .AddColumn("path")
            .AddColumn("outcome");
        foreach (DemoTrial trial in trials)
        {
            recap.AddRow(
                trial.Number.ToString(CultureInfo.InvariantCulture),
                maze.StateLabel(TMaze.ContextFactor, (int)trial.Context),
                Bars.Escape(PathText(trial, maze, console)),
                trial.Rewarded ? "[green]reward[/]" : trial.Lost ? "[red]loss[/]" : "nothing");
        }

        console.Write(recap);

        DemoSummary summary = DemoSummary.Of([.. trials]);
        var totals = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn(summary.Trials == 1 ? "1 trial" : $"{summary.Trials} trials"))
            .AddColumn(new TableColumn("count").RightAligned())
            .AddColumn(new TableColumn("rate").RightAligned());
        AddTotal(totals, "visited the cue first", summary.CueFirst, summary.Trials);
        AddTotal(totals, "reward", summary.Rewards, summary.Trials);
        AddTotal(totals, "loss", summary.Losses, summary.Trials);
        console.Write(totals);
    }

    private static void WriteStep(IAnsiConsole console, DemoStep step, TMaze maze)
    {
        bool unicode = console.Profile.Capabilities.Unicode;
        console.MarkupLine($"[bold]Step {step.Number} of {TMazeDemo.StepsPerTrial}[/]");

        var beliefs = new Grid();
        beliefs.AddColumn(new GridColumn().NoWrap());
        beliefs.AddColumn(new GridColumn().NoWrap());
        beliefs.AddColumn(new GridColumn().NoWrap().PadLeft(3));
        beliefs.AddColumn(new GridColumn().NoWrap());
        beliefs.AddRow(
            $"[dim]{maze.FactorName(TMaze.LocationFactor)}[/]",
            string.Empty,
            $"[dim]{maze.FactorName(TMaze.ContextFactor)}[/]",
            string.Empty);
        for (int i = 0; i < step.LocationBelief.Length; i++)
        {
            bool context = i < step.ContextBelief.Length;
            beliefs.AddRow(
                maze.StateLabel(TMaze.LocationFactor, i),
                Bars.Markup(step.LocationBelief[i], BarWidth, unicode, "cyan"),
                context ? maze.StateLabel(TMaze.ContextFactor, i) : string.Empty,
                context ? Bars.Markup(step.ContextBelief[i], BarWidth, unicode, "yellow") : string.Empty);
        }

        var layout = new Grid();
        layout.AddColumn(new GridColumn().NoWrap().PadLeft(2).PadRight(2));
        layout.AddColumn(new GridColumn().PadRight(0));
        layout.AddRow(new Markup("[bold]Observed[/]"), new Markup(Bars.Escape(step.Observed)));
        layout.AddRow(new Markup("[bold]Believes[/]"), beliefs);
        if (step.Action is not null)
        {
            var policies = new Table().Border(TableBorder.Rounded)
                .AddColumn(new TableColumn("plan"))
                .AddColumn(new TableColumn("utility").RightAligned())
                .AddColumn(new TableColumn("info gain").RightAligned())
                .AddColumn(new TableColumn("G").RightAligned())
                .AddColumn(new TableColumn("q(pi)").RightAligned());
            foreach (PolicyScore score in step.TopPolicies)
            {
                policies.AddRow(
                    Bars.Escape(score.Label),
                    Bars.Signed(score.Utility),
                    Bars.Signed(score.InformationGain),
                    Bars.Signed(score.G),
                    Bars.Number(score.Probability));
            }

            int plans = (int)Math.Pow(maze.NumControls[TMaze.LocationFactor], TMazeDemo.PolicyLength);
            layout.AddRow(new Markup($"[bold]Plans[/]{System.Environment.NewLine}[dim]top {step.TopPolicies.Count}/{plans}[/]"), policies);
            layout.AddRow(new Markup("[bold]Action[/]"), new Markup($"[cyan bold]{Bars.Escape(step.ActionText ?? string.Empty)}[/]"));
            string why = Bars.Escape(step.Reason ?? string.Empty)
                + (step.Evidence is null ? string.Empty : $"{System.Environment.NewLine}[dim]{Bars.Escape(step.Evidence)}[/]");
            layout.AddRow(new Markup("[bold]Why[/]"), new Markup(why));
        }

        console.Write(layout);
    }

    private static void AddTotal(Table table, string label, int count, int trials)
    {
        double rate = trials == 0 ? 0.0 : (double)count / trials;
        table.AddRow(
            label,
            $"{count}/{trials}",
            rate.ToString("0%", CultureInfo.InvariantCulture));
    }

    private static string PathText(DemoTrial trial, TMaze maze, IAnsiConsole console) =>
        string.Join(
            console.Profile.Capabilities.Unicode ? " → " : " > ",
            trial.Path.Select(l => maze.StateLabel(TMaze.LocationFactor, (int)l)));
}
