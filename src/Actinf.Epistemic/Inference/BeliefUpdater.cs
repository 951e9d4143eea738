using System.Numerics.Tensors;
using Actinf.Epistemic.Beliefs;
using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Errors;
using Actinf.Epistemic.Model;

namespace Actinf.Epistemic.Inference;

/// <summary>
/// Variational belief updating on the linear-Gaussian hierarchy (seed 004 REQ-ACTINF-004): gradient descent
/// on the free energy with momentum (capped conjugate directions), exact line search, clipping, a precision
/// floor, precision learning from the error variance and a KL convergence test.
/// </summary>
/// <remarks>
/// <para>Free energy (Laplace form, constants dropped), with eps_l = mu_l - W_(l+1) mu_(l+1) and eps_(L-1) = mu_(L-1):</para>
/// <para>F(mu) = ½ Σ_i pi_o,i (o_i - mu_0,i)² + ½ Σ_i p⁻_i (mu_0,i - m_i)² + Σ_l ½ pi_l ||eps_l||² + ½ Σ_l Σ_j ln(h_l,j / 2πe)</para>
/// <para>where m and p⁻ are the previous posterior mean and its precision after the random-walk volatility,
/// pi_o the observation precision from the error variance, and h the diagonal Hessian (the Laplace
/// posterior precision). F is quadratic in mu, so the exact line-search step never increases it. The full
/// derivation and the departures from the sketch are in docs/epistemic-engine.md, "Belief update".</para>
/// <para>Thread-safe: the scratch arrays are per thread; callers serialise updates of one session.</para>
/// </remarks>
public sealed class BeliefUpdater : IDisposable
{
    private readonly ThreadLocal<BeliefUpdaterWorkspace?> _workspace = new();

    /// <summary>Creates an updater.</summary>
    /// <param name="options">Validated updater options.</param>
    /// <exception cref="ActiveInferenceException"><see cref="ErrorKind.ConfigurationError"/> for invalid options.</exception>
    public BeliefUpdater(BeliefUpdaterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The options.</summary>
    public BeliefUpdaterOptions Options { get; }

    /// <summary>
    /// Incorporates one observation into <paramref name="beliefs"/> and (if the model learns) updates the
    /// model's weights from the resulting prediction errors.
    /// </summary>
    /// <param name="beliefs">The session's beliefs; changed only if the update succeeds.</param>
    /// <param name="observation">The observation in model units (see <see cref="Observations.EmbeddingScaling"/>), length d_0.</param>
    /// <param name="model">The shared generative model.</param>
    /// <param name="precisionWeight">Multiplier of the observation precision (EngineOptions.PrecisionWeight).</param>
    /// <param name="budget">Time budget; on overrun the best iterate so far is kept and the result is marked.</param>
    /// <param name="timeProvider">Clock for the budget.</param>
    /// <param name="trace">Receives the per-iteration metrics (optional).</param>
    /// <returns>The summary of the update.</returns>
    /// <exception cref="ActiveInferenceException">
    /// <see cref="ErrorKind.BeliefUpdateFailed"/> for shape mismatches; <see cref="ErrorKind.NumericalInstability"/>
    /// for a non-finite observation or result (the beliefs are left unchanged).
    /// </exception>
    public BeliefUpdateResult Update(
        HierarchicalBeliefs beliefs,
        ReadOnlySpan<float> observation,
        HierarchicalGenerativeModel model,
        float precisionWeight,
        TimeSpan budget,
        TimeProvider timeProvider,
        BeliefUpdateTrace? trace = null)
    {
        ArgumentNullException.ThrowIfNull(beliefs);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(timeProvider);
        long start = timeProvider.GetTimestamp();
        IReadOnlyList<int> dims = model.Options.LayerDimensions;
        ValidateShapes(beliefs, observation, dims);
        if (!(precisionWeight > 0) || !float.IsFinite(precisionWeight))
        {
            throw new ActiveInferenceException(ErrorKind.NumericalInstability, $"The precision weight {precisionWeight} must be finite and positive.");
        }

        BeliefUpdaterWorkspace ws = Workspace(dims);
        trace?.Clear();
        int layers = dims.Count;
        float floor = Options.PrecisionFloor;
        float pi0 = MathF.Max(model.Layers[0].Precision, floor);
        double logPrecisionBefore = SumOfLogs(beliefs.Belief.Precision, ws.Preconditioned[0]);

        observation.CopyTo(ws.Observation);
        for (int l = 0; l < layers; l++)
        {
            beliefs.Means[l].CopyTo(ws.Mu[l], 0);
        }

        ws.Mu[0].CopyTo(ws.PriorMean, 0);
        double z = PreparePrecisions(beliefs, ws, pi0, precisionWeight);

        bool converged = false;
        bool timedOut = false;
        int iterations = 0;
        float initialF;
        float finalF;
        model.EnterRead();
        try
        {
            ComputeHessian(model, ws, pi0, floor);
            ComputeErrors(model, ws.Mu, ws.Eps);
            double entropyTerm = LaplaceEntropyTerm(ws);
            initialF = (float)(Energy(model, ws, floor) + entropyTerm);

            // Exact conditional step on layer 0 (the conjugate Gaussian update given the top-down prediction
            // W_1 mu_1 = mu_0 - eps_0): mu_0 = (pi_o o + p⁻ m + pi_0 W_1 mu_1) / h_0. It minimises F over mu_0
            // with the other layers fixed, so F does not rise; the descent then carries the new evidence upward.
            WarmStartSensoryLayer(ws, pi0);
            WarmStartUpperLayers(model, ws, floor);
            ComputeErrors(model, ws.Mu, ws.Eps);
            double warmF = Energy(model, ws, floor) + entropyTerm;
            if (!(warmF <= initialF))
            {
                // The diagonal conditionals are exact only while Wᵀ W is diagonal; keep the sweep only if it helped.
                for (int l = 1; l < layers; l++)
                {
                    beliefs.Means[l].CopyTo(ws.Mu[l], 0);
                }

                ComputeErrors(model, ws.Mu, ws.Eps);
                warmF = Energy(model, ws, floor) + entropyTerm;
            }

            ComputeGradient(model, ws, pi0, floor);
            finalF = (float)warmF;
            double energy = warmF - entropyTerm;
            double gzPrevious = 0;
            long iterationStart = start;
            for (int k = 0; k < Options.MaxIterations; k++)
            {
                if (k > 0 && timeProvider.GetElapsedTime(start) > budget)
                {
                    timedOut = true;
                    break;
                }

                // Preconditioned gradient z = g / h and the capped conjugate (momentum) coefficient.
                double gz = 0;
                for (int l = 0; l < layers; l++)
                {
                    TensorPrimitives.Divide(ws.Gradient[l], ws.Hessian[l], ws.Preconditioned[l]);
                    gz += TensorPrimitives.Dot(ws.Gradient[l], ws.Preconditioned[l]);
                }

                if (!(gz > 1e-20))
                {
                    converged = true;
                    break;
                }

                float beta = k == 0 ? 0f : (float)Math.Min(Options.Momentum, gz / gzPrevious);
                double slope = 0;
                for (int l = 0; l < layers; l++)
                {
                    // d = beta·d - z
                    TensorPrimitives.Multiply(ws.Direction[l], beta, ws.Direction[l]);
                    TensorPrimitives.Subtract(ws.Direction[l], ws.Preconditioned[l], ws.Direction[l]);
                    slope += TensorPrimitives.Dot(ws.Gradient[l], ws.Direction[l]);
                }

                if (!(slope < 0))
                {
                    // Not a descent direction: restart momentum with the preconditioned gradient.
                    slope = -gz;
                    for (int l = 0; l < layers; l++)
                    {
                        TensorPrimitives.Negate(ws.Preconditioned[l], ws.Direction[l]);
                    }
                }

                ComputeErrors(model, ws.Direction, ws.Delta);

                // dᵀAd = Σ (pi_o + p⁻) d_0² + Σ_l pi_l ||delta_l||²  (z is free scratch now).
                TensorPrimitives.Multiply(ws.DataPrecision, ws.Direction[0], ws.Preconditioned[0]);
                double curvature = TensorPrimitives.Dot(ws.Preconditioned[0], ws.Direction[0]);
                for (int l = 0; l < layers; l++)
                {
                    curvature += MathF.Max(model.Layers[l].Precision, floor) * (double)TensorPrimitives.SumOfSquares(ws.Delta[l]);
                }

                double t = curvature > 0 ? -slope / curvature : 0;
                double maxAbs = 0;
                for (int l = 0; l < layers; l++)
                {
                    maxAbs = Math.Max(maxAbs, TensorPrimitives.MaxMagnitude(ws.Direction[l]));
                }

                if (t * maxAbs > Options.MaxUpdateMagnitude)
                {
                    t = Options.MaxUpdateMagnitude / maxAbs; // clip: t stays in (0, t*], so F still does not rise
                }

                float step = (float)t;
                double kl = 0, stepSquares = 0;
                for (int l = 0; l < layers; l++)
                {
                    TensorPrimitives.MultiplyAdd(ws.Direction[l], step, ws.Mu[l], ws.Mu[l]);
                    TensorPrimitives.MultiplyAdd(ws.Delta[l], step, ws.Eps[l], ws.Eps[l]);
                    TensorPrimitives.Multiply(ws.Hessian[l], ws.Direction[l], ws.Preconditioned[l]);
                    kl += TensorPrimitives.Dot(ws.Preconditioned[l], ws.Direction[l]);
                    stepSquares += TensorPrimitives.SumOfSquares(ws.Direction[l]);
                }

                // KL[q_k || q_(k-1)] over all layers (same Laplace precisions h): ½ Σ h (Δmu)².
                kl *= 0.5 * t * t;
                ComputeGradient(model, ws, pi0, floor);

                // F is quadratic in mu: F(mu + t d) = F(mu) + t gᵀd + ½ t² dᵀAd, exactly.
                energy += (t * slope) + (0.5 * t * t * curvature);
                float f = (float)(energy + entropyTerm);
                long now = timeProvider.GetTimestamp();
                trace?.Add(new IterationMetrics(k, f, (float)kl, (float)(t * Math.Sqrt(stepSquares)), timeProvider.GetElapsedTime(iterationStart, now)));
                iterationStart = now;
                finalF = f;
                iterations = k + 1;
                gzPrevious = gz;
                if (kl < Options.ConvergenceThreshold)
                {
                    converged = true;
                    break;
                }
            }
        }
        finally
        {
            model.ExitRead();
        }

        if (!float.IsFinite(finalF) || !AllFinite(ws))
        {
            throw new ActiveInferenceException(
                ErrorKind.NumericalInstability,
                "The belief update produced a non-finite value; the session was left unchanged. Check the precisions and the observation scale.");
        }

        Commit(beliefs, ws, model, pi0, floor);
        beliefs.Surprise = JohariClassifier.Surprise(z);
        beliefs.FreeEnergy = finalF;
        beliefs.Belief.ObservationCount++;
        model.Learn(ws.Eps, ws.Mu);

        // H = ½ Σ ln(2πe/p) and U = exp(½ mean ln(p₀/p)) from one vectorised Σ ln p before and after.
        double logPrecisionAfter = SumOfLogs(beliefs.Belief.Precision, ws.Preconditioned[0]);
        int d0 = beliefs.Belief.Dimension;
        double logPrior = Math.Log(beliefs.Belief.PriorPrecision);
        float uncertaintyBefore = (float)Math.Clamp(Math.Exp(0.5 * (logPrior - (logPrecisionBefore / d0))), 0, 1);
        float uncertaintyAfter = (float)Math.Clamp(Math.Exp(0.5 * (logPrior - (logPrecisionAfter / d0))), 0, 1);
        return new BeliefUpdateResult(
            converged,
            iterations,
            initialF,
            finalF,
            uncertaintyBefore,
            uncertaintyAfter,
            (float)(0.5 * (logPrecisionAfter - logPrecisionBefore)),
            beliefs.Surprise,
            timedOut,
            timeProvider.GetElapsedTime(start));
    }

    /// <inheritdoc />
    public void Dispose() => _workspace.Dispose();

    private static void ValidateShapes(HierarchicalBeliefs beliefs, ReadOnlySpan<float> observation, IReadOnlyList<int> dims)
    {
        if (beliefs.Means.Length != dims.Count)
        {
            throw new ActiveInferenceException(ErrorKind.BeliefUpdateFailed, $"The beliefs have {beliefs.Means.Length} layers; the model has {dims.Count}.");
        }

        for (int l = 0; l < dims.Count; l++)
        {
            if (beliefs.Means[l].Length != dims[l])
            {
                throw new ActiveInferenceException(ErrorKind.BeliefUpdateFailed, $"Belief layer {l} has {beliefs.Means[l].Length} values; the model's layer has {dims[l]}.");
            }
        }

        if (observation.Length != dims[0])
        {
            throw new ActiveInferenceException(ErrorKind.BeliefUpdateFailed, $"The observation has {observation.Length} values; the model's observation layer has {dims[0]}.");
        }

        foreach (float v in observation)
        {
            if (!float.IsFinite(v))
            {
                throw new ActiveInferenceException(ErrorKind.NumericalInstability, $"The observation contains a non-finite value ({v}); the session was left unchanged.");
            }
        }
    }

    private BeliefUpdaterWorkspace Workspace(IReadOnlyList<int> dims)
    {
        BeliefUpdaterWorkspace? ws = _workspace.Value;
        if (ws is null || !ws.Matches(dims))
        {
            ws = new BeliefUpdaterWorkspace(dims);
            _workspace.Value = ws;
        }

        return ws;
    }

    /// <summary>
    /// Observation precision pi_o from the error variance, prior precision p⁻ after volatility (inflated by the
    /// innovation in excess of its predicted variance) and the normalised innovation z (returned).
    /// </summary>
    private double PreparePrecisions(HierarchicalBeliefs beliefs, BeliefUpdaterWorkspace ws, float pi0, float precisionWeight)
    {
        float floor = Options.PrecisionFloor;
        float volatility = Options.Volatility;
        float[] pE = beliefs.EvidencePrecision, sigma2 = beliefs.ErrorVariance;
        double z = 0;
        for (int i = 0; i < pE.Length; i++)
        {
            float p0 = pE[i] > 0 ? 1f / ((1f / pE[i]) + volatility) : 0f;
            float v = 1f / (p0 + pi0);
            float e = ws.Observation[i] - ws.PriorMean[i];
            float s = v + sigma2[i];
            float e2 = e * e;
            z += e2 / s;
            float excess = MathF.Max(0f, e2 - s);
            ws.PriorPrecision[i] = p0 > 0 ? 1f / ((1f / p0) + excess) : 0f;
            ws.ObservationPrecision[i] = MathF.Max(precisionWeight / MathF.Max(sigma2[i], Options.MinErrorVariance), floor);
            ws.Innovation[i] = e;
            ws.PredictionVariance[i] = v;
            ws.DataPrecision[i] = ws.ObservationPrecision[i] + ws.PriorPrecision[i];
            ws.DataTarget[i] = (ws.ObservationPrecision[i] * ws.Observation[i]) + (ws.PriorPrecision[i] * ws.PriorMean[i]);
        }

        return z / pE.Length;
    }

    private static void WarmStartSensoryLayer(BeliefUpdaterWorkspace ws, float pi0)
    {
        float[] mu0 = ws.Mu[0], eps0 = ws.Eps[0], h0 = ws.Hessian[0];
        for (int i = 0; i < mu0.Length; i++)
        {
            float topDown = mu0[i] - eps0[i];
            mu0[i] = ((ws.ObservationPrecision[i] * ws.Observation[i]) + (ws.PriorPrecision[i] * ws.PriorMean[i]) + (pi0 * topDown)) / h0[i];
        }
    }

    /// <summary>
    /// One bottom-up sweep of the layers' conditional minimisers with the diagonal Hessian:
    /// mu_l = (pi_(l-1) W_lᵀ mu_(l-1) + pi_l W_(l+1) mu_(l+1)) / h_l (exact while W_lᵀ W_l is diagonal, as at initialisation).
    /// </summary>
    private static void WarmStartUpperLayers(HierarchicalGenerativeModel model, BeliefUpdaterWorkspace ws, float floor)
    {
        for (int l = 1; l < ws.LayerCount; l++)
        {
            float[] target = ws.Preconditioned[l];
            if (l + 1 < ws.LayerCount)
            {
                model.Layers[l + 1].Predict(ws.Mu[l + 1], target);
                TensorPrimitives.Multiply(target, MathF.Max(model.Layers[l].Precision, floor), target);
            }
            else
            {
                Array.Clear(target);
            }

            model.Layers[l].TransposeMultiplyAdd(ws.Mu[l - 1], MathF.Max(model.Layers[l - 1].Precision, floor), target);
            TensorPrimitives.Divide(target, ws.Hessian[l], ws.Mu[l]);
        }
    }

    private static void ComputeHessian(HierarchicalGenerativeModel model, BeliefUpdaterWorkspace ws, float pi0, float floor)
    {
        float[] h0 = ws.Hessian[0];
        for (int i = 0; i < h0.Length; i++)
        {
            h0[i] = ws.ObservationPrecision[i] + ws.PriorPrecision[i] + pi0;
        }

        for (int l = 1; l < ws.LayerCount; l++)
        {
            float below = MathF.Max(model.Layers[l - 1].Precision, floor);
            float own = MathF.Max(model.Layers[l].Precision, floor);
            ReadOnlySpan<float> cs = model.Layers[l].ColumnSquares;
            float[] hl = ws.Hessian[l];
            for (int j = 0; j < hl.Length; j++)
            {
                hl[j] = (below * cs[j]) + own;
            }
        }
    }

    /// <summary>err_l = x_l - W_(l+1) x_(l+1) for l &lt; L-1 and err_(L-1) = x_(L-1).</summary>
    private static void ComputeErrors(HierarchicalGenerativeModel model, float[][] x, float[][] err)
    {
        int layers = x.Length;
        for (int l = 0; l < layers - 1; l++)
        {
            model.Layers[l + 1].PredictionError(x[l], x[l + 1], err[l]);
        }

        x[layers - 1].CopyTo(err[layers - 1], 0);
    }

    /// <summary>g_0 = pi_o(mu_0 - o) + p⁻(mu_0 - m) + pi_0 eps_0;  g_l = pi_l eps_l - pi_(l-1) W_lᵀ eps_(l-1).</summary>
    private static void ComputeGradient(HierarchicalGenerativeModel model, BeliefUpdaterWorkspace ws, float pi0, float floor)
    {
        // g_0 = (pi_o + p⁻) mu_0 - (pi_o o + p⁻ m) + pi_0 eps_0.
        float[] g0 = ws.Gradient[0];
        TensorPrimitives.Multiply(ws.DataPrecision, ws.Mu[0], g0);
        TensorPrimitives.Subtract(g0, ws.DataTarget, g0);
        TensorPrimitives.MultiplyAdd(ws.Eps[0], pi0, g0, g0);

        for (int l = 1; l < ws.LayerCount; l++)
        {
            float own = MathF.Max(model.Layers[l].Precision, floor);
            float below = MathF.Max(model.Layers[l - 1].Precision, floor);
            TensorPrimitives.Multiply(ws.Eps[l], own, ws.Gradient[l]);
            model.Layers[l].TransposeMultiplyAdd(ws.Eps[l - 1], -below, ws.Gradient[l]);
        }
    }

    private static double Energy(HierarchicalGenerativeModel model, BeliefUpdaterWorkspace ws, float floor)
    {
        double sum = 0;
        float[] mu0 = ws.Mu[0];
        for (int i = 0; i < mu0.Length; i++)
        {
            double a = mu0[i] - ws.Observation[i];
            double b = mu0[i] - ws.PriorMean[i];
            sum += (ws.ObservationPrecision[i] * a * a) + (ws.PriorPrecision[i] * b * b);
        }

        for (int l = 0; l < ws.LayerCount; l++)
        {
            double layer = 0;
            float[] e = ws.Eps[l];
            for (int j = 0; j < e.Length; j++)
            {
                layer += (double)e[j] * e[j];
            }

            sum += MathF.Max(model.Layers[l].Precision, floor) * layer;
        }

        return 0.5 * sum;
    }

    /// <summary>-H[q] for the Laplace posterior: ½ Σ ln(h / 2πe) (constant during the mean descent).</summary>
    private static double LaplaceEntropyTerm(BeliefUpdaterWorkspace ws)
    {
        double log2PiE = Math.Log(2 * Math.PI * Math.E);
        double sum = 0;
        for (int l = 0; l < ws.LayerCount; l++)
        {
            sum += SumOfLogs(ws.Hessian[l], ws.Preconditioned[l]) - (ws.Hessian[l].Length * log2PiE);
        }

        return 0.5 * sum;
    }

    /// <summary>Σ ln x_i, vectorised (float logs, summed per block of 256 in double).</summary>
    private static double SumOfLogs(ReadOnlySpan<float> x, Span<float> scratch)
    {
        Span<float> tmp = scratch[..x.Length];
        TensorPrimitives.Log(x, tmp);
        double sum = 0;
        for (int start = 0; start < tmp.Length; start += 256)
        {
            sum += TensorPrimitives.Sum<float>(tmp.Slice(start, Math.Min(256, tmp.Length - start)));
        }

        return sum;
    }

    private static bool AllFinite(BeliefUpdaterWorkspace ws)
    {
        for (int l = 0; l < ws.LayerCount; l++)
        {
            float[] mu = ws.Mu[l];
            for (int j = 0; j < mu.Length; j++)
            {
                if (!float.IsFinite(mu[j]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private void Commit(HierarchicalBeliefs beliefs, BeliefUpdaterWorkspace ws, HierarchicalGenerativeModel model, float pi0, float floor)
    {
        for (int l = 0; l < ws.LayerCount; l++)
        {
            ws.Mu[l].CopyTo(beliefs.Means[l], 0);
            float pi = MathF.Max(model.Layers[l].Precision, floor);
            beliefs.LayerErrors[l] = (float)(0.5 * pi * TensorPrimitives.SumOfSquares(ws.Eps[l]) / ws.Eps[l].Length);
        }

        float rate = Options.LearningRate;
        float[] pE = beliefs.EvidencePrecision, sigma2 = beliefs.ErrorVariance, pQ = beliefs.Belief.Precision;
        for (int i = 0; i < pE.Length; i++)
        {
            pE[i] = ws.PriorPrecision[i] + ws.ObservationPrecision[i];
            pQ[i] = MathF.Max(pE[i] + pi0, floor); // Laplace posterior precision of s_0 = h_0
            float e = ws.Innovation[i];
            float estimate = MathF.Max(Options.MinErrorVariance, (e * e) - ws.PredictionVariance[i]);
            sigma2[i] = ((1f - rate) * sigma2[i]) + (rate * estimate);
        }
    }
}
