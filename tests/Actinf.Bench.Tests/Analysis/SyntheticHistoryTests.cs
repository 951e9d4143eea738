using Actinf.Bench.Results;

namespace Actinf.Bench.Tests.Analysis;

/// <summary>
/// The synthetic history checked in under tests/data/bench-results/ (used by the CLI tests) is exactly what
/// <see cref="SyntheticRuns.History"/> generates. Set ACTINF_UPDATE_SNAPSHOTS=1 to rewrite it.
/// </summary>
public class SyntheticHistoryTests
{
    [Fact]
    public void History_CheckedInFiles_MatchGenerator()
    {
        IReadOnlyList<BenchmarkRun> runs = SyntheticRuns.History();
        var expected = runs.ToDictionary(SyntheticRuns.FileName, r => Normalize(BenchmarkRunJson.Write(r)));
        expected["baseline.json"] = Normalize(BenchmarkRunJson.Write(runs[0]));

        if (Environment.GetEnvironmentVariable("ACTINF_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(SyntheticRuns.DataDirectory);
            foreach ((string name, string json) in expected)
            {
                File.WriteAllText(Path.Combine(SyntheticRuns.DataDirectory, name), json);
            }
        }

        foreach ((string name, string json) in expected)
        {
            string path = Path.Combine(SyntheticRuns.DataDirectory, name);
            Assert.True(File.Exists(path), $"{path} is missing; run the tests with ACTINF_UPDATE_SNAPSHOTS=1 to write it.");
            Assert.Equal(json, File.ReadAllText(path).ReplaceLineEndings("\n"));
        }

        string[] onDisk = [.. Directory.GetFiles(SyntheticRuns.DataDirectory, "*.json").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)];
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), onDisk);
    }

    private static string Normalize(string json) => json.ReplaceLineEndings("\n") + "\n";
}
