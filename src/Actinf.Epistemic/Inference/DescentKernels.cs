using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Actinf.Epistemic.Inference;

/// <summary>
/// The O(d) passes of one descent iteration of <see cref="BeliefUpdater"/>, each fused into one loop per layer
/// (issue #4: five to seven TensorPrimitives passes per layer and iteration became two).
/// </summary>
/// <remarks>
/// Vectorised with <see cref="Vector{T}"/> and a scalar tail; sums are accumulated in float lanes and returned
/// in double, like <c>TensorPrimitives.Dot</c> per layer. <see cref="Vector.MultiplyAddEstimate(Vector{float}, Vector{float}, Vector{float})"/>
/// fuses where the hardware has FMA, so results can differ from the scalar twins in the tests by float rounding.
/// NaN and infinity propagate into the sums (the updater's finiteness check catches them).
/// </remarks>
internal static class DescentKernels
{
    /// <summary>
    /// d = beta·d − g·invH (the capped conjugate direction; with beta = 0, d = −g·invH and the old d is not read),
    /// and the sums the line search and the convergence test need.
    /// </summary>
    /// <param name="gradient">g.</param>
    /// <param name="inverseHessian">1/h, the diagonal preconditioner.</param>
    /// <param name="hessian">h (for the KL of the step).</param>
    /// <param name="beta">Momentum coefficient.</param>
    /// <param name="direction">d, updated in place.</param>
    /// <returns>Σ g·d, max |d|, Σ h·d², Σ d² of the new direction.</returns>
    public static DirectionSums Direction(ReadOnlySpan<float> gradient, ReadOnlySpan<float> inverseHessian, ReadOnlySpan<float> hessian, float beta, Span<float> direction)
    {
        int n = direction.Length;
        if (gradient.Length != n || inverseHessian.Length != n || hessian.Length != n)
        {
            throw new ArgumentException("All spans must have the length of the direction.", nameof(direction));
        }

        ref float gr = ref MemoryMarshal.GetReference(gradient);
        ref float ir = ref MemoryMarshal.GetReference(inverseHessian);
        ref float hr = ref MemoryMarshal.GetReference(hessian);
        ref float dr = ref MemoryMarshal.GetReference(direction);
        int width = Vector<float>.Count;
        var betaV = new Vector<float>(beta);
        bool momentum = beta != 0f;
        Vector<float> slope = Vector<float>.Zero, max = Vector<float>.Zero, curvature = Vector<float>.Zero, squares = Vector<float>.Zero;
        int i = 0;
        for (; i + width <= n; i += width)
        {
            Vector<float> g = Vector.LoadUnsafe(ref gr, (nuint)i);
            Vector<float> z = g * Vector.LoadUnsafe(ref ir, (nuint)i);
            Vector<float> d = momentum ? (Vector.LoadUnsafe(ref dr, (nuint)i) * betaV) - z : -z;
            d.StoreUnsafe(ref dr, (nuint)i);
            slope = Vector.MultiplyAddEstimate(g, d, slope);
            max = Vector.Max(max, Vector.Abs(d));
            Vector<float> dd = d * d;
            curvature = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref hr, (nuint)i), dd, curvature);
            squares += dd;
        }

        float s = Vector.Sum(slope), m = 0f, c = Vector.Sum(curvature), q = Vector.Sum(squares);
        for (int k = 0; k < width; k++)
        {
            m = MathF.Max(m, max[k]);
        }

        for (; i < n; i++)
        {
            float g = Unsafe.Add(ref gr, i);
            float z = g * Unsafe.Add(ref ir, i);
            float d = momentum ? (Unsafe.Add(ref dr, i) * beta) - z : -z;
            Unsafe.Add(ref dr, i) = d;
            s += g * d;
            m = MathF.Max(m, MathF.Abs(d));
            c += Unsafe.Add(ref hr, i) * d * d;
            q += d * d;
        }

        return new DirectionSums(s, m, c, q);
    }

    /// <summary>
    /// The step of length t along d: mu += t·d, eps += t·delta, g += t·(pi·delta + back) (the gradient is affine in mu,
    /// so its change is t·A·d with A·d = pi·delta + back); returns Σ g²/h of the new gradient (the next g·z).
    /// </summary>
    /// <param name="t">Step length.</param>
    /// <param name="direction">d.</param>
    /// <param name="delta">The change of the prediction error per unit step (delta_l = d_l − W d_(l+1)).</param>
    /// <param name="back">The rest of A·d: −pi_(l−1) W_lᵀ delta_(l−1) for l ≥ 1, (pi_o + p⁻)·d_0 for layer 0.</param>
    /// <param name="precision">pi_l.</param>
    /// <param name="inverseHessian">1/h.</param>
    /// <param name="mean">mu, updated in place.</param>
    /// <param name="error">eps, updated in place.</param>
    /// <param name="gradient">g, updated in place.</param>
    /// <returns>Σ g²/h after the step.</returns>
    public static double Step(
        float t,
        ReadOnlySpan<float> direction,
        ReadOnlySpan<float> delta,
        ReadOnlySpan<float> back,
        float precision,
        ReadOnlySpan<float> inverseHessian,
        Span<float> mean,
        Span<float> error,
        Span<float> gradient)
    {
        int n = direction.Length;
        if (delta.Length != n || back.Length != n || inverseHessian.Length != n || mean.Length != n || error.Length != n || gradient.Length != n)
        {
            throw new ArgumentException("All spans must have the length of the direction.", nameof(direction));
        }

        ref float dr = ref MemoryMarshal.GetReference(direction);
        ref float xr = ref MemoryMarshal.GetReference(delta);
        ref float br = ref MemoryMarshal.GetReference(back);
        ref float ir = ref MemoryMarshal.GetReference(inverseHessian);
        ref float mr = ref MemoryMarshal.GetReference(mean);
        ref float er = ref MemoryMarshal.GetReference(error);
        ref float gr = ref MemoryMarshal.GetReference(gradient);
        int width = Vector<float>.Count;
        var tV = new Vector<float>(t);
        var piV = new Vector<float>(precision);
        Vector<float> gz = Vector<float>.Zero;
        int i = 0;
        for (; i + width <= n; i += width)
        {
            Vector<float> x = Vector.LoadUnsafe(ref xr, (nuint)i);
            Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref dr, (nuint)i), tV, Vector.LoadUnsafe(ref mr, (nuint)i)).StoreUnsafe(ref mr, (nuint)i);
            Vector.MultiplyAddEstimate(x, tV, Vector.LoadUnsafe(ref er, (nuint)i)).StoreUnsafe(ref er, (nuint)i);
            Vector<float> ad = Vector.MultiplyAddEstimate(x, piV, Vector.LoadUnsafe(ref br, (nuint)i));
            Vector<float> g = Vector.MultiplyAddEstimate(ad, tV, Vector.LoadUnsafe(ref gr, (nuint)i));
            g.StoreUnsafe(ref gr, (nuint)i);
            gz = Vector.MultiplyAddEstimate(g * g, Vector.LoadUnsafe(ref ir, (nuint)i), gz);
        }

        float sum = Vector.Sum(gz);
        for (; i < n; i++)
        {
            float x = Unsafe.Add(ref xr, i);
            Unsafe.Add(ref mr, i) += Unsafe.Add(ref dr, i) * t;
            Unsafe.Add(ref er, i) += x * t;
            float g = Unsafe.Add(ref gr, i) + (((x * precision) + Unsafe.Add(ref br, i)) * t);
            Unsafe.Add(ref gr, i) = g;
            sum += g * g * Unsafe.Add(ref ir, i);
        }

        return sum;
    }

    /// <summary>Σ g_i²·invH_i (g·z with z = g/h).</summary>
    /// <param name="gradient">g.</param>
    /// <param name="inverseHessian">1/h.</param>
    /// <returns>The sum.</returns>
    public static double PreconditionedSquares(ReadOnlySpan<float> gradient, ReadOnlySpan<float> inverseHessian)
    {
        int n = gradient.Length;
        if (inverseHessian.Length != n)
        {
            throw new ArgumentException("The spans must have the same length.", nameof(inverseHessian));
        }

        ref float gr = ref MemoryMarshal.GetReference(gradient);
        ref float ir = ref MemoryMarshal.GetReference(inverseHessian);
        int width = Vector<float>.Count;
        Vector<float> acc = Vector<float>.Zero;
        int i = 0;
        for (; i + width <= n; i += width)
        {
            Vector<float> g = Vector.LoadUnsafe(ref gr, (nuint)i);
            acc = Vector.MultiplyAddEstimate(g * g, Vector.LoadUnsafe(ref ir, (nuint)i), acc);
        }

        float sum = Vector.Sum(acc);
        for (; i < n; i++)
        {
            float g = Unsafe.Add(ref gr, i);
            sum += g * g * Unsafe.Add(ref ir, i);
        }

        return sum;
    }

    /// <summary>True when every value is finite (no NaN, no ±∞).</summary>
    /// <param name="x">The values.</param>
    /// <returns>Whether all are finite.</returns>
    /// <remarks>x − x is 0 for a finite x and NaN otherwise, so one vector sum decides without a branch per element.</remarks>
    public static bool AllFinite(ReadOnlySpan<float> x)
    {
        ref float xr = ref MemoryMarshal.GetReference(x);
        int width = Vector<float>.Count;
        Vector<float> acc = Vector<float>.Zero;
        int i = 0;
        for (; i + width <= x.Length; i += width)
        {
            Vector<float> v = Vector.LoadUnsafe(ref xr, (nuint)i);
            acc += v - v;
        }

        bool finite = Vector.EqualsAll(acc, Vector<float>.Zero);
        for (; i < x.Length; i++)
        {
            finite &= float.IsFinite(Unsafe.Add(ref xr, i));
        }

        return finite;
    }
}

/// <summary>Sums of one <see cref="DescentKernels.Direction"/> pass.</summary>
/// <param name="Slope">Σ g·d (negative for a descent direction).</param>
/// <param name="MaxMagnitude">max |d|.</param>
/// <param name="WeightedSquares">Σ h·d².</param>
/// <param name="Squares">Σ d².</param>
internal readonly record struct DirectionSums(double Slope, float MaxMagnitude, double WeightedSquares, double Squares);
