namespace Actinf.Epistemic.Contracts;

/// <summary>UTL metrics of the response (seed 004 UtlMetricsOutput).</summary>
/// <param name="Entropy">The uncertainty level U in [0, 1] (belief entropy mapped by exp((H - H₀)/d)).</param>
/// <param name="Coherence">Mean over recent observations of max(0, cos(observation, belief mean)), in [0, 1].</param>
/// <param name="LearningScore">Fraction of the uncertainty removed by the last observation, 1 - U_after/U_before, in [0, 1].</param>
public sealed record UtlMetrics(float Entropy, float Coherence, float LearningScore);
