using System.Text.Json;
using Actinf.Core.Io;
using Actinf.Core.Tensors;
using Actinf.Core.Tests.Io;

namespace Actinf.Core.Tests.Tensors;

public class PolicySetTests
{
    [Fact]
    public void AllCombinations_TwoFactorsTwoSteps_MatchesPymdpOrder()
    {
        // itertools.product(range(2), range(3), range(2), range(3)), each tuple read as
        // [t0 f0, t0 f1, t1 f0, t1 f1]: the last (t, f) position varies fastest.
        int[][] expected =
        [
            [0, 0, 0, 0], [0, 0, 0, 1], [0, 0, 0, 2], [0, 0, 1, 0], [0, 0, 1, 1], [0, 0, 1, 2],
            [0, 1, 0, 0], [0, 1, 0, 1], [0, 1, 0, 2], [0, 1, 1, 0], [0, 1, 1, 1], [0, 1, 1, 2],
            [0, 2, 0, 0], [0, 2, 0, 1], [0, 2, 0, 2], [0, 2, 1, 0], [0, 2, 1, 1], [0, 2, 1, 2],
            [1, 0, 0, 0], [1, 0, 0, 1], [1, 0, 0, 2], [1, 0, 1, 0], [1, 0, 1, 1], [1, 0, 1, 2],
            [1, 1, 0, 0], [1, 1, 0, 1], [1, 1, 0, 2], [1, 1, 1, 0], [1, 1, 1, 1], [1, 1, 1, 2],
            [1, 2, 0, 0], [1, 2, 0, 1], [1, 2, 0, 2], [1, 2, 1, 0], [1, 2, 1, 1], [1, 2, 1, 2],
        ];

        PolicySet policies = PolicySet.AllCombinations([2, 3], 2);

        Assert.Equal((36, 2, 2), (policies.Count, policies.Length, policies.Factors));
        for (int p = 0; p < expected.Length; p++)
        {
            int[] actual = [policies[p, 0, 0], policies[p, 0, 1], policies[p, 1, 0], policies[p, 1, 1]];
            Assert.Equal(expected[p], actual);
        }
    }

    [Fact]
    public void AllCombinations_TwoFactorsOneStep_LastFactorFastest()
    {
        PolicySet policies = PolicySet.AllCombinations([2, 3], 1);

        Assert.Equal([0, 0, 0, 1, 0, 2, 1, 0, 1, 1, 1, 2], policies.Span.ToArray());
    }

    [Fact]
    public void AllCombinations_PymdpConstructPoliciesFixture_Equal()
    {
        using JsonDocument fixture = JsonDocument.Parse(File.ReadAllBytes(ModelFiles.Path("conformance/pymdp/component_control.json")));
        int cases = 0;
        foreach (JsonElement c in fixture.RootElement.GetProperty("cases").EnumerateArray())
        {
            if (c.GetProperty("fn").GetString() != "construct_policies")
            {
                continue;
            }

            JsonElement inputs = c.GetProperty("inputs");
            int[] numControls = [.. inputs.GetProperty("num_controls").EnumerateArray().Select(e => e.GetInt32())];
            (int[] shape, int[] data) = TensorJson.ReadInt(c.GetProperty("outputs").GetProperty("policies"), "policies");

            PolicySet policies = PolicySet.AllCombinations(numControls, inputs.GetProperty("policy_len").GetInt32());

            Assert.Equal(shape, new[] { policies.Count, policies.Length, policies.Factors });
            Assert.Equal(data, policies.Span.ToArray());
            cases++;
        }

        Assert.True(cases >= 2, $"expected construct_policies cases in the fixture, found {cases}");
    }

    [Fact]
    public void AllCombinations_UncontrolledFactor_AlwaysZero()
    {
        PolicySet policies = PolicySet.AllCombinations([1, 3], 2);

        Assert.Equal(9, policies.Count);
        for (int p = 0; p < policies.Count; p++)
        {
            Assert.Equal(0, policies[p, 0, 0]);
            Assert.Equal(0, policies[p, 1, 0]);
        }
    }

    [Fact]
    public void AllCombinations_TooManyPolicies_ThrowsNamingLength()
    {
        var ex = Assert.Throws<ArgumentException>(() => PolicySet.AllCombinations([10, 10], 4));

        Assert.Equal("length", ex.ParamName);
    }

    [Fact]
    public void AllCombinations_ZeroControls_ThrowsNamingNumControls()
    {
        var ex = Assert.Throws<ArgumentException>(() => PolicySet.AllCombinations([2, 0], 1));

        Assert.Equal("numControls", ex.ParamName);
    }

    [Fact]
    public void Constructor_NegativeEntry_ThrowsNamingActions()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PolicySet(2, 1, 1, [0, -1]));

        Assert.Equal("actions", ex.ParamName);
    }

    [Fact]
    public void Constructor_WrongLength_ThrowsNamingActions()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PolicySet(2, 2, 1, [0, 1, 0]));

        Assert.Equal("actions", ex.ParamName);
    }

    [Fact]
    public void Actions_PolicyAndStep_ReturnsFactorRow()
    {
        var policies = new PolicySet(2, 2, 2, [0, 1, 2, 3, 4, 5, 6, 7]);

        Assert.Equal([6, 7], policies.Actions(1, 1).ToArray());
        Assert.Equal(5, policies[1, 0, 1]);
    }
}
