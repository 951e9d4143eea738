using Actinf.Epistemic.Beliefs;
using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Errors;
using Actinf.Epistemic.Inference;
using Actinf.Epistemic.Model;
using Actinf.Epistemic.Tests.Support;

namespace Actinf.Epistemic.Tests.Inference;

public class BeliefUpdaterTests
{
    private static readonly TimeSpan NoLimit = TimeSpan.FromMinutes(1);

    [Fact]
    public void Update_TopicSequenceDefaultModel_ConvergesWithinTenIterations()
    {
        var options = new GenerativeModelOptions();
        using var model = new HierarchicalGenerativeModel(options);
        using var updater = new BeliefUpdater(new BeliefUpdaterOptions());
        var beliefs = new HierarchicalBeliefs(options.LayerDimensions, 1f);
        float[] topic = TestVectors.Gaussian(1536, 1);
        for (int n = 0; n < 5; n++)
        {
            BeliefUpdateResult r = updater.Update(beliefs, TestVectors.Near(topic, 100 + n, 0.3f), model, 1f, NoLimit, TimeProvider.System);
            Assert.True(r.Converged, $"observation {n}: {r}");
            Assert.InRange(r.Iterations, 1, 10);
        }
    }

    [Fact]
    public void Update_EveryIteration_FreeEnergyDoesNotRise()
    {
        var options = new GenerativeModelOptions();
        using var model = new HierarchicalGenerativeModel(options);
        using var updater = new BeliefUpdater(new BeliefUpdaterOptions { ConvergenceThreshold = 1e-9f, MaxIterations = 30 });
        var beliefs = new HierarchicalBeliefs(options.LayerDimensions, 1f);
        var trace = new BeliefUpdateTrace(30);
        for (int n = 0; n < 4; n++)
        {
            BeliefUpdateResult r = updater.Update(beliefs, TestVectors.Gaussian(1536, 10 + n), model, 1f, NoLimit, TimeProvider.System, trace);
            float previous = r.InitialFreeEnergy;
            foreach (IterationMetrics it in trace.Iterations)
            {
                Assert.True(it.FreeEnergy <= previous + (1e-5f * Math.Abs(previous)), $"iteration {it.Iteration}: {it.FreeEnergy} > {previous}");
                Assert.True(it.KlDelta >= 0);
                previous = it.FreeEnergy;
            }

            Assert.True(r.FinalFreeEnergy <= r.InitialFreeEnergy);
        }
    }

    [Fact]
    public void Update_SmallDenseHierarchy_ReachesExactMinimiser()
    {
        var options = new GenerativeModelOptions { LayerDimensions = [6, 3], LayerPrecisions = [1f, 0.5f], ConnectionGroups = 1, LearnWeights = false };
        using var model = new HierarchicalGenerativeModel(options);
        using var updater = new BeliefUpdater(new BeliefUpdaterOptions { ConvergenceThreshold = 1e-12f, MaxIterations = 60 });
        var beliefs = new HierarchicalBeliefs(options.LayerDimensions, 1f);
        float[] o = TestVectors.Gaussian(6, 5);
        updater.Update(beliefs, o, model, 1f, NoLimit, TimeProvider.System);

        // First observation: pi_o = 1 (error variance 1), no sequential prior. Solve the normal equations
        // (pi_o + pi_0) mu0 - pi_0 W mu1 = pi_o o ;  -pi_0 Wᵀ mu0 + (pi_0 WᵀW + pi_1) mu1 = 0 by elimination.
        float[] w = model.CopyWeights(1);
        double pi0 = 1, pi1 = 0.5, piO = 1;
        var a = new double[9, 10];
        for (int i = 0; i < 6; i++)
        {
            a[i, i] = piO + pi0;
            for (int j = 0; j < 3; j++)
            {
                a[i, 6 + j] = -pi0 * w[(j * 6) + i];
                a[6 + j, i] = -pi0 * w[(j * 6) + i];
            }

            a[i, 9] = piO * o[i];
        }

        for (int j = 0; j < 3; j++)
        {
            for (int k = 0; k < 3; k++)
            {
                double s = 0;
                for (int i = 0; i < 6; i++)
                {
                    s += w[(j * 6) + i] * w[(k * 6) + i];
                }

                a[6 + j, 6 + k] = (pi0 * s) + (j == k ? pi1 : 0);
            }
        }

        double[] x = Solve(a, 9);
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(x[i], beliefs.Means[0][i], 3);
        }

        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(x[6 + j], beliefs.Means[1][j], 3);
        }

        // Laplace posterior precision of layer 0 = pi_o + pi_0.
        Assert.All(beliefs.Belief.Precision, p => Assert.Equal(2f, p, 5));
    }

    [Fact]
    public void Update_SingleLayer_MatchesConjugateGaussianPosterior()
    {
        var options = new GenerativeModelOptions { LayerDimensions = [8], LayerPrecisions = [1f], ConnectionGroups = 1 };
        using var model = new HierarchicalGenerativeModel(options);
        using var updater = new BeliefUpdater(new BeliefUpdaterOptions());
        var beliefs = new HierarchicalBeliefs(options.LayerDimensions, 1f);
        float[] o = TestVectors.Gaussian(8, 9);
        BeliefUpdateResult r = updater.Update(beliefs, o, model, 1f, NoLimit, TimeProvider.System);
        Assert.True(r.Converged);
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(o[i] / 2f, beliefs.Belief.Mean[i], 4); // (pi_o·o + pi_0·0) / (pi_o + pi_0)
        }
    }

    [Fact]
    public void Update_NonFiniteObservation_RejectedAndBeliefsUnchanged()
    {
        var options = new GenerativeModelOptions { LayerDimensions = [8, 4], LayerPrecisions = [1f, 1f], ConnectionGroups = 1 };
        using var model = new HierarchicalGenerativeModel(options);
        using var updater = new BeliefUpdater(new BeliefUpdaterOptions());
        var beliefs = new HierarchicalBeliefs(options.LayerDimensions, 1f);
        updater.Update(beliefs, TestVectors.Gaussian(8, 1), model, 1f, NoLimit, TimeProvider.System);
        float[] mean = (float[])beliefs.Belief.Mean.Clone(), precision = (float[])beliefs.Belief.Precision.Clone();
        float[] bad = TestVectors.Gaussian(8, 2);
        bad[3] = float.NaN;
        var ex = Assert.Throws<ActiveInferenceException>(() => updater.Update(beliefs, bad, model, 1f, NoLimit, TimeProvider.System));
        Assert.Equal(ErrorKind.NumericalInstability, ex.Kind);
        Assert.Equal(mean, beliefs.Belief.Mean);
        Assert.Equal(precision, beliefs.Belief.Precision);
        Assert.Equal(1, beliefs.Belief.ObservationCount);
    }

    [Fact]
    public void Update_WrongDimension_BeliefUpdateFailed()
    {
        var options = new GenerativeModelOptions { LayerDimensions = [8, 4], LayerPrecisions = [1f, 1f], ConnectionGroups = 1 };
        using var model = new HierarchicalGenerativeModel(options);
        using var updater = new BeliefUpdater(new BeliefUpdaterOptions());
        var beliefs = new HierarchicalBeliefs(options.LayerDimensions, 1f);
        var ex = Assert.Throws<ActiveInferenceException>(() => updater.Update(beliefs, new float[7], model, 1f, NoLimit, TimeProvider.System));
        Assert.Equal(ErrorKind.BeliefUpdateFailed, ex.Kind);
    }

    [Theory]
    [InlineData(1e6f, 1f)]
    [InlineData(1e-6f, 1f)]
    [InlineData(1f, 1e6f)]
    [InlineData(1f, 1e-6f)]
    public void Update_ExtremeScalesAndPrecisions_StayFinite(float scale, float precisionWeight)
    {
        var options = new GenerativeModelOptions { LayerDimensions = [32, 16, 8], LayerPrecisions = [1f, 0.8f, 0.6f], ConnectionGroups = 2 };
        using var model = new HierarchicalGenerativeModel(options);
        using var updater = new BeliefUpdater(new BeliefUpdaterOptions());
        var beliefs = new HierarchicalBeliefs(options.LayerDimensions, 1f);
        for (int n = 0; n < 5; n++)
        {
            BeliefUpdateResult r = updater.Update(beliefs, TestVectors.Gaussian(32, n, scale), model, precisionWeight, NoLimit, TimeProvider.System);
            Assert.True(float.IsFinite(r.FinalFreeEnergy));
            Assert.All(beliefs.Means.SelectMany(m => m), v => Assert.True(float.IsFinite(v)));
            Assert.All(beliefs.Belief.Precision, p => Assert.True(p >= 1e-6f && float.IsFinite(p)));
            Assert.InRange(beliefs.Belief.UncertaintyLevel, 0f, 1f);
        }
    }

    [Fact]
    public void Update_BudgetOverrun_ReturnsBestIterateMarked()
    {
        var options = new GenerativeModelOptions { LayerDimensions = [32, 16, 8], LayerPrecisions = [1f, 0.8f, 0.6f], ConnectionGroups = 2 };
        using var model = new HierarchicalGenerativeModel(options);
        using var updater = new BeliefUpdater(new BeliefUpdaterOptions());
        var beliefs = new HierarchicalBeliefs(options.LayerDimensions, 1f);
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(3));
        BeliefUpdateResult r = updater.Update(beliefs, TestVectors.Gaussian(32, 4), model, 1f, TimeSpan.FromMilliseconds(5), clock);
        Assert.True(r.TimedOut);
        Assert.False(r.Converged);
        Assert.InRange(r.Iterations, 1, 2);
        Assert.True(r.FinalFreeEnergy < r.InitialFreeEnergy);
        Assert.Equal(1, beliefs.Belief.ObservationCount);
    }

    [Fact]
    public void Update_SteadyState_AllocatesNothing()
    {
        var options = new GenerativeModelOptions();
        using var model = new HierarchicalGenerativeModel(options);
        using var updater = new BeliefUpdater(new BeliefUpdaterOptions());
        var beliefs = new HierarchicalBeliefs(options.LayerDimensions, 1f);
        var trace = new BeliefUpdateTrace(10);
        float[][] observations = [.. Enumerable.Range(0, 4).Select(i => TestVectors.Gaussian(1536, 50 + i))];
        TimeProvider clock = TimeProvider.System;
        updater.Update(beliefs, observations[0], model, 1f, NoLimit, clock, trace);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int n = 1; n < observations.Length; n++)
        {
            updater.Update(beliefs, observations[n], model, 1f, NoLimit, clock, trace);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static double[] Solve(double[,] a, int n)
    {
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            for (int k = 0; k <= n; k++)
            {
                (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
            }

            for (int r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }

                double f = a[r, col] / a[col, col];
                for (int k = col; k <= n; k++)
                {
                    a[r, k] -= f * a[col, k];
                }
            }
        }

        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = a[i, n] / a[i, i];
        }

        return x;
    }
}
