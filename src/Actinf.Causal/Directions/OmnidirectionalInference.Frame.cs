using Actinf.Causal.Inference;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Directions;

public sealed partial class OmnidirectionalInference
{
    /// <summary>
    /// Where every variable sits relative to a query's clamped variables: clamped or not, skeleton distance
    /// to the nearest clamp, proper descendant (effect) or proper ancestor (cause) of some clamp.
    /// </summary>
    private sealed class Frame
    {
        public Frame(BayesianNetwork network, Clamps clamps)
        {
            int n = network.Count;
            IsClamped = new bool[n];
            var clamped = new List<int>();
            foreach (string name in clamps.Variables)
            {
                int v = network[name].Index;
                IsClamped[v] = true;
                clamped.Add(v);
            }

            clamped.Sort();
            Clamped = [.. clamped];
            Distance = network.Graph.SkeletonDistances(Clamped);

            // Proper descendants: everything below the clamps' children; proper ancestors: above their parents.
            var below = new List<int>();
            var above = new List<int>();
            foreach (int c in Clamped)
            {
                below.AddRange(network.Graph.ChildrenOf(c));
                above.AddRange(network.Graph.ParentsOf(c));
            }

            IsEffect = new bool[n];
            IsCause = new bool[n];
            network.Graph.MarkDescendants([.. below], IsEffect);
            network.Graph.MarkAncestors([.. above], IsCause);
        }

        /// <summary>Clamped variable indices, ascending.</summary>
        public int[] Clamped { get; }

        public bool[] IsClamped { get; }

        /// <summary>Skeleton distance to the nearest clamped variable; -1 when unreachable (or nothing is clamped).</summary>
        public int[] Distance { get; }

        public bool[] IsEffect { get; }

        public bool[] IsCause { get; }

        /// <summary>
        /// Unclamped variables within <paramref name="maxDepth"/> that are effects and/or causes as asked,
        /// nearest first, ties by index.
        /// </summary>
        public int[] DefaultReach(int maxDepth, bool effects, bool causes)
        {
            var reached = new List<int>();
            for (int v = 0; v < IsClamped.Length; v++)
            {
                if (!IsClamped[v] && Within(v, maxDepth) && ((effects && IsEffect[v]) || (causes && IsCause[v])))
                {
                    reached.Add(v);
                }
            }

            return SortByDistance(reached);
        }

        public bool Within(int v, int maxDepth) => Distance[v] >= 0 && Distance[v] <= maxDepth;

        public int[] SortByDistance(List<int> variables)
        {
            int[] sorted = [.. variables];
            int[] distance = Distance;
            Array.Sort(sorted, (a, b) =>
            {
                int c = distance[a].CompareTo(distance[b]);
                return c != 0 ? c : a.CompareTo(b);
            });
            return sorted;
        }
    }
}
