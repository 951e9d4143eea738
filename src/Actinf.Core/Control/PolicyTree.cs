using Actinf.Core.Tensors;

namespace Actinf.Core.Control;

/// <summary>
/// The policies as a prefix tree: policies that share their first k actions share the first k predicted
/// states, so each distinct prefix is rolled forward (and scored) once.
/// </summary>
/// <remarks>
/// Node n stands for the predicted state after the actions of a prefix; <see cref="Parent"/> is -1 for a
/// first step (its predecessor is the current posterior). Parents come before their children.
/// For P policies of length T the tree has at most P·T nodes; for all combinations of c actions it has
/// c + c² + … + c^T (e.g. 155 instead of 375 for c = 5, T = 3).
/// </remarks>
internal sealed class PolicyTree
{
    /// <param name="policies">The policies.</param>
    /// <param name="sharePrefixes">When false, every policy gets its own chain of nodes (no sharing), to measure what sharing saves.</param>
    public PolicyTree(PolicySet policies, bool sharePrefixes = true)
    {
        int p = policies.Count;
        int t = policies.Length;
        Path = new int[p * t];
        var parent = new List<int>();
        var policyOf = new List<int>();
        var stepOf = new List<int>();
        var index = new Dictionary<(int Parent, string Actions), int>();
        for (int step = 0; step < t; step++)
        {
            for (int pi = 0; pi < p; pi++)
            {
                int par = step == 0 ? -1 : Path[(pi * t) + step - 1];
                string key = string.Join(',', policies.Actions(pi, step).ToArray());
                if (!sharePrefixes)
                {
                    key = pi + ":" + key;
                }

                if (!index.TryGetValue((par, key), out int node))
                {
                    node = parent.Count;
                    index.Add((par, key), node);
                    parent.Add(par);
                    policyOf.Add(pi);
                    stepOf.Add(step);
                }

                Path[(pi * t) + step] = node;
            }
        }

        Parent = [.. parent];
        NodePolicy = [.. policyOf];
        NodeStep = [.. stepOf];
        Policies = policies;
    }

    public PolicySet Policies { get; }

    public int NodeCount => Parent.Length;

    public int[] Parent { get; }

    /// <summary>A policy through the node (its actions at <see cref="NodeStep"/> are the node's action).</summary>
    public int[] NodePolicy { get; }

    /// <summary>Depth of the node: the policy step whose action leads to it.</summary>
    public int[] NodeStep { get; }

    /// <summary>Path[p·T + t] = the node of policy p after step t.</summary>
    public int[] Path { get; }

    public ReadOnlySpan<int> NodeActions(int node) => Policies.Actions(NodePolicy[node], NodeStep[node]);
}
