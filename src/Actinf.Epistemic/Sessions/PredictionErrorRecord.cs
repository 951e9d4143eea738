namespace Actinf.Epistemic.Sessions;

/// <summary>
/// One precision-weighted prediction error as the buffer keeps it (scalars only; the observation history
/// keeps the vectors, which bounds the session's memory).
/// </summary>
/// <param name="Timestamp">When the observation arrived.</param>
/// <param name="Domain">Its domain.</param>
/// <param name="Surprise">Normalised surprise S in [0, 1) of the innovation.</param>
/// <param name="MeanAbsoluteError">Mean |o_i - mu_0,i| after the update (the residual, model units).</param>
/// <param name="LayerErrors">½ pi_l ||eps_l||² / d_l per layer after the update.</param>
public sealed record PredictionErrorRecord(DateTimeOffset Timestamp, string Domain, float Surprise, float MeanAbsoluteError, IReadOnlyList<float> LayerErrors);
