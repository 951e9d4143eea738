using System.Numerics.Tensors;
using Actinf.Core.Kernels;

namespace Actinf.Core.Inference;

/// <summary>
/// State inference by fixed-point iteration on one observation (pymdp <c>run_vanilla_fpi</c>).
/// </summary>
/// <remarks>
/// <para>One factor: <c>qs = softmax(lnL + ln p)</c>.</para>
/// <para>Several factors (mean field, parallel update): start uniform; each iteration computes
/// <c>qL_f[j] = Σ_{s: s_f = j} lnL[s] Π_{g≠f} qs_g[s_g]</c> from the beliefs at the start of the iteration
/// and sets <c>qs_f = softmax(qL_f + ln p_f)</c>; it stops after <c>numIter</c> iterations or once the
/// variational free energy <c>F = Σ_f qs_f·(ln_eps qs_f - ln p_f) - Σ_s lnL[s] q(s)</c> changes by less
/// than <c>dFTol</c>.</para>
/// </remarks>
internal static class FixedPointIteration
{
    /// <summary>Runs the iteration; returns the number of iterations done (1 for one factor).</summary>
    /// <param name="space">State layout.</param>
    /// <param name="logLikelihood">lnL = ln_eps(joint likelihood), length S.</param>
    /// <param name="logPrior">ln_eps(prior), flat over factors.</param>
    /// <param name="qs">Output posterior, flat over factors.</param>
    /// <param name="numIter">Maximum iterations.</param>
    /// <param name="dF">Initial free-energy change (lets the first iteration run when ≥ dFTol).</param>
    /// <param name="dFTol">Stopping tolerance (nats).</param>
    /// <param name="joint">Scratch of length S.</param>
    /// <param name="factorScratch">Scratch of length max Ns_f.</param>
    /// <param name="freeEnergyTrace">Optional, length ≥ numIter + 1: the variational free energy (with its
    /// accuracy term) of the uniform start and after each iteration (one factor: the free energy of the exact posterior, -ln Σ exp(lnL + ln p), at index 0).</param>
    public static int Run(
        StateSpace space,
        ReadOnlySpan<double> logLikelihood,
        ReadOnlySpan<double> logPrior,
        Span<double> qs,
        int numIter,
        double dF,
        double dFTol,
        Span<double> joint,
        Span<double> factorScratch,
        Span<double> freeEnergyTrace = default)
    {
        if (space.Factors == 1)
        {
            TensorPrimitives.Add(logLikelihood, logPrior, qs);
            if (!freeEnergyTrace.IsEmpty)
            {
                freeEnergyTrace[0] = -LogDomain.LogSumExp(qs);
            }

            LogDomain.Softmax(qs, qs);
            return 1;
        }

        for (int f = 0; f < space.Factors; f++)
        {
            space.Factor(qs, f).Fill(1.0 / space.Sizes[f]);
        }

        // pymdp's stopping rule compares the first iteration's free energy with this value, which
        // leaves out the accuracy term; the trace records the complete free energy instead.
        double prev = FreeEnergyWithoutAccuracy(space, qs, logPrior, factorScratch);
        if (!freeEnergyTrace.IsEmpty)
        {
            JointTensor.Outer(space, qs, joint);
            freeEnergyTrace[0] = prev - TensorPrimitives.Dot(logLikelihood, joint);
        }

        int k = 0;
        while (k < numIter && dF >= dFTol)
        {
            JointTensor.Outer(space, qs, joint);
            TensorPrimitives.Multiply(joint, logLikelihood, joint);
            for (int f = 0; f < space.Factors; f++)
            {
                Span<double> q = space.Factor(qs, f);
                Span<double> qL = factorScratch[..q.Length];
                JointTensor.SumAllBut(space, joint, f, qL);
                // Dividing by the factor's own (start-of-iteration) belief removes it from the joint
                // weights; it is never 0 because every logit is within ~74 nats of the maximum.
                TensorPrimitives.Divide(qL, q, qL);
                TensorPrimitives.Add(qL, space.Factor(logPrior, f), qL);
                LogDomain.Softmax(qL, q);
            }

            double vfe = FreeEnergyWithoutAccuracy(space, qs, logPrior, factorScratch);
            JointTensor.Outer(space, qs, joint);
            vfe -= TensorPrimitives.Dot(logLikelihood, joint);
            dF = Math.Abs(prev - vfe);
            prev = vfe;
            k++;
            if (!freeEnergyTrace.IsEmpty)
            {
                freeEnergyTrace[k] = vfe;
            }
        }

        return k;
    }

    /// <summary><c>Σ_f qs_f·ln_eps(qs_f) - qs_f·ln p_f</c> (pymdp calc_free_energy without the likelihood).</summary>
    public static double FreeEnergyWithoutAccuracy(StateSpace space, ReadOnlySpan<double> qs, ReadOnlySpan<double> logPrior, Span<double> scratch)
    {
        double fe = 0;
        for (int f = 0; f < space.Factors; f++)
        {
            ReadOnlySpan<double> q = space.Factor(qs, f);
            Span<double> lnq = scratch[..q.Length];
            LogDomain.LogStable(q, lnq);
            double negH = TensorPrimitives.Dot(q, lnq);
            double xH = -TensorPrimitives.Dot(q, space.Factor(logPrior, f));
            fe += negH + xH;
        }

        return fe;
    }
}
