namespace Actinf.Core.Agents;

public sealed partial class Agent
{
    /// <summary>
    /// Posterior over the states of one factor now (length Ns_f, sums to 1). FPI: the result of
    /// <see cref="InferStates"/>. MMP: the current window step averaged over policies with q(pi).
    /// </summary>
    public ReadOnlySpan<double> Posterior(int factor) => _w.Posterior(factor);

    /// <summary>Policy posterior q(pi) (length P, sums to 1), from the last <see cref="InferPolicies"/>.</summary>
    public ReadOnlySpan<double> PolicyPosterior => _w.QPi;

    /// <summary>G per policy: pymdp's <em>negative</em> expected free energy (nats; larger is better).</summary>
    public ReadOnlySpan<double> NegativeExpectedFreeEnergy => _w.G;

    /// <summary>The expected-utility (pragmatic) part of G per policy (0 when switched off).</summary>
    public ReadOnlySpan<double> ExpectedUtility => _w.Utility;

    /// <summary>The expected state information gain (epistemic) part of G per policy (0 when switched off).</summary>
    public ReadOnlySpan<double> StateInformationGain => _w.StateInfoGain;

    /// <summary>The Dirichlet parameter information gain (pA + pB novelty) part of G per policy (0 when switched off).</summary>
    public ReadOnlySpan<double> ParameterInformationGain => _w.ParamInfoGain;

    /// <summary>MMP: variational free energy F per policy from the last <see cref="InferStates"/> (FPI: zeros).</summary>
    public ReadOnlySpan<double> PolicyFreeEnergy => _w.PolicyF;

    /// <summary>Marginal probability of each control state of a factor, from the last action selection (length Nc_f).</summary>
    public ReadOnlySpan<double> ActionMarginal(int factor) => _w.ActionMarginal(factor);

    /// <summary>Stochastic marginal selection: <c>softmax(alpha · ln marginal)</c> of a factor (length Nc_f).</summary>
    public ReadOnlySpan<double> ActionProbabilities(int factor) => _w.ActionProbabilities(factor);

    /// <summary>Stochastic full selection: <c>softmax(alpha · ln q(pi))</c> (length P).</summary>
    public ReadOnlySpan<double> PolicyProbabilities => _w.PolicyProbabilities;

    /// <summary>MMP: number of window steps N = K + T of the last inference (FPI: 1).</summary>
    public int WindowLength => _w.WindowLength;

    /// <summary>MMP: belief about factor <paramref name="factor"/> at window step <paramref name="step"/> under policy <paramref name="policy"/>.</summary>
    public ReadOnlySpan<double> WindowPosterior(int policy, int step, int factor) => _w.WindowPosterior(policy, step, factor);

    /// <summary>MMP: prior of the window's first step for a factor (with a policy-separated prior: for <paramref name="policy"/>).</summary>
    public ReadOnlySpan<double> LatestBelief(int factor, int policy = 0) => _w.LatestBelief(factor, policy);

    /// <summary>Current likelihood A[m], pymdp layout <c>[No_m, Ns_0..]</c>, columns sum to 1 (changes with learning).</summary>
    public ReadOnlySpan<double> Likelihood(int modality) => _w.LikelihoodValues(modality);

    /// <summary>Current pA[m] in the layout of A (empty when the model has no pA).</summary>
    public ReadOnlySpan<double> LikelihoodConcentration(int modality) => _w.LikelihoodConcentrationValues(modality);

    /// <summary>Current B[f] in pymdp layout <c>[Ns, Ns, Nc]</c> (a copy; changes with learning).</summary>
    public double[] Transitions(int factor) => _w.TransitionsPymdpLayout(factor, concentration: false);

    /// <summary>Current pB[f] in pymdp layout <c>[Ns, Ns, Nc]</c> (a copy; null when the model has no pB).</summary>
    public double[]? TransitionConcentration(int factor) => _w.HasPB ? _w.TransitionsPymdpLayout(factor, concentration: true) : null;

    /// <summary>Current D[f] (length Ns_f).</summary>
    public ReadOnlySpan<double> InitialStatePrior(int factor) => _w.InitialStatePrior(factor);

    /// <summary>Current pD[f] (empty when the model has no pD).</summary>
    public ReadOnlySpan<double> InitialStateConcentration(int factor) => _w.InitialStateConcentration(factor);

    /// <summary>Iterations the last state inference ran (FPI: until dF &lt; dF_tol or num_iter; one factor: 1; MMP: num_iter).</summary>
    public int InferenceIterations => _w.InferenceIterations;

    /// <summary>
    /// Variational free energy (nats) of the last state inference, per iteration. FPI with several factors:
    /// at the uniform start and after each iteration (length iterations + 1). The factors are updated in
    /// parallel, as in pymdp, so F can rise between iterations; iteration stops once it changes by less than dF_tol. FPI with one factor: the free energy of the exact posterior, <c>-ln Σ exp(lnL + ln p)</c>
    /// (length 1). MMP: the mean over policies of F after each repetition (length num_iter).
    /// </summary>
    public ReadOnlySpan<double> FreeEnergyTrace => _w.FreeEnergyTrace;

    /// <summary>How many times a free energy, posterior or q(pi) came out NaN or infinite (checked on every inference; expected 0).</summary>
    public long NonFiniteEvents => _w.NonFiniteEvents;
}
