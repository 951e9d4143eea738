using Actinf.Core.Control;
using Actinf.Core.Tensors;

namespace Actinf.Core.Tests.Control;

public class PolicyTreeTests
{
    /// <summary>Control counts per factor and policy lengths; c = Π controls actions per step.</summary>
    public static TheoryData<int[], int> AllCombinationCases()
    {
        var rows = new TheoryData<int[], int>();
        int[][] controls = [[1], [2], [3], [5], [2, 2], [1, 3], [2, 1, 2], [3, 3, 1]];
        foreach (int[] nc in controls)
        {
            for (int t = 1; t <= 3; t++)
            {
                rows.Add(nc, t);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(AllCombinationCases))]
    public void NodeCount_AllCombinations_IsGeometricSum(int[] numControls, int length)
    {
        var tree = new PolicyTree(PolicySet.AllCombinations(numControls, length));

        int c = numControls.Aggregate(1, (a, b) => a * b);
        int expected = 0;
        int power = 1;
        for (int t = 1; t <= length; t++)
        {
            power *= c;
            expected += power;
        }

        Assert.Equal(expected, tree.NodeCount);
    }

    [Fact]
    public void NodeCount_FiveActionsThreeSteps_Is155InsteadOf375()
    {
        var tree = new PolicyTree(PolicySet.AllCombinations([5], 3));

        Assert.Equal(155, tree.NodeCount);
        Assert.Equal(375, tree.Policies.Count * tree.Policies.Length);
    }

    [Theory]
    [MemberData(nameof(AllCombinationCases))]
    public void Path_PoliciesWithSamePrefix_ShareExactlyThoseNodes(int[] numControls, int length)
    {
        PolicySet policies = PolicySet.AllCombinations(numControls, length);
        var tree = new PolicyTree(policies);

        for (int p = 0; p < policies.Count; p++)
        {
            for (int q = 0; q < policies.Count; q++)
            {
                bool samePrefix = true;
                for (int t = 0; t < length; t++)
                {
                    samePrefix &= policies.Actions(p, t).SequenceEqual(policies.Actions(q, t));
                    bool sameNode = tree.Path[(p * length) + t] == tree.Path[(q * length) + t];
                    Assert.Equal(samePrefix, sameNode);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllCombinationCases))]
    public void Nodes_AllCombinations_ParentsFirstAndActionsOfTheirPolicies(int[] numControls, int length)
    {
        PolicySet policies = PolicySet.AllCombinations(numControls, length);
        var tree = new PolicyTree(policies);

        for (int n = 0; n < tree.NodeCount; n++)
        {
            int parent = tree.Parent[n];
            Assert.True(parent < n, $"node {n} has parent {parent}");
            Assert.Equal(parent < 0 ? 0 : tree.NodeStep[parent] + 1, tree.NodeStep[n]);
            int p = tree.NodePolicy[n];
            int t = tree.NodeStep[n];
            Assert.Equal(n, tree.Path[(p * length) + t]);
            Assert.Equal(policies.Actions(p, t).ToArray(), tree.NodeActions(n).ToArray());
        }

        for (int p = 0; p < policies.Count; p++)
        {
            for (int t = 1; t < length; t++)
            {
                Assert.Equal(tree.Path[(p * length) + t - 1], tree.Parent[tree.Path[(p * length) + t]]);
            }
        }
    }

    [Fact]
    public void NodeCount_ExplicitPolicies_OneNodePerDistinctPrefix()
    {
        // One factor, T = 2: [0, 1], [0, 2], [1, 1] → first steps {0, 1}, prefixes {01, 02, 11}: 5 nodes.
        var policies = new PolicySet(3, 2, 1, [0, 1, 0, 2, 1, 1]);

        var tree = new PolicyTree(policies);

        Assert.Equal(5, tree.NodeCount);
        Assert.Equal(tree.Path[0], tree.Path[2]);
        Assert.NotEqual(tree.Path[0], tree.Path[4]);
        Assert.Equal([-1, -1, 0, 0, 1], tree.Parent);
    }

    [Fact]
    public void NodeCount_DuplicatePolicies_ShareTheWholePath()
    {
        var policies = new PolicySet(2, 3, 2, [1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1]);

        var tree = new PolicyTree(policies);

        Assert.Equal(3, tree.NodeCount);
        Assert.Equal(tree.Path.AsSpan(0, 3).ToArray(), tree.Path.AsSpan(3, 3).ToArray());
    }

    [Fact]
    public void NodeCount_SameActionAfterDifferentPrefixes_DistinctNodes()
    {
        // The second step's action is 0 in both, but after different first steps: the predicted states differ.
        var policies = new PolicySet(2, 2, 1, [0, 0, 1, 0]);

        var tree = new PolicyTree(policies);

        Assert.Equal(4, tree.NodeCount);
        Assert.NotEqual(tree.Path[1], tree.Path[3]);
    }

    [Fact]
    public void NodeCount_MultiFactorExplicitList_CountsDistinctJointActions()
    {
        // Two factors, T = 1: joint actions (0,1), (0,1) again, (1,0): 2 nodes; both (0,1) policies share one.
        var policies = new PolicySet(3, 1, 2, [0, 1, 0, 1, 1, 0]);

        var tree = new PolicyTree(policies);

        Assert.Equal(2, tree.NodeCount);
        Assert.Equal([0, 0, 1], tree.Path);
    }
}
