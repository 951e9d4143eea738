using System.Text.RegularExpressions;
using Actinf.Cli.Commands;
using Actinf.Cli.Demo;

namespace Actinf.Cli.Tests.Commands;

public partial class DemoCommandTests
{
    // A recap row: "│     3 │ left        │ center → cue → left arm  │ reward  │".
    [GeneratedRegex(@"^│\s+(?<trial>\d+) │ (?<side>left|right)\s+│ (?<path>[^│]+?)\s+│ (?<outcome>reward|loss|nothing)\s+│$", RegexOptions.Multiline)]
    private static partial Regex RecapRow();

    // A totals row: "│ visited the cue first │   8/8 │ 100% │".
    [GeneratedRegex(@"^│ (?<label>visited the cue first|reward|loss)\s+│\s+(?<count>\d+)/(?<total>\d+) │\s+(?<rate>\d+)% │$", RegexOptions.Multiline)]
    private static partial Regex TotalRow();

    private static Dictionary<string, (int Count, int Total, int Rate)> Totals(string output)
    {
        Dictionary<string, (int Count, int Total, int Rate)> totals = TotalRow().Matches(output).ToDictionary(
            m => m.Groups["label"].Value,
            m => (int.Parse(m.Groups["count"].Value), int.Parse(m.Groups["total"].Value), int.Parse(m.Groups["rate"].Value)));
        Assert.Equal(3, totals.Count);
        return totals;
    }

    [Fact]
    public void Demo_DefaultOptions_PrintsEveryTrialAndStepSection()
    {
        (int code, string output, string error) = Cli.Invoke("demo");

        Assert.True(code == 0, error);
        Assert.Equal(DemoCommand.DefaultTrials, Regex.Count(output, @"Trial \d+ of 8"));
        Assert.Equal(DemoCommand.DefaultTrials, Regex.Count(output, $"Step 1 of {TMazeDemo.StepsPerTrial}"));
        Assert.Equal(DemoCommand.DefaultTrials, Regex.Count(output, $"Step {TMazeDemo.StepsPerTrial} of {TMazeDemo.StepsPerTrial}"));
        Assert.Equal(DemoCommand.DefaultTrials * TMazeDemo.StepsPerTrial, Regex.Count(output, "Observed  "));
        Assert.Equal(DemoCommand.DefaultTrials * TMazeDemo.StepsPerTrial, Regex.Count(output, "Believes  "));
        Assert.Equal(DemoCommand.DefaultTrials * (TMazeDemo.StepsPerTrial - 1), Regex.Count(output, "Action  "));
        Assert.Equal(DemoCommand.DefaultTrials * (TMazeDemo.StepsPerTrial - 1), Regex.Count(output, "Why  "));
        Assert.Contains("info gain", output, StringComparison.Ordinal);
        Assert.Contains("q(pi)", output, StringComparison.Ordinal);
        Assert.Contains("Summary", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_Summary_CountsMatchThePerTrialRecap()
    {
        (int code, string output, string error) = Cli.Invoke("demo", "--trials", "6", "--seed", "5");

        Assert.True(code == 0, error);
        Match[] rows = RecapRow().Matches(output).ToArray();
        Assert.Equal([1, 2, 3, 4, 5, 6], rows.Select(r => int.Parse(r.Groups["trial"].Value)));
        Dictionary<string, (int Count, int Total, int Rate)> totals = Totals(output);
        int cueFirst = rows.Count(r => r.Groups["path"].Value.StartsWith("center → cue", StringComparison.Ordinal));
        Assert.Equal((cueFirst, 6), (totals["visited the cue first"].Count, totals["visited the cue first"].Total));
        Assert.Equal(rows.Count(r => r.Groups["outcome"].Value == "reward"), totals["reward"].Count);
        Assert.Equal(rows.Count(r => r.Groups["outcome"].Value == "loss"), totals["loss"].Count);
        Assert.Equal((int)Math.Round(100.0 * totals["reward"].Count / 6), totals["reward"].Rate);
    }

    [Fact]
    public void Demo_Seed_SummaryEqualsTheRunItDescribes()
    {
        var demo = new TMazeDemo(seed: 3);
        DemoTrial[] trials = [.. Enumerable.Range(1, 4).Select(demo.RunTrial)];
        DemoSummary expected = DemoSummary.Of(trials);

        (int code, string output, string error) = Cli.Invoke("demo", "--trials", "4", "--seed", "3");

        Assert.True(code == 0, error);
        Dictionary<string, (int Count, int Total, int Rate)> totals = Totals(output);
        Assert.Equal((expected.CueFirst, 4), (totals["visited the cue first"].Count, totals["visited the cue first"].Total));
        Assert.Equal((expected.Rewards, 4), (totals["reward"].Count, totals["reward"].Total));
        Assert.Equal((expected.Losses, 4), (totals["loss"].Count, totals["loss"].Total));
        foreach (DemoTrial trial in trials)
        {
            string side = trial.Context == Core.Environments.TMazeContext.RewardOnLeft ? "left" : "right";
            Assert.Contains($"Trial {trial.Number} of 4 · reward on the {side}", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Demo_Agent_ChecksTheCueFirstAndThenGoesToTheRewardedArm()
    {
        var demo = new TMazeDemo(seed: 0);

        for (int i = 1; i <= 8; i++)
        {
            DemoTrial trial = demo.RunTrial(i);

            Assert.True(trial.CueFirst);
            Assert.Contains("information gain dominates", trial.Steps[0].Reason, StringComparison.Ordinal);
            Assert.Contains("expected utility dominates", trial.Steps[1].Reason, StringComparison.Ordinal);
            var arm = trial.Context == Core.Environments.TMazeContext.RewardOnLeft
                ? Core.Environments.TMazeLocation.LeftArm
                : Core.Environments.TMazeLocation.RightArm;
            Assert.Equal(arm, trial.Steps[1].Action);
            Assert.All(trial.Steps[0].TopPolicies, p => Assert.Equal(p.G, p.Utility + p.InformationGain, 9));
        }
    }

    [Fact]
    public void Demo_SameSeed_SameOutput()
    {
        (_, string first, _) = Cli.Invoke("demo", "--trials", "3", "--seed", "17");
        (_, string second, _) = Cli.Invoke("demo", "--trials", "3", "--seed", "17");

        Assert.Equal(first, second);
    }

    [Fact]
    public void Demo_RedirectedOutput_HasNoAnsiCodesAndFitsEightyColumns()
    {
        (int code, string output, string error) = Cli.Invoke("demo", "--trials", "2");

        Assert.True(code == 0, error);
        Assert.DoesNotContain('\u001b', output);
        Assert.All(output.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 80, $"{line.Length} columns: {line}"));
    }

    [Fact]
    public void Demo_NoColor_RunsAndPrintsTheSummary()
    {
        (int code, string output, _) = Cli.Invoke("demo", "--trials", "1", "--no-color");

        Assert.Equal(0, code);
        Assert.Contains("visited the cue first", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("many")]
    public void Demo_InvalidTrials_FailsWithAnError(string trials)
    {
        (int code, _, string error) = Cli.Invoke("demo", "--trials", trials);

        Assert.NotEqual(0, code);
        Assert.Contains("--trials", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_Help_DescribesOptionsWithDefaultsAndExamples()
    {
        (int code, string output, _) = Cli.Invoke("demo", "--help");

        Assert.Equal(0, code);
        Assert.Contains("[default: 8]", output, StringComparison.Ordinal);
        Assert.Contains("--seed", output, StringComparison.Ordinal);
        Assert.Contains("--no-color", output, StringComparison.Ordinal);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        Assert.Contains("actinf demo --trials 3 --seed 42", output, StringComparison.Ordinal);
    }
}
