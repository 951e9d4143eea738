using Actinf.Causal.Graphs;
using Actinf.Causal.Inference;

namespace Actinf.Causal.Directions;

public sealed partial class OmnidirectionalInference
{
    /// <summary>
    /// Bridge inference: the posteriors of a target group given an evidence group (the clamped variables),
    /// whether each target is d-connected to the evidence group, and the connecting nodes (unclamped
    /// variables strictly inside shortest skeleton paths between the groups) with their posteriors.
    /// </summary>
    /// <param name="evidenceGroup">The clamps; their variables form the evidence group (at least one).</param>
    /// <param name="targetGroup">The target variables (at least one; none of them clamped). Always answered.</param>
    /// <param name="maxDepth">Largest skeleton distance from the evidence group of a reported connecting node.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is negative.</exception>
    /// <exception cref="ArgumentException">No clamps, no targets, the groups overlap, or an unknown or repeated variable or state.</exception>
    /// <exception cref="ImpossibleEvidenceException">The clamps have probability 0.</exception>
    public BridgeResult Bridge(Clamps evidenceGroup, IReadOnlyList<string> targetGroup, int maxDepth = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(targetGroup);
        Frame frame = Prepare(evidenceGroup, maxDepth, InferenceDirection.Bridge, nameof(evidenceGroup));
        int[] targets = ResolveVariables(targetGroup, nameof(targetGroup));
        if (targets.Length == 0)
        {
            throw new ArgumentException("a Bridge query needs at least one target variable.", nameof(targetGroup));
        }

        int n = Network.Count;
        var isTarget = new bool[n];
        foreach (int t in targets)
        {
            if (frame.IsClamped[t])
            {
                throw new ArgumentException(
                    $"'{Network[t].Name}' is both clamped (evidence group) and a target; the groups of a bridge query must not overlap.",
                    nameof(targetGroup));
            }

            isTarget[t] = true;
        }

        bool[] connected = DConnectedToClamps(frame, evidenceGroup);
        var isConnecting = new bool[n];
        var through = new string[targets.Length][];
        for (int i = 0; i < targets.Length; i++)
        {
            int t = targets[i];
            int length = frame.Distance[t];
            var onPath = new List<int>();
            if (length >= 2)
            {
                // v lies on a shortest path evidence ~ t iff d(E, v) + d(v, t) = d(E, t).
                int[] fromTarget = Network.Graph.SkeletonDistances([t]);
                for (int v = 0; v < n; v++)
                {
                    if (!frame.IsClamped[v] && !isTarget[v] && frame.Within(v, maxDepth) && fromTarget[v] >= 1
                        && frame.Distance[v] + fromTarget[v] == length)
                    {
                        onPath.Add(v);
                        isConnecting[v] = true;
                    }
                }
            }

            through[i] = Names(frame.SortByDistance(onPath));
        }

        var connecting = new List<int>();
        for (int v = 0; v < n; v++)
        {
            if (isConnecting[v])
            {
                connecting.Add(v);
            }
        }

        int[] connectingSorted = frame.SortByDistance(connecting);
        int[] reported = [.. targets, .. connectingSorted];
        VariableBelief[] beliefs = Beliefs(frame, reported, evidenceGroup, out double logZ);
        var bridgeTargets = new BridgeTarget[targets.Length];
        for (int i = 0; i < targets.Length; i++)
        {
            bridgeTargets[i] = new BridgeTarget(beliefs[i], connected[targets[i]], through[i]);
        }

        return new BridgeResult(
            maxDepth,
            logZ,
            beliefs,
            Names(frame.Clamped),
            bridgeTargets,
            beliefs[targets.Length..]);
    }

    /// <summary>
    /// Variables d-connected, with nothing observed, to some clamped variable in the mutilated graph (edges into
    /// hard- and soft-intervened variables cut). A variable outside this set is marginally independent of
    /// every clamp jointly (observed values, the children that virtual evidence stands for, the intervened
    /// values), so its posterior equals its prior.
    /// </summary>
    /// <remarks>
    /// Why "nothing observed": P(T | e) = P(T) for all e iff T is independent of the evidence group E as a
    /// set; d-separation of T from E given the empty set implies that. Conditioning on the rest of E would
    /// answer a different question (whether one clamp adds information given the others).
    /// </remarks>
    private bool[] DConnectedToClamps(Frame frame, Clamps clamps)
    {
        CausalGraph graph = Network.Graph;
        if (clamps.Interventions.Count + clamps.SoftInterventions.Count > 0)
        {
            var cut = new bool[Network.Count];
            foreach (string name in clamps.Interventions.Keys)
            {
                cut[Network[name].Index] = true;
            }

            foreach (string name in clamps.SoftInterventions.Keys)
            {
                cut[Network[name].Index] = true;
            }

            var from = new List<int>();
            var to = new List<int>();
            for (int child = 0; child < Network.Count; child++)
            {
                if (cut[child])
                {
                    continue;
                }

                foreach (int parent in graph.ParentsOf(child))
                {
                    from.Add(parent);
                    to.Add(child);
                }
            }

            graph = CausalGraph.FromEdges(Network.Count, [.. from], [.. to]);
        }

        var none = new bool[Network.Count];
        var connected = new bool[Network.Count];
        foreach (int c in frame.Clamped)
        {
            bool[] reach = graph.DConnectedFrom(c, none, none);
            for (int v = 0; v < reach.Length; v++)
            {
                connected[v] |= reach[v];
            }
        }

        return connected;
    }
}
