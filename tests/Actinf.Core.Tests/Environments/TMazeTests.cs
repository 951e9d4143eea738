using Actinf.Core.Agents;
using Actinf.Core.Environments;
using Actinf.Core.Io;
using Actinf.Core.Models;
using Actinf.Core.Tensors;

namespace Actinf.Core.Tests.Environments;

public class TMazeTests
{
    private static readonly int[] GoToCue = [(int)TMazeLocation.CueLocation, 0];
    private static readonly int[] GoLeft = [(int)TMazeLocation.LeftArm, 0];
    private static readonly int[] GoRight = [(int)TMazeLocation.RightArm, 0];

    [Theory]
    [InlineData("tmaze.json", 1)]
    [InlineData("tmaze_plen2.json", 2)]
    public void CreateModel_DefaultParameters_EqualsBenchFile(string file, int policyLength)
    {
        GenerativeModel expected = ModelJson.ReadFile(RepositoryFolders.TestDataPath("bench-models", file)).Model;

        GenerativeModel actual = TMaze.CreateModel(policyLength: policyLength);

        AssertTensorsEqual(expected.Likelihood, actual.Likelihood, "A");
        AssertTensorsEqual(expected.Transitions, actual.Transitions, "B");
        AssertTensorsEqual(expected.Preferences, actual.Preferences, "C");
        AssertTensorsEqual(expected.InitialStatePrior, actual.InitialStatePrior, "D");
        AssertPoliciesEqual(expected.Policies, actual.Policies);
        Assert.Null(actual.PolicyPrior);
    }

    [Fact]
    public void CreateModel_CueValidity_SetsCueColumnsAtCueLocationOnly()
    {
        GenerativeModel model = TMaze.CreateModel(cueValidity: 0.8);

        Tensor cue = model.Likelihood[TMaze.CueModality];
        int cueLocation = (int)TMazeLocation.CueLocation;
        Assert.Equal(0.8, cue[(int)TMazeCue.Left, cueLocation, (int)TMazeContext.RewardOnLeft]);
        Assert.Equal(0.2, cue[(int)TMazeCue.Right, cueLocation, (int)TMazeContext.RewardOnLeft], 15);
        Assert.Equal(0.8, cue[(int)TMazeCue.Right, cueLocation, (int)TMazeContext.RewardOnRight]);
        Assert.Equal(0.5, cue[(int)TMazeCue.Left, (int)TMazeLocation.Center, (int)TMazeContext.RewardOnLeft]);
    }

    [Fact]
    public void CreateModel_Preferences_AreTheGivenRewardAndLossValues()
    {
        GenerativeModel model = TMaze.CreateModel(rewardPreference: 4.0, lossPreference: -2.0);

        Assert.Equal([0.0, 4.0, -2.0], model.Preferences[TMaze.RewardModality].ToArray());
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Constructor_RewardProbabilityOutOfRange_Throws(double p)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TMaze(rewardProbability: p));

        Assert.Equal("rewardProbability", ex.ParamName);
    }

    [Fact]
    public void CreateModel_PolicyLengthZero_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => TMaze.CreateModel(policyLength: 0));

        Assert.Equal("policyLength", ex.ParamName);
    }

    [Fact]
    public void Reset_AnySeed_StartsAtCenterWithNoReward()
    {
        var maze = new TMaze(seed: 3);

        for (int i = 0; i < 20; i++)
        {
            int[] o = maze.Reset();

            Assert.Equal((int)TMazeLocation.Center, o[TMaze.LocationModality]);
            Assert.Equal((int)TMazeReward.None, o[TMaze.RewardModality]);
            Assert.Equal(TMazeLocation.Center, maze.Location);
            Assert.Equal([(int)TMazeLocation.Center, (int)maze.Context], maze.State.ToArray());
        }
    }

    [Fact]
    public void Reset_ManyTrials_DrawsBothContextsAboutEvenly()
    {
        var maze = new TMaze(seed: 11);
        int left = 0;
        const int Trials = 2000;

        for (int i = 0; i < Trials; i++)
        {
            maze.Reset();
            left += maze.Context == TMazeContext.RewardOnLeft ? 1 : 0;
        }

        Assert.InRange(left, Trials * 0.45, Trials * 0.55);
    }

    [Theory]
    [InlineData(TMazeLocation.Center)]
    [InlineData(TMazeLocation.LeftArm)]
    [InlineData(TMazeLocation.RightArm)]
    [InlineData(TMazeLocation.CueLocation)]
    public void Step_AnyLocation_MovesThereInOneStepAndKeepsContext(TMazeLocation target)
    {
        var maze = new TMaze(seed: 1);
        maze.Reset(TMazeContext.RewardOnRight);
        maze.Step(GoLeft);

        int[] o = maze.Step([(int)target, 0]);

        Assert.Equal(target, maze.Location);
        Assert.Equal((int)target, o[TMaze.LocationModality]);
        Assert.Equal(TMazeContext.RewardOnRight, maze.Context);
    }

    [Theory]
    [InlineData(TMazeContext.RewardOnLeft, TMazeCue.Left)]
    [InlineData(TMazeContext.RewardOnRight, TMazeCue.Right)]
    public void Step_ToCueLocation_CuePointsToRewardedArm(TMazeContext context, TMazeCue expected)
    {
        var maze = new TMaze(seed: 5);

        for (int i = 0; i < 50; i++)
        {
            maze.Reset(context);
            int[] o = maze.Step(GoToCue);

            Assert.Equal((int)expected, o[TMaze.CueModality]);
            Assert.Equal((int)TMazeReward.None, o[TMaze.RewardModality]);
        }
    }

    [Fact]
    public void Step_ToRewardedArm_RewardsWithRewardProbability()
    {
        var maze = new TMaze(seed: 7, rewardProbability: 0.8);
        int rewards = 0;
        int losses = 0;
        const int Trials = 4000;

        for (int i = 0; i < Trials; i++)
        {
            maze.Reset(TMazeContext.RewardOnLeft);
            var outcome = (TMazeReward)maze.Step(GoLeft)[TMaze.RewardModality];
            rewards += outcome == TMazeReward.Reward ? 1 : 0;
            losses += outcome == TMazeReward.Loss ? 1 : 0;
        }

        Assert.Equal(Trials, rewards + losses);
        Assert.InRange(rewards, Trials * 0.77, Trials * 0.83);
    }

    [Theory]
    [InlineData(TMazeContext.RewardOnLeft, 1, TMazeReward.Reward)]
    [InlineData(TMazeContext.RewardOnLeft, 2, TMazeReward.Loss)]
    [InlineData(TMazeContext.RewardOnRight, 2, TMazeReward.Reward)]
    [InlineData(TMazeContext.RewardOnRight, 1, TMazeReward.Loss)]
    public void Step_CertainRewards_RewardedArmPaysOtherArmLoses(TMazeContext context, int arm, TMazeReward expected)
    {
        var maze = new TMaze(seed: 2, rewardProbability: 1.0);

        for (int i = 0; i < 20; i++)
        {
            maze.Reset(context);

            Assert.Equal((int)expected, maze.Step([arm, 0])[TMaze.RewardModality]);
        }
    }

    [Fact]
    public void Step_SameSeedAndActions_SameObservations()
    {
        int[][] first = Episode(new TMaze(seed: 42));
        int[][] second = Episode(new TMaze(seed: 42));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Step_DifferentSeeds_DifferentObservations()
    {
        int[][] first = Episode(new TMaze(seed: 1));
        int[][] second = Episode(new TMaze(seed: 2));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Step_BeforeReset_ThrowsInvalidOperation()
    {
        var maze = new TMaze();

        Assert.Throws<InvalidOperationException>(() => maze.Step(GoToCue));
    }

    [Theory]
    [InlineData(new[] { 1 })]
    [InlineData(new[] { 4, 0 })]
    [InlineData(new[] { 1, 1 })]
    [InlineData(new[] { -1, 0 })]
    public void Step_InvalidAction_ThrowsArgumentException(int[] action)
    {
        var maze = new TMaze();
        maze.Reset();

        var ex = Assert.Throws<ArgumentException>(() => maze.Step(action));

        Assert.Equal("action", ex.ParamName);
    }

    [Fact]
    public void DescribeObservation_CueLocation_SaysWhereTheCuePoints()
    {
        var maze = new TMaze();

        string text = maze.DescribeObservation([(int)TMazeLocation.CueLocation, (int)TMazeReward.None, (int)TMazeCue.Right]);

        Assert.Equal("at the cue location; no reward; cue points right", text);
    }

    [Fact]
    public void Labels_EveryIndex_AreNonEmpty()
    {
        var maze = new TMaze();

        for (int m = 0; m < maze.NumModalities; m++)
        {
            Assert.NotEmpty(maze.ModalityName(m));
            for (int o = 0; o < maze.NumObservations[m]; o++)
            {
                Assert.NotEmpty(maze.ObservationLabel(m, o));
            }
        }

        for (int f = 0; f < maze.NumFactors; f++)
        {
            Assert.NotEmpty(maze.FactorName(f));
            for (int s = 0; s < maze.NumStates[f]; s++)
            {
                Assert.NotEmpty(maze.StateLabel(f, s));
            }
        }

        Assert.Equal("go to the cue location", maze.DescribeAction(GoToCue));
        Assert.Equal("at the cue location; reward on the right", maze.DescribeState([3, 1]));
    }

    [Fact]
    public void Agent_WithCreateModel_ChecksTheCueThenCollectsTheReward()
    {
        var maze = new TMaze(seed: 9);
        var agent = new Agent(TMaze.CreateModel(policyLength: 2));

        for (int trial = 0; trial < 10; trial++)
        {
            agent.Reset();
            int[] o = maze.Reset();
            int[] first = agent.Step(o).ToArray();
            o = maze.Step(first);
            int[] second = agent.Step(o).ToArray();
            o = maze.Step(second);

            Assert.Equal(GoToCue, first);
            Assert.Equal(maze.Context == TMazeContext.RewardOnLeft ? GoLeft : GoRight, second);
            Assert.NotEqual((int)TMazeReward.None, o[TMaze.RewardModality]);
        }
    }

    private static int[][] Episode(TMaze maze)
    {
        var observations = new List<int[]>();
        for (int trial = 0; trial < 10; trial++)
        {
            observations.Add(maze.Reset());
            observations.Add(maze.Step(GoLeft));
            observations.Add(maze.Step(GoToCue));
            observations.Add(maze.Step(GoRight));
        }

        return [.. observations];
    }

    private static void AssertTensorsEqual(IReadOnlyList<Tensor> expected, IReadOnlyList<Tensor> actual, string name)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].ShapeSpan.SequenceEqual(actual[i].ShapeSpan), $"{name}[{i}]: shape {actual[i].ShapeText}, expected {expected[i].ShapeText}");
            Assert.Equal(expected[i].ToArray(), actual[i].ToArray());
        }
    }

    private static void AssertPoliciesEqual(PolicySet expected, PolicySet actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(expected.Factors, actual.Factors);
        Assert.Equal(expected.Span.ToArray(), actual.Span.ToArray());
    }
}
