using Actinf.Core.Agents;
using Actinf.Core.Environments;
using Actinf.Core.Io;
using Actinf.Core.Models;
using Actinf.Core.Tensors;

namespace Actinf.Core.Tests.Environments;

public class GridWorldTests
{
    // The bench files add U[0, 0.05) to every entry of C to break ties; CreateModel does not.
    private const double BenchPreferenceNoise = 0.05;

    [Theory]
    [InlineData("grid3x3_plen1.json", 3, 1)]
    [InlineData("grid3x3_plen3.json", 3, 3)]
    [InlineData("grid7x7_plen1.json", 7, 1)]
    [InlineData("grid15x15_plen1.json", 15, 1)]
    public void CreateModel_DefaultGoal_EqualsBenchFileUpToPreferenceNoise(string file, int size, int policyLength)
    {
        GenerativeModel expected = ModelJson.ReadFile(RepositoryFolders.TestDataPath("bench-models", file)).Model;

        GenerativeModel actual = GridWorld.CreateModel(size, policyLength: policyLength);

        AssertTensorEqual(expected.Likelihood[0], actual.Likelihood[0]);
        AssertTensorEqual(expected.Transitions[0], actual.Transitions[0]);
        AssertTensorEqual(expected.InitialStatePrior[0], actual.InitialStatePrior[0]);
        Assert.Equal(expected.Policies.Span.ToArray(), actual.Policies.Span.ToArray());
        Assert.Equal(expected.Policies.Length, actual.Policies.Length);
        ReadOnlySpan<double> c = expected.Preferences[0].Span;
        ReadOnlySpan<double> ours = actual.Preferences[0].Span;
        Assert.Equal(c.Length, ours.Length);
        for (int s = 0; s < c.Length; s++)
        {
            Assert.InRange(c[s] - ours[s], 0.0, BenchPreferenceNoise);
        }
    }

    [Theory]
    [InlineData(3, 4)]
    [InlineData(7, 26)]
    [InlineData(15, 118)]
    [InlineData(2, 2)]
    public void DefaultGoalCell_Size_IsTheBenchFilesGoal(int size, int goal)
    {
        Assert.Equal(goal, GridWorld.DefaultGoalCell(size));
    }

    [Fact]
    public void CreateModel_Preferences_FallOffWithManhattanDistance()
    {
        GenerativeModel model = GridWorld.CreateModel(4, goalCell: 5);

        // Goal (1,1); cell 15 is (3,3): distance 4.
        Assert.Equal(0.0, model.Preferences[0][5]);
        Assert.Equal(-0.5, model.Preferences[0][1]);
        Assert.Equal(-2.0, model.Preferences[0][15]);
    }

    [Theory]
    [InlineData(0, GridAction.Up, 0)]
    [InlineData(0, GridAction.Left, 0)]
    [InlineData(0, GridAction.Right, 1)]
    [InlineData(0, GridAction.Down, 3)]
    [InlineData(4, GridAction.Up, 1)]
    [InlineData(4, GridAction.Right, 5)]
    [InlineData(4, GridAction.Down, 7)]
    [InlineData(4, GridAction.Left, 3)]
    [InlineData(4, GridAction.Stay, 4)]
    [InlineData(2, GridAction.Right, 2)]
    [InlineData(8, GridAction.Down, 8)]
    [InlineData(6, GridAction.Left, 6)]
    public void NextCell_ThreeByThree_MovesOrStopsAtWalls(int cell, GridAction action, int expected)
    {
        Assert.Equal(expected, GridWorld.NextCell(3, cell, action));
    }

    [Fact]
    public void Step_Path_FollowsMovesAndObservesTheCell()
    {
        var world = new GridWorld(3);
        Assert.Equal([0], world.Reset());

        Assert.Equal([1], world.Step([(int)GridAction.Right]));
        Assert.Equal([4], world.Step([(int)GridAction.Down]));
        Assert.Equal([4], world.Step([(int)GridAction.Stay]));
        Assert.Equal([3], world.Step([(int)GridAction.Left]));
        Assert.Equal([3], world.Step([(int)GridAction.Left]));
        Assert.Equal(3, world.Cell);
        Assert.Equal([3], world.State.ToArray());
    }

    [Fact]
    public void Reset_StartCell_AlwaysStartsThere()
    {
        var world = new GridWorld(5, startCell: 12);
        world.Reset();
        world.Step([(int)GridAction.Up]);

        Assert.Equal([12], world.Reset());
    }

    [Fact]
    public void Reset_NoStartCell_DrawsStartsReproduciblyFromTheSeed()
    {
        int[] Starts(int seed)
        {
            var world = new GridWorld(4, startCell: null, seed: seed);
            return [.. Enumerable.Range(0, 50).Select(_ => world.Reset()[0])];
        }

        int[] first = Starts(3);

        Assert.Equal(first, Starts(3));
        Assert.NotEqual(first, Starts(4));
        Assert.True(first.Distinct().Count() > 5);
        Assert.All(first, s => Assert.InRange(s, 0, 15));
    }

    [Fact]
    public void Step_BeforeReset_ThrowsInvalidOperation()
    {
        var world = new GridWorld(3);

        Assert.Throws<InvalidOperationException>(() => world.Step([0]));
    }

    [Theory]
    [InlineData(new[] { 5 })]
    [InlineData(new[] { -1 })]
    [InlineData(new[] { 0, 0 })]
    public void Step_InvalidAction_ThrowsArgumentException(int[] action)
    {
        var world = new GridWorld(3);
        world.Reset();

        var ex = Assert.Throws<ArgumentException>(() => world.Step(action));

        Assert.Equal("action", ex.ParamName);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void Constructor_SizeBelowTwo_Throws(int size)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new GridWorld(size));

        Assert.Equal("size", ex.ParamName);
    }

    [Fact]
    public void Constructor_StartOutsideGrid_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new GridWorld(3, startCell: 9));

        Assert.Equal("startCell", ex.ParamName);
    }

    [Fact]
    public void ForModel_BenchFile_InfersSizeAndStartCell()
    {
        GenerativeModel model = ModelJson.ReadFile(RepositoryFolders.TestDataPath("bench-models", "grid7x7_plen1.json")).Model;

        GridWorld world = GridWorld.ForModel(model);

        Assert.Equal(7, world.Size);
        Assert.Equal([0], world.Reset());
        Assert.True(GenerativeProcessCompatibility.IsCompatible(model, world, out _));
    }

    [Fact]
    public void ForModel_TMazeModel_ThrowsIncompatibleModel()
    {
        var ex = Assert.Throws<IncompatibleModelException>(() => GridWorld.ForModel(TMaze.CreateModel()));

        Assert.Contains("not an n x n grid world", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[4, 2]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForModel_NonSquareStateCount_ThrowsIncompatibleModel()
    {
        var model = new GenerativeModel(
            [new Tensor([6, 6], Identity(6))],
            [new Tensor([6, 6, 1], Identity(6))]);

        var ex = Assert.Throws<IncompatibleModelException>(() => GridWorld.ForModel(model));

        Assert.Contains("[6]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Agent_WithCreateModel_ReachesTheGoalAndStays()
    {
        const int Size = 5;
        int goal = GridWorld.DefaultGoalCell(Size);
        var world = new GridWorld(Size);
        var agent = new Agent(GridWorld.CreateModel(Size));

        int[] o = world.Reset();
        for (int t = 0; t < 12; t++)
        {
            o = world.Step(agent.Step(o));
        }

        Assert.Equal(goal, world.Cell);
        Assert.Equal([goal], o);
    }

    [Fact]
    public void Describe_Cell_NamesRowAndColumn()
    {
        var world = new GridWorld(3);

        Assert.Equal("at cell 5 (row 1, column 2)", world.DescribeObservation([5]));
        Assert.Equal("(1,2)", world.StateLabel(0, 5));
        Assert.Equal("(2,0)", world.ObservationLabel(0, 6));
        Assert.Equal("move up", world.DescribeAction([(int)GridAction.Up]));
        Assert.Equal("stay", world.ControlLabel(0, (int)GridAction.Stay));
    }

    private static double[] Identity(int n)
    {
        var data = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            data[(i * n) + i] = 1.0;
        }

        return data;
    }

    private static void AssertTensorEqual(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.ShapeToArray(), actual.ShapeToArray());
        Assert.Equal(expected.ToArray(), actual.ToArray());
    }
}
