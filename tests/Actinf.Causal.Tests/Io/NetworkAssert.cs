using Actinf.Causal.Networks;

namespace Actinf.Causal.Tests.Io;

/// <summary>Compares two networks variable by variable (by name, so the declaration order may differ).</summary>
internal static class NetworkAssert
{
    public static void Equivalent(BayesianNetwork expected, BayesianNetwork actual, double tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Graph.EdgeCount, actual.Graph.EdgeCount);
        foreach (Variable x in expected.Variables)
        {
            Assert.True(actual.TryGetVariable(x.Name, out Variable y), $"variable '{x.Name}' is missing");
            Assert.Equal(x.States, y.States);
            Assert.Equal(ParentNames(expected, x), ParentNames(actual, y));
            ReadOnlySpan<double> a = expected.CptOf(x.Index);
            ReadOnlySpan<double> b = actual.CptOf(y.Index);
            Assert.Equal(a.Length, b.Length);
            for (int i = 0; i < a.Length; i++)
            {
                Assert.True(Math.Abs(a[i] - b[i]) <= tolerance, $"CPT of '{x.Name}' differs at entry {i}: {a[i]:R} vs {b[i]:R}");
            }
        }
    }

    private static string[] ParentNames(BayesianNetwork network, Variable variable)
    {
        ReadOnlySpan<int> parents = network.ParentsOf(variable.Index);
        var names = new string[parents.Length];
        for (int k = 0; k < parents.Length; k++)
        {
            names[k] = network[parents[k]].Name;
        }

        return names;
    }
}
