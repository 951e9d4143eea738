using Actinf.Core.Control;
using Actinf.Core.Kernels;
using Actinf.Core.Tests.Support;

namespace Actinf.Core.Tests.Control;

public class ExpectedFreeEnergyTests
{
    /// <summary>e^-16: spm_MDP_G's state threshold and log guard (spec §3.4).</summary>
    private static readonly double Eps16 = Math.Exp(-16);

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void StatesInformationGain_RandomMultiFactorMultiModality_MatchesBruteForceSpmMdpG(int seed)
    {
        var rng = new Random(seed);
        Problem p = Problem.Random(rng, (ColumnKind)(seed % 4));
        var efe = new ExpectedFreeEnergy(p.Space, p.NumObs, p.A, null, p.LogPreferences);
        Assert.True(efe.CachesJointOutcomes);

        for (int trial = 0; trial < 5; trial++)
        {
            double[] qx = p.RandomJointBelief(rng, sharp: trial % 2 == 1);

            double expected = BruteForceSpmMdpG(p, qx);
            double actual = efe.StatesInformationGain(qx);

            // Sums of O(1) terms in another order: 1e-12 relative to max(1, |G|).
            Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"seed {seed}: expected {expected:R}, got {actual:R}");
        }
    }

    [Fact]
    public void StatesInformationGain_TooLargeForJointOutcomeCache_MatchesBruteForceOnTheFly()
    {
        // 64 × 64 states × 33 × 33 joint outcomes = 4.46M > MaxCachedJointOutcomes (4M): po is rebuilt per state.
        var rng = new Random(11);
        var p = new Problem(rng, [64, 64], [33, 33], ColumnKind.Dense);
        Assert.True((long)p.Space.JointSize * 33 * 33 > ExpectedFreeEnergy.MaxCachedJointOutcomes);
        var efe = new ExpectedFreeEnergy(p.Space, p.NumObs, p.A, null, p.LogPreferences);
        double[] qx = p.RandomJointBelief(rng, sharp: true);

        double actual = efe.StatesInformationGain(qx);

        Assert.False(efe.CachesJointOutcomes);
        double expected = BruteForceSpmMdpG(p, qx);
        Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void StatesInformationGain_WithoutTermCache_EqualsCachedBitwise(int seed)
    {
        var rng = new Random(1000 + seed);
        Problem p = Problem.Random(rng, (ColumnKind)(seed % 4));
        var cached = new ExpectedFreeEnergy(p.Space, p.NumObs, p.A, null, p.LogPreferences);
        var uncached = new ExpectedFreeEnergy(p.Space, p.NumObs, p.A, null, p.LogPreferences, cacheTerms: false);
        double[] qx = p.RandomJointBelief(rng, sharp: false);

        Assert.False(uncached.CachesJointOutcomes);
        Assert.Equal(cached.StatesInformationGain(qx), uncached.StatesInformationGain(qx));
        Assert.Equal(cached.Utility(qx), uncached.Utility(qx));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Utility_RandomCases_EqualsSumOfPredictedOutcomesTimesLogSoftmaxC(int seed)
    {
        var rng = new Random(2000 + seed);
        Problem p = Problem.Random(rng, (ColumnKind)(seed % 4));
        var efe = new ExpectedFreeEnergy(p.Space, p.NumObs, p.A, null, p.LogPreferences);
        double[] qx = p.RandomJointBelief(rng, sharp: seed % 2 == 0);

        double actual = efe.Utility(qx);

        // Σ_m qo_m · ln_eps(softmax(C_m)), qo_m = A_m · q(s), from C directly.
        double expected = 0;
        for (int m = 0; m < p.NumObs.Length; m++)
        {
            double[] lnC = [.. ScalarSoftmax(p.C[m]).Select(v => Math.Log(v + 1e-16))];
            double[] qo = p.PredictedOutcomes(m, qx);
            for (int o = 0; o < qo.Length; o++)
            {
                expected += qo[o] * lnC[o];
            }
        }

        Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(5, 4)]
    [InlineData(6, 2)]
    public void StatesInformationGain_IdenticalColumns_ZeroUpToEpsilonTerms(int states, int outcomes)
    {
        // With po the same for every state, qo = po and G = Σ_o po_o·(ln(po_o + e^-16) - ln(po_o + 1e-16)):
        // the two epsilons leave 0 ≤ G ≤ No·e^-16 ≈ No·1.1e-7 instead of exactly 0.
        var rng = new Random(states * outcomes);
        double[] column = RandomModels.Distribution(rng, outcomes);
        var a = new double[outcomes * states];
        for (int o = 0; o < outcomes; o++)
        {
            for (int s = 0; s < states; s++)
            {
                a[(o * states) + s] = column[o];
            }
        }

        var efe = new ExpectedFreeEnergy(new StateSpace([states]), [outcomes], [a], null, new double[outcomes]);
        double[] q = RandomModels.Distribution(rng, states);

        double g = efe.StatesInformationGain(q);

        Assert.InRange(g, -1e-15, (outcomes * Eps16) + 1e-15);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(6)]
    public void StatesInformationGain_IdentityLikelihood_EqualsEntropyOfBelief(int n)
    {
        var rng = new Random(n);
        var a = new double[n * n];
        for (int s = 0; s < n; s++)
        {
            a[(s * n) + s] = 1.0;
        }

        var efe = new ExpectedFreeEnergy(new StateSpace([n]), [n], [a], null, new double[n]);
        double[] q = RandomModels.Distribution(rng, n);

        double g = efe.StatesInformationGain(q);

        // po_s = e_s, so G = Σ_s q_s·ln(1 + e^-16) - Σ_s q_s·ln(q_s + 1e-16) exactly (to rounding, 1e-14), and the
        // entropy -Σ q ln q within e^-16 + n·1e-16 ≈ 1.2e-7 (every q_s here is above the e^-16 threshold).
        double entropy = -q.Sum(v => v * Math.Log(v));
        double entropyWithEpsilons = Math.Log(1 + Eps16) - q.Sum(v => v * Math.Log(v + 1e-16));
        Assert.Equal(entropyWithEpsilons, g, 1e-14);
        Assert.Equal(entropy, g, Eps16 + (n * 1e-16));
    }

    [Theory]
    [InlineData(1e-7, true)]
    [InlineData(1.1253517471925912e-7, true)]
    [InlineData(1.2e-7, false)]
    public void StatesInformationGain_StateAtOrBelowExpMinus16_IsSkipped(double small, bool skipped)
    {
        // e^-16 = 1.1253517471925912e-7; the comparison is strict, so q = e^-16 itself is skipped.
        var efe = new ExpectedFreeEnergy(new StateSpace([2]), [2], [[1, 0, 0, 1]], null, new double[2]);
        double[] q = [1 - small, small];

        double g = efe.StatesInformationGain(q);

        double kept = 1 - small;
        double expectedSkipped = (kept * Math.Log(1 + Eps16)) - (kept * Math.Log(kept + 1e-16));
        double expectedKept = Math.Log(1 + Eps16) - q.Sum(v => v * Math.Log(v + 1e-16));
        Assert.Equal(skipped ? expectedSkipped : expectedKept, g, 1e-15);
        Assert.True(Math.Abs(expectedSkipped - expectedKept) > 1e-7, "The two readings differ well above the tolerance.");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void LikelihoodNovelty_RandomCases_MatchesSpecFormula(int seed)
    {
        var rng = new Random(3000 + seed);
        Problem p = Problem.Random(rng, (ColumnKind)(seed % 4));
        double[][] pA = [.. p.A.Select(a => a.Select(v => v > 0 ? v * (0.5 + (10 * rng.NextDouble())) : 0.0).ToArray())];
        var efe = new ExpectedFreeEnergy(p.Space, p.NumObs, p.A, pA, p.LogPreferences);
        double[] qx = p.RandomJointBelief(rng, sharp: false);
        int s = p.Space.JointSize;

        for (int m = 0; m < p.NumObs.Length; m++)
        {
            double actual = efe.LikelihoodNovelty(m, qx);

            // -qo_m · (WA_m · q), WA = (1/Σ_o(pA + ε) - 1/(pA + ε))·(pA > 0).
            int no = p.NumObs[m];
            double[] qo = p.PredictedOutcomes(m, qx);
            double expected = 0;
            for (int o = 0; o < no; o++)
            {
                double wq = 0;
                for (int st = 0; st < s; st++)
                {
                    double colSum = 0;
                    for (int o2 = 0; o2 < no; o2++)
                    {
                        colSum += pA[m][(o2 * s) + st] + 1e-16;
                    }

                    double pa = pA[m][(o * s) + st];
                    double w = pa > 0 ? (1 / colSum) - (1 / (pa + 1e-16)) : 0.0;
                    wq += w * qx[st];
                }

                expected -= qo[o] * wq;
            }

            Assert.True(expected >= 0, "pA novelty is non-negative (weights are ≤ 0).");
            Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"seed {seed}, modality {m}: expected {expected:R}, got {actual:R}");
        }
    }

    [Fact]
    public void Refresh_AfterLikelihoodChanges_UsesNewLikelihood()
    {
        var rng = new Random(5);
        Problem p = Problem.Random(rng, ColumnKind.Dense);
        var efe = new ExpectedFreeEnergy(p.Space, p.NumObs, p.A, null, p.LogPreferences);
        double[] qx = p.RandomJointBelief(rng, sharp: false);
        double before = efe.StatesInformationGain(qx);

        // Make modality 0 uninformative in place (as learning does), then refresh.
        int s = p.Space.JointSize;
        int no = p.NumObs[0];
        for (int o = 0; o < no; o++)
        {
            for (int st = 0; st < s; st++)
            {
                p.A[0][(o * s) + st] = 1.0 / no;
            }
        }

        efe.Refresh();
        double after = efe.StatesInformationGain(qx);

        Assert.NotEqual(before, after);
        Assert.Equal(BruteForceSpmMdpG(p, qx), after, 1e-12);
        Assert.Equal(new ExpectedFreeEnergy(p.Space, p.NumObs, p.A, null, p.LogPreferences).Utility(qx), efe.Utility(qx));
    }

    /// <summary>spm_MDP_G written from spec §3.4, on the joint belief: no caches, no shared code with the engine.</summary>
    private static double BruteForceSpmMdpG(Problem p, double[] qx)
    {
        int states = p.Space.JointSize;
        int joint = p.NumObs.Aggregate(1, (x, y) => x * y);
        var qo = new double[joint];
        var po = new double[joint];
        var index = new int[p.NumObs.Length];
        double g = 0;
        for (int s = 0; s < states; s++)
        {
            if (!(qx[s] > Eps16))
            {
                continue;
            }

            for (int j = 0; j < joint; j++)
            {
                // Decode j row-major over modalities (modality 0 slowest).
                int rest = j;
                for (int m = p.NumObs.Length - 1; m >= 0; m--)
                {
                    index[m] = rest % p.NumObs[m];
                    rest /= p.NumObs[m];
                }

                double v = 1;
                for (int m = 0; m < index.Length; m++)
                {
                    v *= p.A[m][(index[m] * states) + s];
                }

                po[j] = v;
            }

            double negEntropy = 0;
            for (int j = 0; j < joint; j++)
            {
                qo[j] += qx[s] * po[j];
                negEntropy += po[j] * Math.Log(po[j] + Eps16);
            }

            g += qx[s] * negEntropy;
        }

        double cross = 0;
        for (int j = 0; j < joint; j++)
        {
            cross += qo[j] * Math.Log(qo[j] + 1e-16);
        }

        return g - cross;
    }

    private static double[] ScalarSoftmax(double[] x)
    {
        double max = x.Max();
        double[] e = [.. x.Select(v => Math.Exp(v - max))];
        double sum = e.Sum();
        return [.. e.Select(v => v / sum)];
    }

    /// <summary>A random likelihood over a random state space, with C and ln_eps(softmax(C)).</summary>
    private sealed class Problem
    {
        public Problem(Random rng, int[] states, int[] outcomes, ColumnKind kind)
        {
            Space = new StateSpace(states);
            NumObs = outcomes;
            A = [.. outcomes.Select(no => RandomModels.Likelihood(rng, no, states, kind).ToArray())];
            C = [.. outcomes.Select(no => RandomModels.Preferences(rng, no))];
            var ln = new List<double>();
            foreach (double[] c in C)
            {
                ln.AddRange(ScalarSoftmax(c).Select(v => Math.Log(v + 1e-16)));
            }

            LogPreferences = [.. ln];
        }

        public StateSpace Space { get; }

        public int[] NumObs { get; }

        public double[][] A { get; }

        public double[][] C { get; }

        public double[] LogPreferences { get; }

        public static Problem Random(Random rng, ColumnKind kind)
        {
            int[] states = [.. Enumerable.Range(0, rng.Next(1, 4)).Select(_ => rng.Next(2, 6))];
            int[] outcomes = [.. Enumerable.Range(0, rng.Next(1, 4)).Select(_ => rng.Next(2, 6))];
            return new Problem(rng, states, outcomes, kind);
        }

        /// <summary>outer(q_0, …, q_F-1) for random factor beliefs; sharp beliefs put most entries below e^-16.</summary>
        public double[] RandomJointBelief(Random rng, bool sharp)
        {
            var flat = new List<double>();
            foreach (int n in Space.Sizes)
            {
                double[] q = RandomModels.Distribution(rng, n);
                if (sharp)
                {
                    double[] logits = [.. q.Select(_ => -40 * rng.NextDouble())];
                    logits[rng.Next(n)] = 0;
                    q = ScalarSoftmax(logits);
                }

                flat.AddRange(q);
            }

            int[] sizes = Space.Sizes;
            var joint = new double[Space.JointSize];
            for (int s = 0; s < joint.Length; s++)
            {
                int rest = s;
                double v = 1;
                int offset = Space.TotalSize;
                for (int f = sizes.Length - 1; f >= 0; f--)
                {
                    offset -= sizes[f];
                    v *= flat[offset + (rest % sizes[f])];
                    rest /= sizes[f];
                }

                joint[s] = v;
            }

            return joint;
        }

        public double[] PredictedOutcomes(int m, double[] qx)
        {
            int s = Space.JointSize;
            var qo = new double[NumObs[m]];
            for (int o = 0; o < qo.Length; o++)
            {
                for (int st = 0; st < s; st++)
                {
                    qo[o] += A[m][(o * s) + st] * qx[st];
                }
            }

            return qo;
        }
    }
}
