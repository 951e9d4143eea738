namespace Actinf.Core.Agents;

public sealed partial class Agent
{
    /// <summary>
    /// State inference on one observation [pymdp infer_states]: fixed-point iteration (FPI) or marginal
    /// message passing over the window (MMP). Keeps the posterior held before the call for
    /// <see cref="UpdateTransitions"/>.
    /// </summary>
    /// <param name="observation">One outcome index per modality (length M).</param>
    /// <exception cref="ArgumentException">Wrong length, or an outcome outside <c>[0, No_m)</c>.</exception>
    public void InferStates(ReadOnlySpan<int> observation)
    {
        _w.CheckObservation(observation);
        _w.InferStates(observation);
    }

    /// <summary>
    /// Policy inference [pymdp infer_policies]: the negative expected free energy G of every policy and
    /// the policy posterior q(pi).
    /// </summary>
    public void InferPolicies() => _w.InferPolicies();

    /// <summary>
    /// Chooses an action from q(pi) [pymdp sample_action], advances t, and (MMP) updates the window prior.
    /// </summary>
    /// <returns>The action, one control state per factor (length F; valid until the next call).</returns>
    /// <exception cref="InvalidOperationException">No policy posterior has been computed yet.</exception>
    public ReadOnlySpan<int> SampleAction() => _w.SampleAction(imposed: default);

    /// <summary>
    /// Takes a given action instead of choosing one: the action marginals and probabilities are computed
    /// as by <see cref="SampleAction"/>, then <paramref name="action"/> is recorded and t advances.
    /// </summary>
    /// <param name="action">One control state per factor (length F).</param>
    /// <exception cref="ArgumentException">Wrong length or a control state out of range.</exception>
    public void ImposeAction(ReadOnlySpan<int> action)
    {
        _w.CheckAction(action);
        _w.SampleAction(action);
    }

    /// <summary>
    /// Dirichlet update of the likelihood [pymdp update_A]: <c>pA[m] += lr_pA · onehot(o_m) ⊗ qs · (A[m] &gt; 0)</c>
    /// for each modality to learn, then <c>A = normalize(pA)</c> for every modality.
    /// </summary>
    /// <param name="observation">The observation the posterior was inferred from.</param>
    /// <exception cref="InvalidOperationException">The model has no pA, or the agent uses MMP.</exception>
    public void UpdateLikelihood(ReadOnlySpan<int> observation)
    {
        _w.CheckObservation(observation);
        _w.UpdateLikelihood(observation);
    }

    /// <summary>
    /// Dirichlet update of the transitions [pymdp update_B]:
    /// <c>pB[f][:, :, u_f] += lr_pB · qs_f ⊗ qs_prev_f · (B[f][:, :, u_f] &gt; 0)</c> with u the last action and
    /// qs_prev the posterior before the last <see cref="InferStates"/>; then <c>B = normalize(pB)</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model has no pB, no action has been taken, or the agent uses MMP.</exception>
    public void UpdateTransitions() => _w.UpdateTransitions();

    /// <summary>
    /// Dirichlet update of the initial-state prior [pymdp update_D]: <c>pD[f] += lr_pD · qs0_f</c> where
    /// <c>pD[f] &gt; 0</c>, then <c>D = normalize(pD)</c>. qs0 is the first posterior of the run (FPI) or the
    /// window prior (MMP).
    /// </summary>
    /// <exception cref="InvalidOperationException">The model has no pD, or no state inference has run.</exception>
    public void UpdateInitialStatePrior() => _w.UpdateInitialStatePrior();
}
