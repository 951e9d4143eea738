using Actinf.Causal.Inference;

namespace Actinf.Causal.Directions;

public sealed partial class OmnidirectionalInference
{
    /// <summary>
    /// Abduction, the best explanation of the clamps. With <paramref name="mapVariables"/>: marginal MAP over
    /// that subset (the other variables summed out). Without, and with an unbounded
    /// <paramref name="maxDepth"/>: the MPE, the jointly most probable state of every variable that is not
    /// hard-clamped. Without, and with a bounded <paramref name="maxDepth"/>: marginal MAP over the variables
    /// within that skeleton distance of the clamps that are not hard-clamped (a local explanation).
    /// </summary>
    /// <param name="clamps">The evidence to explain (may be empty for the prior MPE or an explicit MAP).</param>
    /// <param name="mapVariables">The MAP subset (always honoured, whatever its distance); null = MPE or local MAP.</param>
    /// <param name="maxDepth">Bounds the local explanation when <paramref name="mapVariables"/> is null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clamps"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is negative.</exception>
    /// <exception cref="ArgumentException">An unknown, repeated or hard-clamped MAP variable, an empty subset, or a
    /// bounded depth with nothing clamped or nothing free within it.</exception>
    /// <exception cref="ImpossibleEvidenceException">The clamps have probability 0.</exception>
    public AbductionResult Abduction(Clamps clamps, IReadOnlyList<string>? mapVariables = null, int maxDepth = int.MaxValue)
    {
        Frame frame = Prepare(clamps, maxDepth, InferenceDirection.Abduction, nameof(clamps), requireClamps: false);
        if (mapVariables is not null)
        {
            int[] subset = ResolveVariables(mapVariables, nameof(mapVariables));
            if (subset.Length == 0)
            {
                throw new ArgumentException("MAP needs at least one variable; pass null for the most probable explanation.", nameof(mapVariables));
            }

            foreach (int v in subset)
            {
                if (IsHardClamped(clamps, v))
                {
                    throw new ArgumentException($"MAP variable '{Network[v].Name}' is hard-clamped, so there is nothing to explain about it.", nameof(mapVariables));
                }
            }

            string[] names = Names(subset);
            return new AbductionResult(maxDepth, ExplanationKind.MaximumAPosteriori, names, Engine.MaximumAPosteriori(names, clamps));
        }

        if (maxDepth == int.MaxValue)
        {
            var free = new List<int>();
            for (int v = 0; v < Network.Count; v++)
            {
                if (!IsHardClamped(clamps, v))
                {
                    free.Add(v);
                }
            }

            return new AbductionResult(maxDepth, ExplanationKind.MostProbableExplanation, Names([.. free]), Engine.MostProbableExplanation(clamps));
        }

        if (clamps.IsEmpty)
        {
            throw new ArgumentException(
                "a max depth is measured from the clamped variables, and nothing is clamped: leave the depth unbounded for the MPE or name map variables.",
                nameof(maxDepth));
        }

        var local = new List<int>();
        for (int v = 0; v < Network.Count; v++)
        {
            if (!IsHardClamped(clamps, v) && frame.Within(v, maxDepth))
            {
                local.Add(v);
            }
        }

        if (local.Count == 0)
        {
            throw new ArgumentException($"no variable that is not hard-clamped lies within max depth {maxDepth} of the clamps; raise the depth or name map variables.", nameof(maxDepth));
        }

        string[] localNames = Names([.. local]);
        return new AbductionResult(maxDepth, ExplanationKind.MaximumAPosteriori, localNames, Engine.MaximumAPosteriori(localNames, clamps));
    }

    private bool IsHardClamped(Clamps clamps, int v) => clamps.TypeOf(Network[v].Name) == ClampType.Hard;
}
