using Actinf.Epistemic.State;

namespace Actinf.Server.Stores;

/// <summary>One stored part of the engine-level learned state.</summary>
/// <param name="Part">Which part: <see cref="EngineStateParts.ModelWeights"/> or <see cref="EngineStateParts.FeedbackStatistics"/>.</param>
/// <param name="UpdatedAt">When it was saved (UTC).</param>
/// <param name="State">The engine's export of that part (<c>ActiveInferenceEngine.ExportStateJson(Part)</c>, versioned JSON).</param>
public sealed record EngineStateRecord(EngineStateParts Part, DateTimeOffset UpdatedAt, string State);
