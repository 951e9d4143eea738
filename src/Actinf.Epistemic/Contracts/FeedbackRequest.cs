namespace Actinf.Epistemic.Contracts;

/// <summary>A helpful / not-helpful rating of an issued action.</summary>
/// <param name="SessionId">The session the action was issued in.</param>
/// <param name="ActionId">The action id.</param>
/// <param name="Helpful">The rating.</param>
public sealed record FeedbackRequest(Guid SessionId, string ActionId, bool Helpful);
