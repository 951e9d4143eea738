namespace Actinf.Epistemic.Actions;

/// <summary>An identified knowledge gap (seed 004 KnowledgeGap).</summary>
/// <param name="Id">Identifier, unique within the session (e.g. "gap-3-physics").</param>
/// <param name="Description">A sentence saying what is uncertain and why.</param>
/// <param name="Domain">The domain of the gap ("" when unknown).</param>
/// <param name="Severity">How uncertain or surprising, in [0, 1].</param>
/// <param name="Reasons">Why it was identified.</param>
/// <param name="Keywords">Salient terms of the recent context in the domain (most salient first).</param>
/// <param name="Dimensions">The belief dimensions the gap covers (indices into the embedding space).</param>
public sealed record KnowledgeGap(
    string Id,
    string Description,
    string Domain,
    float Severity,
    KnowledgeGapReasons Reasons,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<int> Dimensions);
