namespace Actinf.Epistemic.Sessions;

/// <summary>A goal: a preferred state in embedding space with a weight (seed 004 GoalPreferences).</summary>
/// <param name="Embedding">The preferred state in model units (length d_0).</param>
/// <param name="Weight">Preference strength &gt; 0 (weights are normalised to sum 1 when used).</param>
/// <param name="Description">What the goal is, in words.</param>
public sealed record GoalPreference(ReadOnlyMemory<float> Embedding, float Weight, string Description);
