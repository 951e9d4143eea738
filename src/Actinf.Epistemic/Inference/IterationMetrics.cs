namespace Actinf.Epistemic.Inference;

/// <summary>Metrics of one belief-update iteration (seed 004 IterationMetrics).</summary>
/// <param name="Iteration">0-based iteration number.</param>
/// <param name="FreeEnergy">Variational free energy F after the iteration (nats).</param>
/// <param name="KlDelta">KL[q_k || q_(k-1)] over all layers between successive iterates (nats), the convergence measure.</param>
/// <param name="UpdateMagnitude">L2 norm of the step taken over all layers (model units).</param>
/// <param name="Elapsed">Time spent in the iteration.</param>
public readonly record struct IterationMetrics(int Iteration, float FreeEnergy, float KlDelta, float UpdateMagnitude, TimeSpan Elapsed);
