using Actinf.Core.Inference;
using Actinf.Core.Kernels;
using Actinf.Core.Tests.Support;

namespace Actinf.Core.Tests.Inference;

public class FixedPointIterationTests
{
    /// <summary>dF_tol that never stops the loop: exactly numIter iterations run.</summary>
    private const double NeverStop = -1.0;

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 25)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Run_EachIterationCount_MatchesSpecTwin(int seed)
    {
        var rng = new Random(seed);
        int[] sizes = [.. Enumerable.Range(0, rng.Next(2, 4)).Select(_ => rng.Next(2, 6))];
        Case c = Case.Random(rng, sizes, (ColumnKind)(seed % 4), contrast: 0);

        for (int k = 1; k <= 10; k++)
        {
            double[] actual = c.Run(k, NeverStop, out int done);

            double[] expected = c.SpecTwin(k);
            Assert.Equal(k, done);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-12, $"seed {seed}, k {k}, entry {i}: expected {expected[i]:R}, got {actual[i]:R}");
            }
        }
    }

    [Fact]
    public void Run_WellPosedTwoAndThreeFactorCases_FreeEnergyNeverIncreases()
    {
        // Well-posed: every likelihood entry within a factor of 10 of the others in its column (weak coupling
        // between factors). Parallel (Jacobi) updates are not guaranteed to descend in general — see
        // Run_EqualityLikelihoodConflictingPriors_ParallelUpdatesOscillate — but on 5000 such cases none ever
        // increased F (with contrast 20, 2 in 5000 did).
        for (int seed = 0; seed < 1000; seed++)
        {
            var rng = new Random(seed);
            int[] sizes = [.. Enumerable.Range(0, 2 + (seed % 2)).Select(_ => rng.Next(2, 6))];
            Case c = Case.Random(rng, sizes, ColumnKind.Dense, contrast: 9);
            double previous = c.FreeEnergy(c.Uniform());
            for (int k = 1; k <= 10; k++)
            {
                double f = c.FreeEnergy(c.Run(k, NeverStop, out _));

                Assert.True(f <= previous + 1e-12, $"seed {seed}: F went from {previous:R} to {f:R} at iteration {k}");
                previous = f;
            }
        }
    }

    [Fact]
    public void Run_EqualityLikelihoodConflictingPriors_ParallelUpdatesOscillate()
    {
        // L[s0, s1] = 1 if s0 = s1 else 0, priors [0.9, 0.1] and [0.1, 0.9]. From uniform, iteration 1 sets each
        // factor to its prior; iteration 2 moves each towards the *other's* old belief, so they swap, and keep
        // swapping. This is pymdp's run_vanilla_fpi (spec §3.2, §5: factors update in parallel), not an engine bug:
        // the result still equals the spec twin, and F goes up.
        var space = new StateSpace([2, 2]);
        double[] l = [1, 0, 0, 1];
        var c = new Case(space, [.. l.Select(LogDomain.LogStable)], [.. new[] { 0.9, 0.1, 0.1, 0.9 }.Select(LogDomain.LogStable)]);

        double[] q1 = c.Run(1, NeverStop, out _);
        double[] q2 = c.Run(2, NeverStop, out _);
        double[] q3 = c.Run(3, NeverStop, out _);

        Assert.Equal(c.SpecTwin(2), q2, new ToleranceComparer(1e-12));
        Assert.True(q2[0] < 0.01 && q2[3] < 0.01, "After iteration 2 each factor believes the other's prior.");
        Assert.True(q3[0] > 0.99 && q3[3] > 0.99, "After iteration 3 they swap back.");
        Assert.True(c.FreeEnergy(q2) > c.FreeEnergy(q1));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Run_AfterConvergence_OneMoreIterationChangesNothing(int seed)
    {
        var rng = new Random(100 + seed);
        int[] sizes = [rng.Next(2, 6), rng.Next(2, 6)];
        Case c = Case.Random(rng, sizes, ColumnKind.Dense, contrast: 9);

        // Converged: stop once F changes by less than 1e-13 nats.
        double[] converged = c.Run(500, 1e-13, out int done);
        double[] oneMore = c.Run(done + 1, NeverStop, out _);

        Assert.True(done < 500, $"seed {seed} did not converge");
        for (int i = 0; i < converged.Length; i++)
        {
            Assert.True(Math.Abs(oneMore[i] - converged[i]) <= 1e-6, $"seed {seed}, entry {i}: {converged[i]:R} → {oneMore[i]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Run_DefaultTolerance_StopsAtFirstFreeEnergyChangeBelowTolerance(int seed)
    {
        // The agent's defaults: at most 10 iterations, stop once |ΔF| < 0.001. The first "previous" F is that
        // of the uniform start without the likelihood term (spec §3.2: prev = VFE(qs)).
        var rng = new Random(200 + seed);
        Case c = Case.Random(rng, [rng.Next(2, 6), rng.Next(2, 6)], (ColumnKind)(seed % 4), contrast: 0);

        c.Run(10, 0.001, out int done);

        double previous = c.FreeEnergy(c.Uniform(), withAccuracy: false);
        for (int k = 1; k <= done; k++)
        {
            double f = c.FreeEnergy(c.Run(k, NeverStop, out _));
            double change = Math.Abs(previous - f);
            if (k < done)
            {
                Assert.True(change >= 0.001 - 1e-12, $"seed {seed}: stopped late, |ΔF| = {change:R} at iteration {k} of {done}");
            }
            else
            {
                Assert.True(done == 10 || change < 0.001 + 1e-12, $"seed {seed}: stopped at {done} with |ΔF| = {change:R}");
            }

            previous = f;
        }
    }

    [Fact]
    public void Run_OneFactor_IsBayesRuleInOneIteration()
    {
        var space = new StateSpace([4]);
        double[] lnL = [.. new[] { 0.1, 0.4, 0.0, 0.5 }.Select(LogDomain.LogStable)];
        double[] lnP = [.. new[] { 0.25, 0.25, 0.25, 0.25 }.Select(LogDomain.LogStable)];
        var c = new Case(space, lnL, lnP);

        double[] q = c.Run(10, 0.001, out int done);

        Assert.Equal(1, done);
        double[] expected = [0.1, 0.4, 1e-16, 0.5];
        double z = expected.Sum();
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal((expected[i] + (i == 2 ? 0 : 1e-16)) / z, q[i], 1e-15);
        }
    }

    [Fact]
    public void Run_InitialChangeBelowTolerance_RunsNoIterationAndLeavesUniform()
    {
        var rng = new Random(3);
        Case c = Case.Random(rng, [2, 3], ColumnKind.Dense, contrast: 9);

        double[] q = c.Run(10, 1.0, out int done, initialChange: 0.0001);

        Assert.Equal(0, done);
        Assert.Equal(c.Uniform(), q);
    }

    [Fact]
    public void FreeEnergyWithoutAccuracy_TwoFactors_MatchesFormula()
    {
        var space = new StateSpace([2, 3]);
        double[] qs = [0.3, 0.7, 0.2, 0.5, 0.3];
        double[] lp = [.. new[] { 0.5, 0.5, 0.1, 0.1, 0.8 }.Select(LogDomain.LogStable)];

        double f = FixedPointIteration.FreeEnergyWithoutAccuracy(space, qs, lp, new double[3]);

        double expected = 0;
        for (int i = 0; i < qs.Length; i++)
        {
            expected += qs[i] * (Math.Log(qs[i] + 1e-16) - lp[i]);
        }

        Assert.Equal(expected, f, 1e-14);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }

    /// <summary>One FPI problem: ln_eps of a joint likelihood and of a factorised prior.</summary>
    private sealed class Case(StateSpace space, double[] logLikelihood, double[] logPrior)
    {
        public StateSpace Space { get; } = space;

        /// <summary>
        /// Random joint likelihood of 1–2 modalities. contrast 0: columns of the given kind; otherwise every
        /// column is normalize(1 + contrast·U(0, 1)) (entries within a factor 1 + contrast of each other).
        /// </summary>
        public static Case Random(Random rng, int[] sizes, ColumnKind kind, double contrast)
        {
            var space = new StateSpace(sizes);
            int s = space.JointSize;
            var l = new double[s];
            Array.Fill(l, 1.0);
            int modalities = rng.Next(1, 3);
            for (int m = 0; m < modalities; m++)
            {
                int no = rng.Next(2, 5);
                double[] a = contrast > 0 ? Contrast(rng, no, s, contrast) : RandomModels.Likelihood(rng, no, sizes, kind).ToArray();
                int o = rng.Next(no);
                for (int j = 0; j < s; j++)
                {
                    l[j] *= a[(o * s) + j];
                }
            }

            var lp = new List<double>();
            foreach (int n in sizes)
            {
                lp.AddRange(RandomModels.Distribution(rng, n).Select(v => Math.Log(v + 1e-16)));
            }

            return new Case(space, [.. l.Select(v => Math.Log(v + 1e-16))], [.. lp]);
        }

        public double[] Uniform()
        {
            var q = new double[Space.TotalSize];
            for (int f = 0; f < Space.Factors; f++)
            {
                Space.Factor(q.AsSpan(), f).Fill(1.0 / Space.Sizes[f]);
            }

            return q;
        }

        public double[] Run(int numIter, double dFTol, out int done, double initialChange = 1.0)
        {
            var q = new double[Space.TotalSize];
            done = FixedPointIteration.Run(Space, logLikelihood, logPrior, q, numIter, initialChange, dFTol, new double[Space.JointSize], new double[Space.Sizes.Max()]);
            return q;
        }

        /// <summary>F = Σ_f q_f·(ln_eps q_f - ln p_f) - Σ_s lnL[s]·Π_f q_f[s_f] (spec §3.2, calc_free_energy).</summary>
        public double FreeEnergy(double[] q, bool withAccuracy = true)
        {
            double fe = 0;
            for (int i = 0; i < q.Length; i++)
            {
                fe += q[i] * (Math.Log(q[i] + 1e-16) - logPrior[i]);
            }

            for (int s = 0; withAccuracy && s < Space.JointSize; s++)
            {
                fe -= logLikelihood[s] * JointWeight(q, s, skip: -1);
            }

            return fe;
        }

        /// <summary>Spec §3.2 written directly: k parallel updates from uniform, qL_f[j] = Σ_{s: s_f = j} lnL[s] Π_{g≠f} q_g[s_g].</summary>
        public double[] SpecTwin(int iterations)
        {
            double[] q = Uniform();
            for (int k = 0; k < iterations; k++)
            {
                var next = new double[q.Length];
                for (int f = 0; f < Space.Factors; f++)
                {
                    int n = Space.Sizes[f];
                    var logits = new double[n];
                    for (int s = 0; s < Space.JointSize; s++)
                    {
                        int j = (s / Space.Strides[f]) % n;
                        logits[j] += logLikelihood[s] * JointWeight(q, s, skip: f);
                    }

                    double max = double.NegativeInfinity;
                    for (int j = 0; j < n; j++)
                    {
                        logits[j] += logPrior[Space.Offsets[f] + j];
                        max = Math.Max(max, logits[j]);
                    }

                    double sum = 0;
                    for (int j = 0; j < n; j++)
                    {
                        logits[j] = Math.Exp(logits[j] - max);
                        sum += logits[j];
                    }

                    for (int j = 0; j < n; j++)
                    {
                        next[Space.Offsets[f] + j] = logits[j] / sum;
                    }
                }

                q = next;
            }

            return q;
        }

        private double JointWeight(double[] q, int s, int skip)
        {
            double v = 1;
            for (int f = 0; f < Space.Factors; f++)
            {
                if (f != skip)
                {
                    v *= q[Space.Offsets[f] + ((s / Space.Strides[f]) % Space.Sizes[f])];
                }
            }

            return v;
        }

        private static double[] Contrast(Random rng, int no, int s, double contrast)
        {
            var a = new double[no * s];
            for (int j = 0; j < s; j++)
            {
                double sum = 0;
                for (int o = 0; o < no; o++)
                {
                    a[(o * s) + j] = 1 + (contrast * rng.NextDouble());
                    sum += a[(o * s) + j];
                }

                for (int o = 0; o < no; o++)
                {
                    a[(o * s) + j] /= sum;
                }
            }

            return a;
        }
    }
}
