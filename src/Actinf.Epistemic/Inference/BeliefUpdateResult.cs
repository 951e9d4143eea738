namespace Actinf.Epistemic.Inference;

/// <summary>Summary of one belief update (seed 004 BeliefUpdateResult); per-iteration metrics are in <see cref="BeliefUpdateTrace"/>.</summary>
/// <param name="Converged">KL between successive iterates fell below the threshold.</param>
/// <param name="Iterations">Iterations performed.</param>
/// <param name="InitialFreeEnergy">F at the start (prior means, new observation), nats.</param>
/// <param name="FinalFreeEnergy">F at the end, nats (never above <paramref name="InitialFreeEnergy"/>).</param>
/// <param name="UncertaintyBefore">Uncertainty level before the update, [0, 1].</param>
/// <param name="UncertaintyAfter">Uncertainty level after the update, [0, 1].</param>
/// <param name="EntropyReduction">H[q_before] - H[q_after] on layer 0, nats (negative when uncertainty grew).</param>
/// <param name="Surprise">Normalised surprise S of the observation, [0, 1).</param>
/// <param name="TimedOut">The belief budget ran out: the best iterate so far was kept.</param>
/// <param name="Elapsed">Total time.</param>
public readonly record struct BeliefUpdateResult(
    bool Converged,
    int Iterations,
    float InitialFreeEnergy,
    float FinalFreeEnergy,
    float UncertaintyBefore,
    float UncertaintyAfter,
    float EntropyReduction,
    float Surprise,
    bool TimedOut,
    TimeSpan Elapsed);
