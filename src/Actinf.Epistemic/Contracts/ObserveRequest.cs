using Actinf.Epistemic.Observations;

namespace Actinf.Epistemic.Contracts;

/// <summary>An observation for a session.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Text">Raw content; embedded with the engine's generator when <paramref name="Embedding"/> is null.</param>
/// <param name="Embedding">Optional embedding of length d_0 (any scale; the engine normalises it).</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Domain">Knowledge domain (null or "" when unknown).</param>
/// <param name="Timestamp">Observation time (null: the engine's clock).</param>
public sealed record ObserveRequest(
    Guid SessionId,
    string Text,
    ReadOnlyMemory<float>? Embedding = null,
    ObservationSource Source = ObservationSource.UserQuery,
    string? Domain = null,
    DateTimeOffset? Timestamp = null);
