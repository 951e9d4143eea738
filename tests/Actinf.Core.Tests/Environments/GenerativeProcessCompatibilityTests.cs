using Actinf.Core.Environments;
using Actinf.Core.Io;
using Actinf.Core.Models;

namespace Actinf.Core.Tests.Environments;

public class GenerativeProcessCompatibilityTests
{
    [Fact]
    public void IsCompatible_TMazeBenchModel_IsTrueWithNoProblem()
    {
        GenerativeModel model = ModelJson.ReadFile(RepositoryFolders.TestDataPath("bench-models", "tmaze.json")).Model;

        bool ok = GenerativeProcessCompatibility.IsCompatible(model, new TMaze(), out string? problem);

        Assert.True(ok);
        Assert.Null(problem);
    }

    [Fact]
    public void IsCompatible_GridModelInTMaze_ListsEveryMismatchAndTheExpectedDimensions()
    {
        GenerativeModel model = GridWorld.CreateModel(3);

        bool ok = GenerativeProcessCompatibility.IsCompatible(model, new TMaze(), out string? problem);

        Assert.False(ok);
        Assert.NotNull(problem);
        Assert.Contains("does not fit the tmaze environment", problem, StringComparison.Ordinal);
        Assert.Contains("1 observation modalities, the environment 3", problem, StringComparison.Ordinal);
        Assert.Contains("1 hidden-state factors, the environment 2", problem, StringComparison.Ordinal);
        Assert.Contains("num_obs [4, 3, 2], num_states [4, 2] and num_controls [4, 1]", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void IsCompatible_SameCountsOtherSizes_NamesTheDifferingKey()
    {
        GenerativeModel model = GridWorld.CreateModel(4);

        bool ok = GenerativeProcessCompatibility.IsCompatible(model, new GridWorld(3), out string? problem);

        Assert.False(ok);
        Assert.Contains("num_obs (outcomes per modality) is [16] in the model but [9] in the environment", problem, StringComparison.Ordinal);
        Assert.Contains("num_states (states per factor) is [16] in the model but [9]", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureCompatible_Mismatch_ThrowsIncompatibleModelException()
    {
        var ex = Assert.Throws<IncompatibleModelException>(
            () => GenerativeProcessCompatibility.EnsureCompatible(TMaze.CreateModel(), new GridWorld(3)));

        Assert.Contains("grid environment", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsCompatible_NullModel_ThrowsArgumentNull()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => GenerativeProcessCompatibility.IsCompatible(null!, new TMaze(), out _));

        Assert.Equal("model", ex.ParamName);
    }
}
