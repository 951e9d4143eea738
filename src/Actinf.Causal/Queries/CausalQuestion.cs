using System.Globalization;
using Actinf.Causal.Directions;
using Actinf.Causal.Inference;

namespace Actinf.Causal.Queries;

/// <summary>
/// What a causal query asks, checked for parts that do not combine: the posteriors of some targets, a directional
/// question (forward, backward, bidirectional, bridge), or an explanation (abduction: the most probable explanation,
/// or marginal MAP over chosen variables). The one set of rules of <c>actinf causal query</c> and of the MCP tool
/// <c>causal_query</c>, worded in each one's <see cref="QueryTerms"/>.
/// </summary>
public sealed class CausalQuestion
{
    private CausalQuestion(string[] targets, string[] mapVariables, InferenceDirection? direction, int maxDepth)
    {
        Targets = targets;
        MapVariables = mapVariables;
        Direction = direction;
        MaxDepth = maxDepth;
    }

    /// <summary>The target variables (empty: every variable not observed or intervened on, for posteriors).</summary>
    public IReadOnlyList<string> Targets { get; }

    /// <summary>The marginal MAP variables (empty unless a MAP question).</summary>
    public IReadOnlyList<string> MapVariables { get; }

    /// <summary>The direction of a directional question (null for posteriors; <see cref="InferenceDirection.Abduction"/> for an explanation).</summary>
    public InferenceDirection? Direction { get; }

    /// <summary>True when the question asks for an explanation (MPE or MAP).</summary>
    public bool IsAbduction => Direction == InferenceDirection.Abduction;

    /// <summary>Edges from the clamps within which a directional answer or explanation reports variables; <see cref="int.MaxValue"/> when unbounded.</summary>
    public int MaxDepth { get; }

    /// <summary>Checks that the parts of a question combine.</summary>
    /// <param name="targets">Checked target names (see <see cref="CheckedClamps.Variables"/>).</param>
    /// <param name="mpe">Ask for the most probable explanation.</param>
    /// <param name="mapVariables">Checked marginal MAP variables (empty for none).</param>
    /// <param name="direction">"forward", "backward", "bidirectional", "bridge", "abduction", or null / "" / "none" for posteriors.</param>
    /// <param name="maxDepth">Depth bound of a directional answer (null: unbounded).</param>
    /// <param name="terms">How the caller names these parts, for the messages.</param>
    /// <returns>The question.</returns>
    /// <exception cref="CausalQueryException">An unknown direction, a negative depth, or parts that do not combine.</exception>
    public static CausalQuestion Create(IReadOnlyList<string> targets, bool mpe, IReadOnlyList<string> mapVariables, string? direction, int? maxDepth, QueryTerms terms)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(mapVariables);
        ArgumentNullException.ThrowIfNull(terms);
        InferenceDirection? dir = direction is null or "" or "none" ? null
            : InferenceDirectionNames.TryParse(direction, out InferenceDirection parsed) ? parsed
            : throw new CausalQueryException($"{terms.Direction} is '{direction}'; expected none, {InferenceDirectionNames.Expected}.");
        if (maxDepth is < 0)
        {
            throw new CausalQueryException(string.Create(CultureInfo.InvariantCulture, $"{terms.MaxDepth} is {maxDepth}; a depth is a number of edges, 0 or more."));
        }

        bool abduction = mpe || mapVariables.Count > 0 || dir == InferenceDirection.Abduction;
        if (mpe && mapVariables.Count > 0)
        {
            throw new CausalQueryException($"{terms.Mpe} and {terms.Map} ask different questions (every unobserved variable vs. a subset with the rest summed out); give one.");
        }

        if (abduction && dir is not null and not InferenceDirection.Abduction)
        {
            throw new CausalQueryException($"{(mpe ? terms.Mpe : terms.Map)} asks for an explanation (abduction); it does not combine with {terms.Direction} {direction}.");
        }

        if (abduction && targets.Count > 0)
        {
            throw new CausalQueryException($"{terms.Targets} does not apply to an explanation (it assigns states jointly); use {terms.Map} to choose the variables.");
        }

        if (dir == InferenceDirection.Bridge && targets.Count == 0)
        {
            throw new CausalQueryException($"{terms.Direction} bridge needs the target group: give {terms.Targets}.");
        }

        if (maxDepth is not null && dir is null && !abduction)
        {
            throw new CausalQueryException($"{terms.MaxDepth} bounds what a directional question reports; give {terms.Direction} (or {terms.Mpe} / {terms.Map}).");
        }

        return new CausalQuestion([.. targets], [.. mapVariables], abduction ? InferenceDirection.Abduction : dir, maxDepth ?? int.MaxValue);
    }

    /// <summary>Answers the question under <paramref name="clamps"/>, exactly.</summary>
    /// <param name="engine">Inference on the network the names were checked against.</param>
    /// <param name="clamps">The clamps (see <see cref="CheckedClamps"/>).</param>
    /// <returns>Posteriors, or a directional result (an <see cref="AbductionResult"/> for an explanation).</returns>
    /// <exception cref="ImpossibleEvidenceException">The clamps have probability 0.</exception>
    public CausalQueryAnswer Answer(ExactInference engine, Clamps clamps)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(clamps);
        if (IsAbduction)
        {
            return new CausalQueryAnswer(null, new OmnidirectionalInference(engine).Abduction(clamps, MapVariables.Count > 0 ? [.. MapVariables] : null, MaxDepth));
        }

        if (Direction is InferenceDirection d)
        {
            return new CausalQueryAnswer(null, new OmnidirectionalInference(engine).Infer(d, clamps, Targets.Count > 0 ? [.. Targets] : null, MaxDepth));
        }

        string[] targets = Targets.Count > 0
            ? [.. Targets]
            : [.. engine.Network.Variables.Where(v => clamps.TypeOf(v.Name) != ClampType.Hard).Select(v => v.Name)];
        return new CausalQueryAnswer(engine.Query(targets, clamps), null);
    }
}
