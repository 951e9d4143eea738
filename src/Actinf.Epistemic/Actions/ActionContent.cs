namespace Actinf.Epistemic.Actions;

/// <summary>
/// Words an epistemic action from its gap and the recent context: the gap's keywords (most salient first),
/// the latest text in the domain, and the domain name. Every sentence is complete; nothing is left as a
/// placeholder.
/// </summary>
public static class ActionContent
{
    /// <summary>Composes the question or proposal for an action.</summary>
    /// <param name="type">The action type.</param>
    /// <param name="gap">The gap (domain, keywords).</param>
    /// <param name="latestText">The most recent text in the gap's domain ("" if none).</param>
    /// <param name="relatedDomain">Another domain seen in the session, for exploration ("" if none).</param>
    /// <returns>The content.</returns>
    public static string Compose(EpistemicActionType type, KnowledgeGap gap, string latestText, string relatedDomain)
    {
        ArgumentNullException.ThrowIfNull(gap);
        ArgumentNullException.ThrowIfNull(latestText);
        ArgumentNullException.ThrowIfNull(relatedDomain);
        string domain = gap.Domain.Length > 0 ? gap.Domain : "this topic";
        string inDomain = gap.Domain.Length > 0 ? $" in {gap.Domain}" : string.Empty;
        IReadOnlyList<string> k = gap.Keywords;
        string first = k.Count > 0 ? k[0] : domain;
        string second = k.Count > 1 ? k[1] : (gap.Domain.Length > 0 && first != gap.Domain ? gap.Domain : "the surrounding context");
        string third = k.Count > 2 ? k[2] : second;
        string excerpt = ContextKeywords.Excerpt(latestText, 90);
        return type switch
        {
            EpistemicActionType.SeekClarification => excerpt.Length > 0
                ? $"When you wrote \"{excerpt}\", what exactly do you mean by \"{first}\"? Is it about {second}, or something else{inDomain}?"
                : $"What exactly do you mean by \"{first}\"{inDomain}? Is it about {second}, or something else?",
            EpistemicActionType.RequestExample =>
                $"Could you give a concrete example of {first}{inDomain}, ideally one where {second} plays a part?",
            EpistemicActionType.ProposeHypothesis =>
                $"My working hypothesis is that {first} depends on {second}{inDomain}. Does that match what you have seen, or is the link the other way around?",
            EpistemicActionType.SuggestExperiment =>
                $"To test how {first} relates to {second}, we could compare a case with {third} and one without it, and check whether {first} changes. Would you like to try that?",
            EpistemicActionType.ExploreRelated => relatedDomain.Length > 0 && relatedDomain != gap.Domain
                ? $"Should we look at how {first} connects to {relatedDomain}, since that may explain what is still unclear about {second}?"
                : $"Should we look at ideas related to {first}, such as {second} and {third}, to fill in the picture{inDomain}?",
            EpistemicActionType.ConfirmUnderstanding => excerpt.Length > 0
                ? $"Let me check my understanding: you are asking about {first} and {second}{inDomain}, starting from \"{excerpt}\". Is that right?"
                : $"Let me check my understanding: the question is about {first} and {second}{inDomain}. Is that right?",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown action type."),
        };
    }
}
