using Actinf.Epistemic.Actions;

namespace Actinf.Epistemic.Contracts;

/// <summary>The outcome of a rating.</summary>
/// <param name="Recorded">False when the action had already been rated (each action counts once).</param>
/// <param name="ActionType">The rated action's type.</param>
/// <param name="Domain">Its domain.</param>
/// <param name="RevealPrecision">The type's reveal precision p_a in the domain after the update.</param>
/// <param name="HelpfulRate">Helpful / rated over all ratings, in [0, 1].</param>
public sealed record FeedbackResult(bool Recorded, EpistemicActionType ActionType, string Domain, float RevealPrecision, double HelpfulRate);
