using Actinf.Epistemic.Actions;

namespace Actinf.Epistemic.Sessions;

/// <summary>An action given to the client, remembered so that feedback can be attributed.</summary>
/// <param name="Id">The action id.</param>
/// <param name="ActionType">Its type.</param>
/// <param name="Domain">Its domain.</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="Rated">Whether feedback was already recorded (each action counts once).</param>
public sealed record IssuedAction(string Id, EpistemicActionType ActionType, string Domain, DateTimeOffset IssuedAt, bool Rated);
