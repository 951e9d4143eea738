using System.Text.Json;
using Actinf.Core.Io;
using Actinf.Core.Models;

namespace Actinf.Cli.Tests.Commands;

public class RunCommandTests
{
    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    [InlineData("tmaze", "tmaze", 12)]
    [InlineData("tmaze_plen2", "tmaze", 5)]
    [InlineData("grid3x3_plen3", "grid", 8)]
    [InlineData("grid7x7_plen1", "grid", 15)]
    public void Run_Json_EmitsOneValidLinePerStep(string model, string env, int steps)
    {
        GenerativeModel expected = ModelJson.ReadFile(Cli.BenchModel(model)).Model;

        (int code, string output, string error) = Cli.Invoke("run", Cli.BenchModel(model), "--env", env, "--steps", steps.ToString(), "--json");

        Assert.True(code == 0, error);
        Assert.Equal(string.Empty, error);
        string[] lines = Lines(output);
        Assert.Equal(steps, lines.Length);
        for (int t = 0; t < lines.Length; t++)
        {
            using JsonDocument json = JsonDocument.Parse(lines[t]);
            JsonElement step = json.RootElement;
            Assert.Equal(t, step.GetProperty("t").GetInt32());
            int[] observation = [.. step.GetProperty("observation").EnumerateArray().Select(e => e.GetInt32())];
            Assert.Equal(expected.NumModalities, observation.Length);
            Assert.All(observation.Select((o, m) => (o, m)), x => Assert.InRange(x.o, 0, expected.NumObservations[x.m] - 1));
            int[] action = [.. step.GetProperty("action").EnumerateArray().Select(e => e.GetInt32())];
            Assert.Equal(expected.NumFactors, action.Length);
            Assert.All(action.Select((u, f) => (u, f)), x => Assert.InRange(x.u, 0, expected.NumControls[x.f] - 1));
            double[][] posterior = [.. step.GetProperty("posterior").EnumerateArray().Select(f => f.EnumerateArray().Select(e => e.GetDouble()).ToArray())];
            Assert.Equal(expected.NumFactors, posterior.Length);
            Assert.All(posterior, q => Assert.Equal(1.0, q.Sum(), 9));
            double[] qPi = [.. step.GetProperty("q_pi").EnumerateArray().Select(e => e.GetDouble())];
            double[] g = [.. step.GetProperty("G").EnumerateArray().Select(e => e.GetDouble())];
            Assert.Equal(expected.Policies.Count, qPi.Length);
            Assert.Equal(expected.Policies.Count, g.Length);
            Assert.Equal(1.0, qPi.Sum(), 9);
            Assert.All(qPi, p => Assert.InRange(p, 0.0, 1.0));
        }
    }

    [Fact]
    public void Run_JsonTMaze_ChecksTheCueThenStaysInTheRewardedArm()
    {
        (int code, string output, string error) = Cli.Invoke("run", Cli.BenchModel("tmaze_plen2"), "--env", "tmaze", "--steps", "6", "--json", "--seed", "4");

        Assert.True(code == 0, error);
        JsonElement[] steps = [.. Lines(output).Select(l => JsonDocument.Parse(l).RootElement)];
        Assert.Equal(3, steps[0].GetProperty("action")[0].GetInt32());
        int rewardedArm = steps[0].GetProperty("state")[1].GetInt32() + 1;
        Assert.All(steps[1..], s => Assert.Equal(rewardedArm, s.GetProperty("action")[0].GetInt32()));
        Assert.Equal(3, steps[1].GetProperty("observation")[0].GetInt32());
    }

    [Fact]
    public void Run_JsonGrid_ObservesCellsAndReachesThePreferredCell()
    {
        (int code, string output, string error) = Cli.Invoke("run", Cli.BenchModel("grid7x7_plen1"), "--env", "grid", "--steps", "15", "--json");

        Assert.True(code == 0, error);
        JsonElement[] steps = [.. Lines(output).Select(l => JsonDocument.Parse(l).RootElement)];
        Assert.Equal(0, steps[0].GetProperty("observation")[0].GetInt32());
        Assert.Equal(26, steps[^1].GetProperty("observation")[0].GetInt32());
    }

    [Fact]
    public void Run_JsonSameSeed_SameLines()
    {
        (_, string first, _) = Cli.Invoke("run", Cli.BenchModel("tmaze"), "--steps", "10", "--json", "--seed", "8");
        (_, string second, _) = Cli.Invoke("run", Cli.BenchModel("tmaze"), "--steps", "10", "--json", "--seed", "8");

        Assert.Equal(first, second);
    }

    [Fact]
    public void Run_AutoEnvironment_PicksTheOneTheModelFits()
    {
        (int code, string output, string error) = Cli.Invoke("run", Cli.BenchModel("grid3x3_plen1"), "--steps", "3");

        Assert.True(code == 0, error);
        Assert.Contains("│ environment ", output, StringComparison.Ordinal);
        Assert.Contains("grid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Summary_PrintsATableWithoutAnsiCodes()
    {
        (int code, string output, string error) = Cli.Invoke("run", Cli.BenchModel("tmaze"), "--env", "tmaze", "--steps", "10");

        Assert.True(code == 0, error);
        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("10 (seed 0)", output, StringComparison.Ordinal);
        Assert.Contains("final true state", output, StringComparison.Ordinal);
        Assert.Contains("final belief", output, StringComparison.Ordinal);
        Assert.Contains("most preferred reward", output, StringComparison.Ordinal);
        Assert.All(output.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 80, line));
    }

    [Fact]
    public void Run_MissingFile_FailsWithFileNotFound()
    {
        string path = Path.Combine(Path.GetTempPath(), $"actinf-missing-{Guid.NewGuid():N}.json");

        (int code, string output, string error) = Cli.Invoke("run", path, "--json");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"error: {path}: file not found.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MalformedJson_FailsNamingTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"actinf-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"format\": \"actinf-model/1\", ");
        try
        {
            (int code, string output, string error) = Cli.Invoke("run", path);

            Assert.Equal(1, code);
            Assert.Equal(string.Empty, output);
            Assert.StartsWith("error: ", error, StringComparison.Ordinal);
            Assert.Contains(path, error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Run_GridModelInTMaze_FailsListingTheMismatch()
    {
        (int code, string output, string error) = Cli.Invoke("run", Cli.BenchModel("grid3x3_plen1"), "--env", "tmaze", "--json");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("does not fit the tmaze environment", error, StringComparison.Ordinal);
        Assert.Contains("num_obs [4, 3, 2], num_states [4, 2] and num_controls [4, 1]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TMazeModelInGrid_FailsSayingItIsNotAGrid()
    {
        (int code, _, string error) = Cli.Invoke("run", Cli.BenchModel("tmaze"), "--env", "grid");

        Assert.Equal(1, code);
        Assert.Contains("not an n x n grid world", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ModelFittingNoEnvironment_FailsExplainingBoth()
    {
        (int code, _, string error) = Cli.Invoke("run", Cli.BenchModel("random_3f3m"));

        Assert.Equal(1, code);
        Assert.Contains("No environment fits the model", error, StringComparison.Ordinal);
        Assert.Contains("tmaze", error, StringComparison.Ordinal);
        Assert.Contains("grid", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--steps", "0")]
    [InlineData("--env", "maze")]
    public void Run_InvalidOption_FailsWithAParseError(string option, string value)
    {
        (int code, _, string error) = Cli.Invoke("run", Cli.BenchModel("tmaze"), option, value);

        Assert.NotEqual(0, code);
        Assert.NotEqual(string.Empty, error);
    }

    [Fact]
    public void Run_Help_DescribesOptionsWithDefaultsAndExamples()
    {
        (int code, string output, _) = Cli.Invoke("run", "--help");

        Assert.Equal(0, code);
        Assert.Contains("MODEL.json", output, StringComparison.Ordinal);
        Assert.Contains("[default: auto]", output, StringComparison.Ordinal);
        Assert.Contains("[default: 20]", output, StringComparison.Ordinal);
        Assert.Contains("[default: 0]", output, StringComparison.Ordinal);
        Assert.Contains("--json", output, StringComparison.Ordinal);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        Assert.Contains("actinf run tests/data/bench-models/tmaze.json --json", output, StringComparison.Ordinal);
    }
}
