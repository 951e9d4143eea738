using Actinf.Core.Inference;
using Actinf.Core.Kernels;
using Actinf.Core.Tests.Support;

namespace Actinf.Core.Tests.Inference;

public class MarginalMessagePassingTests
{
    private const double Tau = 0.25;

    /// <summary>
    /// Iterations and tolerance on max |q - exact|. With K = 1 and T = 1, cut = 0, so window step 0 gets no
    /// future message and each iteration is ln_eps(x) ← (1 - τ)·ln_eps(x) + τ·(ln_eps L + ln_eps D) + const: the
    /// log-error contracts by 1 - τ = 0.75 per iteration. Observed on 10 random cases: at most 0.2·0.75^n
    /// (1.4e-1 after 1, 5.5e-4 after 20, 1e-7 after 50, 6e-14 after 100, 4e-16 from 150 on); the tolerance
    /// 2·0.75^n + 1e-14 leaves a margin of 10.
    /// </summary>
    public static TheoryData<int, double> IterationTolerances()
    {
        var rows = new TheoryData<int, double>();
        foreach (int n in new[] { 1, 2, 5, 10, 20, 50, 100, 150 })
        {
            rows.Add(n, (2 * Math.Pow(1 - Tau, n)) + 1e-14);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(IterationTolerances))]
    public void Run_OneObservationOneStepPolicy_TendsToExactPosterior(int iterations, double tolerance)
    {
        for (int seed = 0; seed < 10; seed++)
        {
            var rng = new Random(seed);
            Window w = Window.OneFactor(rng, rng.Next(2, 7));

            double f = w.Run(iterations, out double[] qs);

            double[] exact = w.ExactPosterior();
            for (int j = 0; j < exact.Length; j++)
            {
                Assert.True(Math.Abs(qs[j] - exact[j]) <= tolerance, $"seed {seed}, {iterations} iterations, state {j}: {qs[j]:R} vs exact {exact[j]:R}");
            }

            Assert.True(double.IsFinite(f), $"seed {seed}: F = {f}");
        }
    }

    [Fact]
    public void Run_MoreIterations_ErrorNeverGrows()
    {
        for (int seed = 0; seed < 10; seed++)
        {
            var rng = new Random(seed);
            Window w = Window.OneFactor(rng, rng.Next(2, 7));
            double[] exact = w.ExactPosterior();
            double previous = double.PositiveInfinity;
            for (int n = 1; n <= 120; n++)
            {
                w.Run(n, out double[] qs);
                double error = exact.Select((e, j) => Math.Abs(qs[j] - e)).Max();

                Assert.True(error <= previous + 1e-15, $"seed {seed}: error rose from {previous:R} to {error:R} at {n} iterations");
                previous = error;
            }
        }
    }

    [Fact]
    public void Run_Converged_FreeEnergyIsHalfLogEvidence()
    {
        // At the fixed point, err at step 0 is the constant ln Σ_s L[s]·D[s] and at step 1 it is 0 (x1 = B·x0),
        // so F = Σ x·err/2 = ½ ln p(o): pymdp's F is half the log evidence here (observed to 2e-16).
        for (int seed = 0; seed < 10; seed++)
        {
            var rng = new Random(seed);
            Window w = Window.OneFactor(rng, rng.Next(2, 7));

            double f = w.Run(200, out _);

            Assert.Equal(0.5 * Math.Log(w.Evidence()), f, 1e-12);
        }
    }

    [Theory]
    [InlineData(20, 2e-2)]
    [InlineData(100, 1e-12)]
    public void Run_TwoFactorsFactorisedLikelihood_TendsToExactPosterior(int iterations, double tolerance)
    {
        // L[s0, s1] = l0[s0]·l1[s1]: the exact posterior factorises, and the mean-field update of each factor
        // sees ln l_f + const, so MMP converges to it as in the one-factor case.
        var rng = new Random(9);
        double[] l0 = [0.2, 0.9, 0.4];
        double[] l1 = [0.7, 0.1];
        double[] joint = [.. l0.SelectMany(a => l1.Select(b => a * b))];
        double[] d0 = RandomModels.Distribution(rng, 3);
        double[] d1 = RandomModels.Distribution(rng, 2);
        var w = new Window(new StateSpace([3, 2]), joint, [.. d0, .. d1], [RandomTransitions(rng, 3), RandomTransitions(rng, 2)]);

        double f = w.Run(iterations, out double[] qs);

        double[] exact = [.. Bayes(l0, d0), .. Bayes(l1, d1)];
        for (int j = 0; j < exact.Length; j++)
        {
            Assert.True(Math.Abs(qs[j] - exact[j]) <= tolerance, $"entry {j}: {qs[j]:R} vs {exact[j]:R}");
        }

        Assert.True(double.IsFinite(f));
    }

    [Theory]
    [MemberData(nameof(ExtremeDoubles.NonNegativeRows), MemberType = typeof(ExtremeDoubles))]
    public void Run_LikelihoodAndPriorWithZerosAndExtremes_FiniteFreeEnergyAndNormalisedBeliefs(double extreme)
    {
        // Impossible observation under the prior (L zero where D is positive), and one extreme likelihood entry.
        var rng = new Random(1);
        double[] l = [0, extreme, 0, 1];
        double[] d = [0.5, 0, 0.5, 0];
        var w = new Window(new StateSpace([4]), l, d, [RandomTransitions(rng, 4)]);

        foreach (int n in new[] { 1, 10, 50 })
        {
            double f = w.Run(n, out double[] qs);

            Assert.True(double.IsFinite(f), $"F = {f} after {n} iterations (L[1] = {extreme:R})");
            for (int k = 0; k < 2; k++)
            {
                double[] q = qs[(k * 4)..((k + 1) * 4)];
                Assert.All(q, v => Assert.True(double.IsFinite(v) && v >= 0));
                Assert.Equal(1.0, q.Sum(), 1e-12);
            }
        }
    }

    [Fact]
    public void TransposeNormalized_MatrixWithZeroRow_NormalisedTransposePlusEps()
    {
        var b = new LinearOperator(3, 3);
        double[] values = [0.5, 0, 1, 0.5, 1, 0, 0, 0, 0];
        values.CopyTo(b.Values, 0);
        b.Refresh();
        var bt = new LinearOperator(3, 3);

        MarginalMessagePassing.TransposeNormalized(b, bt);

        for (int j = 0; j < 3; j++)
        {
            double rowSum = (values[j * 3] + values[(j * 3) + 1] + values[(j * 3) + 2]) + 3e-16;
            double columnSum = 0;
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal((values[(j * 3) + i] + 1e-16) / rowSum, bt.Values[(i * 3) + j], 1e-15);
                columnSum += bt.Values[(i * 3) + j];
            }

            Assert.Equal(1.0, columnSum, 1e-15);
        }

        // Row 2 of B is all zero: its column in Bt is uniform (ε/3ε), not NaN.
        Assert.Equal(1.0 / 3, bt.Values[2], 1e-12);
    }

    private static LinearOperator RandomTransitions(Random rng, int n)
    {
        var b = new LinearOperator(n, n);
        RandomModels.Transitions(rng, n, 1, ColumnKind.Dense).ToArray().CopyTo(b.Values, 0);
        b.Refresh();
        return b;
    }

    private static double[] Bayes(double[] l, double[] d)
    {
        double[] logits = [.. l.Zip(d, (a, b) => Math.Log(a + 1e-16) + Math.Log(b + 1e-16))];
        double max = logits.Max();
        double[] e = [.. logits.Select(v => Math.Exp(v - max))];
        double z = e.Sum();
        return [.. e.Select(v => v / z)];
    }

    /// <summary>One observation (K = 1) and a one-step policy (T = 1): N = 2 window steps, cut = 0.</summary>
    private sealed class Window
    {
        private readonly StateSpace _space;
        private readonly double[] _likelihood;
        private readonly double[] _prior;
        private readonly LinearOperator[][] _b;
        private readonly LinearOperator[][] _bt;

        public Window(StateSpace space, double[] likelihood, double[] prior, LinearOperator[] transitions)
        {
            _space = space;
            _likelihood = likelihood;
            _prior = prior;
            _b = [.. transitions.Select(t => new[] { t })];
            _bt = new LinearOperator[transitions.Length][];
            for (int f = 0; f < transitions.Length; f++)
            {
                var bt = new LinearOperator(transitions[f].Rows, transitions[f].Columns);
                MarginalMessagePassing.TransposeNormalized(transitions[f], bt);
                _bt[f] = [bt];
            }
        }

        public static Window OneFactor(Random rng, int n)
        {
            double[] l = [.. Enumerable.Range(0, n).Select(_ => 0.05 + rng.NextDouble())];
            double[] d = RandomModels.Distribution(rng, n);
            return new Window(new StateSpace([n]), l, d, [RandomTransitions(rng, n)]);
        }

        /// <summary>Runs MMP; returns F and the window beliefs <c>[2, TotalSize]</c> (row 0 = now).</summary>
        public double Run(int iterations, out double[] qs)
        {
            int total = _space.TotalSize;
            qs = new double[2 * total];
            int[] policy = new int[_space.Factors];
            return MarginalMessagePassing.Run(
                _space, _likelihood, 1, _b, _bt, policy, _prior, iterations, Tau, length: 2, cut: 0, qs, new MarginalMessagePassing.Scratch(_space));
        }

        /// <summary>softmax(ln_eps L + ln_eps D) for one factor.</summary>
        public double[] ExactPosterior() => Bayes(_likelihood, _prior);

        public double Evidence() => _likelihood.Zip(_prior, (l, d) => l * d).Sum();
    }
}
