using System.Numerics;
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
        double logPrecisionBefore = SumOfLogs(beliefs.Belief.Precision, ws.Scratch[0]);

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
            ComputeHessian(model, ws, floor);
            double entropyTerm = LaplaceEntropyTerm(ws);
            initialF = (float)(ErrorsAndEnergy(model, ws, gradient: false) + entropyTerm);

            // Exact conditional step on layer 0 (the conjugate Gaussian update given the top-down prediction
            // W_1 mu_1 = mu_0 - eps_0): mu_0 = (pi_o o + p⁻ m + pi_0 W_1 mu_1) / h_0. It minimises F over mu_0
            // with the other layers fixed, so F does not rise; the descent then carries the new evidence upward.
            WarmStartSensoryLayer(ws, pi0);
            WarmStartUpperLayers(model, ws);
            double warmF = ErrorsAndEnergy(model, ws, gradient: true) + entropyTerm;
            if (!(warmF <= initialF))
            {
                // The diagonal conditionals are exact only while Wᵀ W is diagonal; keep the sweep only if it helped.
                for (int l = 1; l < layers; l++)
                {
                    beliefs.Means[l].CopyTo(ws.Mu[l], 0);
                }

                warmF = ErrorsAndEnergy(model, ws, gradient: true) + entropyTerm;
            }

            finalF = (float)warmF;
            double energy = warmF - entropyTerm;

            // gz = gᵀ h⁻¹ g, the squared preconditioned gradient norm; after each step it comes out of the update pass.
            double gz = 0;
            for (int l = 0; l < layers; l++)
            {
                gz += DescentKernels.PreconditionedSquares(ws.Gradient[l], ws.InverseHessian[l]);
            }

            double gzPrevious = 0;
            long iterationStart = start;
            for (int k = 0; k < Options.MaxIterations; k++)
            {
                if (k > 0 && timeProvider.GetElapsedTime(start) > budget)
                {
                    timedOut = true;
                    break;
                }

                if (!(gz > 1e-20))
                {
                    converged = true;
                    break;
                }

                // Direction d = beta·d - g/h with the capped conjugate (momentum) coefficient.
                float beta = k == 0 ? 0f : (float)Math.Min(Options.Momentum, gz / gzPrevious);
                DirectionSums sums = Direction(ws, beta);
                if (!(sums.Slope < 0))
                {
                    // Not a descent direction: restart momentum with the preconditioned gradient.
                    sums = Direction(ws, 0f) with { Slope = -gz };
                }

                // delta = the change of the prediction errors per unit step and the rest of A·d, in one pass over W.
                // dᵀAd = Σ (pi_o + p⁻) d_0² + Σ_l pi_l ||delta_l||².
                double curvature = Curvature(model, ws);
                double slope = sums.Slope;
                double t = curvature > 0 ? -slope / curvature : 0;
                double maxAbs = sums.MaxMagnitude;
                if (t * maxAbs > Options.MaxUpdateMagnitude)
                {
                    t = Options.MaxUpdateMagnitude / maxAbs; // clip: t stays in (0, t*], so F still does not rise
                }

                // mu += t d, eps += t delta, g += t A d (the gradient is affine in mu), and the next gᵀh⁻¹g.
                float step = (float)t;
                double gzNext = 0;
                for (int l = 0; l < layers; l++)
                {
                    float[] delta = l + 1 < layers ? ws.Delta[l] : ws.Direction[l]; // eps_(L-1) = mu_(L-1)
                    gzNext += DescentKernels.Step(step, ws.Direction[l], delta, ws.Back[l], ws.LayerPrecision[l], ws.InverseHessian[l], ws.Mu[l], ws.Eps[l], ws.Gradient[l]);
                }

                // KL[q_k || q_(k-1)] over all layers (same Laplace precisions h): ½ Σ h (Δmu)².
                double kl = 0.5 * t * t * sums.WeightedSquares;

                // F is quadratic in mu: F(mu + t d) = F(mu) + t gᵀd + ½ t² dᵀAd, exactly.
                energy += (t * slope) + (0.5 * t * t * curvature);
                float f = (float)(energy + entropyTerm);
                if (trace is not null)
                {
                    long now = timeProvider.GetTimestamp();
                    trace.Add(new IterationMetrics(k, f, (float)kl, (float)(t * Math.Sqrt(sums.Squares)), timeProvider.GetElapsedTime(iterationStart, now)));
                    iterationStart = now;
                }

                finalF = f;
                iterations = k + 1;
                gzPrevious = gz;
                gz = gzNext;
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

        Commit(beliefs, ws, pi0, floor);
        beliefs.Surprise = JohariClassifier.Surprise(z);
        beliefs.FreeEnergy = finalF;
        beliefs.Belief.ObservationCount++;
        model.Learn(ws.Eps, ws.Mu);

        // H = ½ Σ ln(2πe/p) and U = exp(½ mean ln(p₀/p)) from one vectorised Σ ln p before and after. The committed
        // p is h_0 bit for bit (p⁻ + pi_o + pi_0, above the floor), so Σ ln p after is the entropy term's layer-0 sum.
        double logPrecisionAfter = ws.LogHessianSums[0];
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

        if (!DescentKernels.AllFinite(observation))
        {
            foreach (float v in observation)
            {
                if (!float.IsFinite(v))
                {
                    throw new ActiveInferenceException(ErrorKind.NumericalInstability, $"The observation contains a non-finite value ({v}); the session was left unchanged.");
                }
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
    /// <remarks>Seven divisions per dimension: vectorised, since scalar divisions made this the largest fixed cost (issue #4).</remarks>
    private double PreparePrecisions(HierarchicalBeliefs beliefs, BeliefUpdaterWorkspace ws, float pi0, float precisionWeight)
    {
        float floor = Options.PrecisionFloor;
        float volatility = Options.Volatility;
        float minVariance = Options.MinErrorVariance;
        float[] pE = beliefs.EvidencePrecision, sigma2 = beliefs.ErrorVariance;
        float[] o = ws.Observation, m = ws.PriorMean;
        int n = pE.Length, width = Vector<float>.Count;
        Vector<float> one = Vector<float>.One, zero = Vector<float>.Zero;
        Vector<float> volatilityV = new(volatility), pi0V = new(pi0), weightV = new(precisionWeight), minVarianceV = new(minVariance), floorV = new(floor);
        Vector<float> zSum = zero;
        int i = 0;
        for (; i + width <= n; i += width)
        {
            Vector<float> pe = Vector.LoadUnsafe(ref pE[0], (nuint)i);
            Vector<float> p0 = Vector.ConditionalSelect(Vector.GreaterThan(pe, zero), one / ((one / pe) + volatilityV), zero);
            Vector<float> v = one / (p0 + pi0V);
            Vector<float> oi = Vector.LoadUnsafe(ref o[0], (nuint)i), mi = Vector.LoadUnsafe(ref m[0], (nuint)i);
            Vector<float> s2 = Vector.LoadUnsafe(ref sigma2[0], (nuint)i);
            Vector<float> e = oi - mi;
            Vector<float> s = v + s2;
            Vector<float> e2 = e * e;
            zSum += e2 / s;
            Vector<float> excess = Vector.Max(zero, e2 - s);
            Vector<float> prior = Vector.ConditionalSelect(Vector.GreaterThan(p0, zero), one / ((one / p0) + excess), zero);
            Vector<float> observed = Vector.Max(weightV / Vector.Max(s2, minVarianceV), floorV);
            prior.StoreUnsafe(ref ws.PriorPrecision[0], (nuint)i);
            observed.StoreUnsafe(ref ws.ObservationPrecision[0], (nuint)i);
            e.StoreUnsafe(ref ws.Innovation[0], (nuint)i);
            v.StoreUnsafe(ref ws.PredictionVariance[0], (nuint)i);
            (observed + prior).StoreUnsafe(ref ws.DataPrecision[0], (nuint)i);
            ((observed * oi) + (prior * mi)).StoreUnsafe(ref ws.DataTarget[0], (nuint)i);
        }

        double z = Vector.Sum(zSum);
        for (; i < n; i++)
        {
            float p0 = pE[i] > 0 ? 1f / ((1f / pE[i]) + volatility) : 0f;
            float v = 1f / (p0 + pi0);
            float e = o[i] - m[i];
            float s = v + sigma2[i];
            float e2 = e * e;
            z += e2 / s;
            float excess = MathF.Max(0f, e2 - s);
            ws.PriorPrecision[i] = p0 > 0 ? 1f / ((1f / p0) + excess) : 0f;
            ws.ObservationPrecision[i] = MathF.Max(precisionWeight / MathF.Max(sigma2[i], minVariance), floor);
            ws.Innovation[i] = e;
            ws.PredictionVariance[i] = v;
            ws.DataPrecision[i] = ws.ObservationPrecision[i] + ws.PriorPrecision[i];
            ws.DataTarget[i] = (ws.ObservationPrecision[i] * o[i]) + (ws.PriorPrecision[i] * m[i]);
        }

        return z / n;
    }

    /// <summary>mu_0 = (pi_o o + p⁻ m + pi_0 (mu_0 - eps_0)) / h_0, the conditional minimiser given the top-down prediction.</summary>
    private static void WarmStartSensoryLayer(BeliefUpdaterWorkspace ws, float pi0)
    {
        float[] mu0 = ws.Mu[0], topDown = ws.Scratch[0];
        TensorPrimitives.Subtract(mu0, ws.Eps[0], topDown);
        TensorPrimitives.MultiplyAdd(topDown, pi0, ws.DataTarget, topDown);
        TensorPrimitives.Multiply(topDown, ws.InverseHessian[0], mu0);
    }

    /// <summary>
    /// One bottom-up sweep of the layers' conditional minimisers with the diagonal Hessian:
    /// mu_l = (pi_(l-1) W_lᵀ mu_(l-1) + pi_l W_(l+1) mu_(l+1)) / h_l (exact while W_lᵀ W_l is diagonal, as at initialisation).
    /// </summary>
    /// <remarks>
    /// mu_(l+1) is still the value the errors were computed from, so W_(l+1) mu_(l+1) = mu_l - eps_l is taken from
    /// them instead of from a second forward product.
    /// </remarks>
    private static void WarmStartUpperLayers(HierarchicalGenerativeModel model, BeliefUpdaterWorkspace ws)
    {
        for (int l = 1; l < ws.LayerCount; l++)
        {
            float[] target = ws.Scratch[l];
            if (l + 1 < ws.LayerCount)
            {
                TensorPrimitives.Subtract(ws.Mu[l], ws.Eps[l], target);
                TensorPrimitives.Multiply(target, ws.LayerPrecision[l], target);
            }
            else
            {
                Array.Clear(target);
            }

            model.Layers[l].TransposeMultiplyAdd(ws.Mu[l - 1], ws.LayerPrecision[l - 1], target);
            TensorPrimitives.Multiply(target, ws.InverseHessian[l], ws.Mu[l]);
        }
    }

    /// <summary>The diagonal Hessian h (and 1/h): h_0 = pi_o + p⁻ + pi_0, h_l = pi_(l-1) Σ_i W_l[i, ·]² + pi_l.</summary>
    private static void ComputeHessian(HierarchicalGenerativeModel model, BeliefUpdaterWorkspace ws, float floor)
    {
        for (int l = 0; l < ws.LayerCount; l++)
        {
            ws.LayerPrecision[l] = MathF.Max(model.Layers[l].Precision, floor);
        }

        TensorPrimitives.Add(ws.DataPrecision, ws.LayerPrecision[0], ws.Hessian[0]);
        for (int l = 1; l < ws.LayerCount; l++)
        {
            float[] hl = ws.Hessian[l];
            TensorPrimitives.Multiply(model.Layers[l].ColumnSquares, ws.LayerPrecision[l - 1], hl);
            TensorPrimitives.Add(hl, ws.LayerPrecision[l], hl);
        }

        for (int l = 0; l < ws.LayerCount; l++)
        {
            TensorPrimitives.Divide(1f, ws.Hessian[l], ws.InverseHessian[l]);
        }
    }

    /// <summary>
    /// eps_l = mu_l - W_(l+1) mu_(l+1) (eps_(L-1) = mu_(L-1)) and the energy part of F; with <paramref name="gradient"/>
    /// also g_0 = pi_o(mu_0 - o) + p⁻(mu_0 - m) + pi_0 eps_0 and g_l = pi_l eps_l - pi_(l-1) W_lᵀ eps_(l-1), the
    /// bottom-up messages computed in the same visit of each weight block as the errors.
    /// </summary>
    private static double ErrorsAndEnergy(HierarchicalGenerativeModel model, BeliefUpdaterWorkspace ws, bool gradient)
    {
        int layers = ws.LayerCount;
        double sum = DataEnergy(ws);
        for (int l = 0; l < layers - 1; l++)
        {
            GenerativeLayer upper = model.Layers[l + 1];
            double squares;
            if (gradient)
            {
                squares = upper.PredictionErrorAndMessage(ws.Mu[l], ws.Mu[l + 1], ws.Eps[l], -ws.LayerPrecision[l], ws.Back[l + 1]);
            }
            else
            {
                upper.PredictionError(ws.Mu[l], ws.Mu[l + 1], ws.Eps[l]);
                squares = TensorPrimitives.SumOfSquares(ws.Eps[l]);
            }

            sum += ws.LayerPrecision[l] * squares;
        }

        ws.Mu[layers - 1].CopyTo(ws.Eps[layers - 1], 0);
        sum += ws.LayerPrecision[layers - 1] * (double)TensorPrimitives.SumOfSquares(ws.Eps[layers - 1]);
        if (gradient)
        {
            // g_0 = (pi_o + p⁻) mu_0 - (pi_o o + p⁻ m) + pi_0 eps_0.
            float[] g0 = ws.Gradient[0];
            TensorPrimitives.Multiply(ws.DataPrecision, ws.Mu[0], g0);
            TensorPrimitives.Subtract(g0, ws.DataTarget, g0);
            TensorPrimitives.MultiplyAdd(ws.Eps[0], ws.LayerPrecision[0], g0, g0);
            for (int l = 1; l < layers; l++)
            {
                TensorPrimitives.MultiplyAdd(ws.Eps[l], ws.LayerPrecision[l], ws.Back[l], ws.Gradient[l]);
            }
        }

        return 0.5 * sum;
    }

    /// <summary>Σ_i pi_o,i (mu_0,i - o_i)² + p⁻_i (mu_0,i - m_i)², in float lanes per block of 256, summed in double.</summary>
    private static double DataEnergy(BeliefUpdaterWorkspace ws)
    {
        float[] mu0 = ws.Mu[0], o = ws.Observation, m = ws.PriorMean, po = ws.ObservationPrecision, pp = ws.PriorPrecision;
        int n = mu0.Length, width = Vector<float>.Count;
        double sum = 0;
        int i = 0;
        while (i + width <= n)
        {
            int end = Math.Min(n - width, i + 256);
            Vector<float> acc = Vector<float>.Zero;
            for (; i <= end; i += width)
            {
                Vector<float> mu = Vector.LoadUnsafe(ref mu0[0], (nuint)i);
                Vector<float> a = mu - Vector.LoadUnsafe(ref o[0], (nuint)i);
                Vector<float> b = mu - Vector.LoadUnsafe(ref m[0], (nuint)i);
                acc += (Vector.LoadUnsafe(ref po[0], (nuint)i) * a * a) + (Vector.LoadUnsafe(ref pp[0], (nuint)i) * b * b);
            }

            sum += Vector.Sum(acc);
        }

        for (; i < n; i++)
        {
            double a = mu0[i] - o[i];
            double b = mu0[i] - m[i];
            sum += (po[i] * a * a) + (pp[i] * b * b);
        }

        return sum;
    }

    /// <summary>d = beta·d - g/h on every layer (see <see cref="DescentKernels.Direction"/>), sums over all layers.</summary>
    private static DirectionSums Direction(BeliefUpdaterWorkspace ws, float beta)
    {
        double slope = 0, weighted = 0, squares = 0;
        float max = 0;
        for (int l = 0; l < ws.LayerCount; l++)
        {
            DirectionSums s = DescentKernels.Direction(ws.Gradient[l], ws.InverseHessian[l], ws.Hessian[l], beta, ws.Direction[l]);
            slope += s.Slope;
            max = MathF.Max(max, s.MaxMagnitude);
            weighted += s.WeightedSquares;
            squares += s.Squares;
        }

        return new DirectionSums(slope, max, weighted, squares);
    }

    /// <summary>
    /// delta_l = d_l - W_(l+1) d_(l+1) and A·d less pi_l·delta_l (into Back, see the workspace), one visit of each
    /// weight block; returns dᵀAd = Σ (pi_o + p⁻) d_0² + Σ_l pi_l ||delta_l||² (delta_(L-1) = d_(L-1)).
    /// </summary>
    private static double Curvature(HierarchicalGenerativeModel model, BeliefUpdaterWorkspace ws)
    {
        int layers = ws.LayerCount;
        float[][] d = ws.Direction;
        TensorPrimitives.Multiply(ws.DataPrecision, d[0], ws.Back[0]);
        double curvature = TensorPrimitives.Dot(ws.Back[0], d[0]);
        for (int l = 1; l < layers; l++)
        {
            double squares = model.Layers[l].PredictionErrorAndMessage(d[l - 1], d[l], ws.Delta[l - 1], -ws.LayerPrecision[l - 1], ws.Back[l]);
            curvature += ws.LayerPrecision[l - 1] * squares;
        }

        curvature += ws.LayerPrecision[layers - 1] * (double)TensorPrimitives.SumOfSquares(d[layers - 1]);
        return curvature;
    }

    /// <summary>-H[q] for the Laplace posterior: ½ Σ ln(h / 2πe) (constant during the mean descent); keeps Σ ln h per layer.</summary>
    private static double LaplaceEntropyTerm(BeliefUpdaterWorkspace ws)
    {
        double log2PiE = Math.Log(2 * Math.PI * Math.E);
        double sum = 0;
        for (int l = 0; l < ws.LayerCount; l++)
        {
            ws.LogHessianSums[l] = SumOfLogs(ws.Hessian[l], ws.Scratch[l]);
            sum += ws.LogHessianSums[l] - (ws.Hessian[l].Length * log2PiE);
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
            if (!DescentKernels.AllFinite(ws.Mu[l]))
            {
                return false;
            }
        }

        return true;
    }

    private void Commit(HierarchicalBeliefs beliefs, BeliefUpdaterWorkspace ws, float pi0, float floor)
    {
        for (int l = 0; l < ws.LayerCount; l++)
        {
            ws.Mu[l].CopyTo(beliefs.Means[l], 0);
            beliefs.LayerErrors[l] = (float)(0.5 * ws.LayerPrecision[l] * TensorPrimitives.SumOfSquares(ws.Eps[l]) / ws.Eps[l].Length);
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
