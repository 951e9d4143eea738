namespace Actinf.Epistemic.Contracts;

/// <summary>A created or imported session.</summary>
/// <param name="SessionId">The session id.</param>
/// <param name="CreatedAt">Creation time.</param>
public sealed record SessionInfo(Guid SessionId, DateTimeOffset CreatedAt);
