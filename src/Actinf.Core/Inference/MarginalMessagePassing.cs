using System.Numerics.Tensors;
using Actinf.Core.Kernels;

namespace Actinf.Core.Inference;

/// <summary>
/// Marginal message passing over a window of past observations and one policy's future (pymdp
/// <c>run_mmp</c> with gradient descent; SPM's spm_MDP_VB_X belief update).
/// </summary>
/// <remarks>
/// For window steps k = 0..N-1 and factors f (sequentially: later factors see updated earlier ones),
/// repeated <c>numIter</c> times:
/// <code>
/// lnA    = ln_eps(Σ_{s: s_f = j} L_k[s] Π_{g≠f} qs[k][g][s_g])   (k &lt; K, else 0)
/// lnPast = ln_eps(prior_f) (k = 0), else ln_eps(B_f[U[k-1]] · qs[k-1][f])
/// lnFut  = ln_eps(Bt_f[U[k]] · qs[k+1][f]) (k &lt; cut, else 0),  Bt = normalize(Bᵀ + ε)
/// c      = 1 if k ≥ cut else 2
/// err    = c·lnA + lnPast + lnFut - c·ln_eps(x),  x = qs[k][f]
/// qs[k][f] = softmax(ln_eps(x) + tau·(err - mean(err)))
/// F     += x·(err/2)  at the window ends, else x·(err - (F-1)·lnA/F)/2
/// </code>
/// F is reset at the start of each repetition; the last repetition's value is returned.
/// </remarks>
internal static class MarginalMessagePassing
{
    /// <summary>Scratch buffers for <see cref="Run"/>, allocated once per agent.</summary>
    internal sealed class Scratch
    {
        public Scratch(StateSpace space)
        {
            int max = 0;
            foreach (int n in space.Sizes)
            {
                max = Math.Max(max, n);
            }

            Joint = new double[space.JointSize];
            LnA = new double[max];
            LnPast = new double[max];
            LnFut = new double[max];
            LnX = new double[max];
            Err = new double[max];
            Message = new double[max];
        }

        public double[] Joint { get; }

        public double[] LnA { get; }

        public double[] LnPast { get; }

        public double[] LnFut { get; }

        public double[] LnX { get; }

        public double[] Err { get; }

        public double[] Message { get; }
    }

    /// <summary>Runs the update for one policy; returns its variational free energy F.</summary>
    /// <param name="space">State layout.</param>
    /// <param name="likelihoods">K joint likelihoods (not logged), row-major <c>[K, S]</c>.</param>
    /// <param name="numObserved">K, window steps with an observation.</param>
    /// <param name="transitions">B per factor and action (<c>[f][u]</c>, matrix <c>[s', s]</c>).</param>
    /// <param name="transposed">Bt per factor and action.</param>
    /// <param name="actions">Rows of actions <c>[K - 1 + T, F]</c>: the window's past actions, then the policy.</param>
    /// <param name="prior">Prior of window step 0, flat over factors.</param>
    /// <param name="numIter">Repetitions.</param>
    /// <param name="tau">Gradient step size.</param>
    /// <param name="length">N, window steps to infer (K + T, or K + T - 1 with SPM's last-timestep rule).</param>
    /// <param name="cut">First step without a future message (K + T - 2).</param>
    /// <param name="qs">Output beliefs, row-major <c>[N, TotalSize]</c>.</param>
    /// <param name="scratch">Scratch buffers.</param>
    /// <param name="xnRecord">Optional: per repetition and factor, <c>[Ns_f, N]</c> beliefs right after each update.</param>
    /// <param name="vnRecord">Optional: likewise <c>err - mean(err)</c>.</param>
    /// <param name="freeEnergyTrace">Optional, length ≥ numIter: F after each repetition is <em>added</em> to it (callers sum over policies).</param>
    public static double Run(
        StateSpace space,
        ReadOnlySpan<double> likelihoods,
        int numObserved,
        LinearOperator[][] transitions,
        LinearOperator[][] transposed,
        ReadOnlySpan<int> actions,
        ReadOnlySpan<double> prior,
        int numIter,
        double tau,
        int length,
        int cut,
        Span<double> qs,
        Scratch scratch,
        Span<double> xnRecord = default,
        Span<double> vnRecord = default,
        Span<double> freeEnergyTrace = default)
    {
        int factors = space.Factors;
        int total = space.TotalSize;
        int joint = space.JointSize;
        for (int k = 0; k < length; k++)
        {
            for (int f = 0; f < factors; f++)
            {
                space.Factor(qs.Slice(k * total, total), f).Fill(1.0 / space.Sizes[f]);
            }
        }

        double freeEnergy = 0;
        for (int iter = 0; iter < numIter; iter++)
        {
            freeEnergy = 0;
            for (int k = 0; k < length; k++)
            {
                Span<double> qk = qs.Slice(k * total, total);
                for (int f = 0; f < factors; f++)
                {
                    int n = space.Sizes[f];
                    Span<double> x = space.Factor(qk, f);
                    Span<double> lnA = scratch.LnA.AsSpan(0, n);
                    Span<double> lnPast = scratch.LnPast.AsSpan(0, n);
                    Span<double> lnFut = scratch.LnFut.AsSpan(0, n);
                    Span<double> lnX = scratch.LnX.AsSpan(0, n);
                    Span<double> err = scratch.Err.AsSpan(0, n);
                    Span<double> msg = scratch.Message.AsSpan(0, n);

                    if (k < numObserved)
                    {
                        ReadOnlySpan<double> lk = likelihoods.Slice(k * joint, joint);
                        if (factors == 1)
                        {
                            LogDomain.LogStable(lk, lnA);
                        }
                        else
                        {
                            JointTensor.Outer(space, qk, scratch.Joint, skipFactor: f);
                            TensorPrimitives.Multiply(scratch.Joint, lk, scratch.Joint);
                            JointTensor.SumAllBut(space, scratch.Joint, f, lnA);
                            LogDomain.LogStable(lnA, lnA);
                        }
                    }
                    else
                    {
                        lnA.Clear();
                    }

                    if (k == 0)
                    {
                        LogDomain.LogStable(space.Factor(prior, f), lnPast);
                    }
                    else
                    {
                        int u = actions[((k - 1) * factors) + f];
                        transitions[f][u].Multiply(space.Factor(qs.Slice((k - 1) * total, total), f), msg);
                        LogDomain.LogStable(msg, lnPast);
                    }

                    if (k >= cut)
                    {
                        lnFut.Clear();
                    }
                    else
                    {
                        int u = actions[(k * factors) + f];
                        transposed[f][u].Multiply(space.Factor(qs.Slice((k + 1) * total, total), f), msg);
                        LogDomain.LogStable(msg, lnFut);
                    }

                    double c = k >= cut ? 1.0 : 2.0;
                    LogDomain.LogStable(x, lnX);
                    // err = ((c·lnA + lnPast) + lnFut) - c·lnX, in numpy's order of operations.
                    for (int j = 0; j < n; j++)
                    {
                        err[j] = ((c * lnA[j]) + lnPast[j] + lnFut[j]) - (c * lnX[j]);
                    }

                    double mean = TensorPrimitives.Sum(err) / n;
                    bool end = k == 0 || k == length - 1;
                    double fk = 0;
                    for (int j = 0; j < n; j++)
                    {
                        double term = end ? 0.5 * err[j] : 0.5 * (err[j] - ((factors - 1) * lnA[j] / factors));
                        fk += x[j] * term;
                    }

                    freeEnergy += fk;
                    for (int j = 0; j < n; j++)
                    {
                        err[j] -= mean;
                        lnX[j] += tau * err[j];
                    }

                    LogDomain.Softmax(lnX, x);

                    if (!xnRecord.IsEmpty && !vnRecord.IsEmpty)
                    {
                        int baseIndex = (iter * total * length) + (space.Offsets[f] * length);
                        for (int j = 0; j < n; j++)
                        {
                            xnRecord[baseIndex + (j * length) + k] = x[j];
                            vnRecord[baseIndex + (j * length) + k] = err[j];
                        }
                    }
                }
            }

            if (!freeEnergyTrace.IsEmpty)
            {
                freeEnergyTrace[iter] += freeEnergy;
            }
        }

        return freeEnergy;
    }

    /// <summary>Fills <paramref name="transposed"/> with <c>normalize(Bᵀ + ε)</c> (columns of the result sum to 1).</summary>
    public static void TransposeNormalized(LinearOperator transition, LinearOperator transposed)
    {
        int n = transition.Rows;
        double[] b = transition.Values;
        double[] bt = transposed.Values;
        // Column j of Bt is row j of B plus ε, normalised.
        for (int j = 0; j < n; j++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += b[(j * n) + i] + LogDomain.Eps;
            }

            for (int i = 0; i < n; i++)
            {
                bt[(i * n) + j] = (b[(j * n) + i] + LogDomain.Eps) / sum;
            }
        }

        transposed.Refresh();
    }
}
