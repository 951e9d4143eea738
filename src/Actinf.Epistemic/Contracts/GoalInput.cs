namespace Actinf.Epistemic.Contracts;

/// <summary>A goal to set on a session.</summary>
/// <param name="Description">The goal in words (embedded when <paramref name="Embedding"/> is null).</param>
/// <param name="Embedding">Optional preferred state of length d_0.</param>
/// <param name="Weight">Preference strength &gt; 0.</param>
public sealed record GoalInput(string Description, ReadOnlyMemory<float>? Embedding = null, float Weight = 1f);
