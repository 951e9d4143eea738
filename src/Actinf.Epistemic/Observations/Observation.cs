namespace Actinf.Epistemic.Observations;

/// <summary>
/// One observation as the session keeps it: the embedding the model saw, the raw text, its source, its
/// domain and its time.
/// </summary>
/// <param name="Embedding">
/// The observation vector in model units: the input embedding divided by its L2 norm and multiplied by
/// sqrt(d), so that its coordinates have mean square 1 (length = the model's layer-0 dimension).
/// </param>
/// <param name="Text">The raw content (used to word actions); may be empty.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Domain">The knowledge domain it belongs to; empty when unknown.</param>
/// <param name="Timestamp">When it was observed (from the engine's <see cref="TimeProvider"/> unless given).</param>
public sealed record Observation(
    ReadOnlyMemory<float> Embedding,
    string Text,
    ObservationSource Source,
    string Domain,
    DateTimeOffset Timestamp);
