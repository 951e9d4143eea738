using Actinf.Epistemic.Actions;

namespace Actinf.Epistemic.Learning;

/// <summary>The decayed feedback evidence of one action type in one domain.</summary>
/// <param name="ActionType">The action type.</param>
/// <param name="Domain">The domain ("" for none).</param>
/// <param name="Helpful">Decayed count of helpful ratings at <paramref name="UpdatedAt"/>.</param>
/// <param name="Unhelpful">Decayed count of unhelpful ratings at <paramref name="UpdatedAt"/>.</param>
/// <param name="UpdatedAt">When the counts were last decayed and updated.</param>
public readonly record struct RevealStatistics(EpistemicActionType ActionType, string Domain, double Helpful, double Unhelpful, DateTimeOffset UpdatedAt);
