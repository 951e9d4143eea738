using Actinf.Epistemic.Actions;

namespace Actinf.Epistemic.Planning;

/// <summary>One step a plan can take: an epistemic action on a knowledge gap, or the pragmatic answer.</summary>
/// <param name="IsRespond">True for the pragmatic step "answer from the current beliefs" (ends a plan).</param>
/// <param name="ActionType">The epistemic action type (ignored when <paramref name="IsRespond"/>).</param>
/// <param name="Gap">Index of the gap in the <see cref="PlanningProblem"/> (-1 for the answer).</param>
/// <param name="RevealPrecision">Precision p_a with which the action reveals each of the gap's dimensions (0 for the answer).</param>
/// <param name="LogPrior">Log prior weight of the step (from the Johari quadrant; 0 for the answer).</param>
public readonly record struct PolicyCandidate(bool IsRespond, EpistemicActionType ActionType, int Gap, float RevealPrecision, float LogPrior);
