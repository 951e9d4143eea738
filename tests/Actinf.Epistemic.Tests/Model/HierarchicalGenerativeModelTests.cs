using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Model;
using Actinf.Epistemic.Tests.Support;

namespace Actinf.Epistemic.Tests.Model;

public class HierarchicalGenerativeModelTests
{
    private static readonly GenerativeModelOptions Small = new() { LayerDimensions = [16, 8, 4], LayerPrecisions = [1f, 0.8f, 0.6f], ConnectionGroups = 2 };

    [Fact]
    public void Constructor_Default_FiveLayersBlockWeightsUnder10MB()
    {
        using var m = new HierarchicalGenerativeModel(new GenerativeModelOptions());
        Assert.Equal(5, m.LayerCount);
        Assert.Equal([1536, 768, 384, 192, 96], m.Layers.Select(l => l.Dimension));
        Assert.Equal(97_920, m.WeightCount); // Σ_l d_(l-1)·d_l / 16
        Assert.True(m.WeightCount * 4 < 10 * 1024 * 1024);
    }

    [Fact]
    public void Constructor_OrthogonalInit_ColumnsOrthogonalWithScaleRowsOverColumns()
    {
        using var m = new HierarchicalGenerativeModel(Small);
        GenerativeLayer layer = m.Layers[1];
        float[] w = m.CopyWeights(1);
        int r = layer.BlockRows, c = layer.BlockColumns;
        for (int g = 0; g < layer.Groups; g++)
        {
            for (int a = 0; a < c; a++)
            {
                for (int b = 0; b < c; b++)
                {
                    double dot = 0;
                    for (int i = 0; i < r; i++)
                    {
                        dot += w[(g * r * c) + (a * r) + i] * w[(g * r * c) + (b * r) + i];
                    }

                    Assert.Equal(a == b ? (double)r / c : 0, dot, 4);
                }
            }
        }
    }

    [Fact]
    public void PredictObservation_TopState_EqualsDenseProductOfBlocks()
    {
        using var m = new HierarchicalGenerativeModel(Small);
        float[] top = TestVectors.Gaussian(4, 3);
        var predicted = new float[16];
        m.PredictObservation(top, predicted);
        // Independent dense reconstruction: x1 = W2 top, x0 = W1 x1.
        double[] x1 = Dense(m, 2, top.Select(v => (double)v).ToArray());
        double[] x0 = Dense(m, 1, x1);
        for (int i = 0; i < 16; i++)
        {
            Assert.Equal(x0[i], predicted[i], 4);
        }
    }

    [Fact]
    public void Learn_AfterUpdates_TransposedProductStaysConsistent()
    {
        using var m = new HierarchicalGenerativeModel(Small with { LearningRate = 0.05f });
        float[][] eps = [TestVectors.Gaussian(16, 1), TestVectors.Gaussian(8, 2), TestVectors.Gaussian(4, 3)];
        float[][] mu = [TestVectors.Gaussian(16, 4), TestVectors.Gaussian(8, 5), TestVectors.Gaussian(4, 6)];
        float[] before = m.CopyWeights(1);
        m.Learn(eps, mu);
        Assert.NotEqual(before, m.CopyWeights(1));
        float[] e = TestVectors.Gaussian(16, 9);
        var z = new float[8];
        m.Layers[1].TransposeMultiplyAdd(e, 1f, z);
        GenerativeLayer layer = m.Layers[1];
        float[] w = m.CopyWeights(1);
        int r = layer.BlockRows, c = layer.BlockColumns;
        for (int col = 0; col < 8; col++)
        {
            int g = col / c, j = col % c;
            double s = 0;
            for (int i = 0; i < r; i++)
            {
                s += w[(g * r * c) + (j * r) + i] * (double)e[(g * r) + i];
            }

            Assert.Equal(s, z[col], 4);
        }
    }

    [Fact]
    public void Learn_RepeatedPattern_ReducesPredictionError()
    {
        using var m = new HierarchicalGenerativeModel(Small with { LearningRate = 0.05f });
        float[] lower = TestVectors.Gaussian(16, 11), upper = TestVectors.Gaussian(8, 12);
        var err = new float[16];
        m.Layers[1].PredictionError(lower, upper, err);
        double first = err.Sum(v => (double)v * v);
        for (int k = 0; k < 50; k++)
        {
            m.Layers[1].PredictionError(lower, upper, err);
            m.Learn([err, new float[8], new float[4]], [new float[16], upper, new float[4]]);
        }

        m.Layers[1].PredictionError(lower, upper, err);
        Assert.True(err.Sum(v => (double)v * v) < 0.1 * first);
    }

    [Fact]
    public void Learn_ColumnSquares_EqualARecomputationBitForBit()
    {
        using var m = new HierarchicalGenerativeModel(new GenerativeModelOptions { LearningRate = 0.05f });
        int[] dims = [1536, 768, 384, 192, 96];
        float[][] eps = [.. dims.Select((d, l) => TestVectors.Gaussian(d, 20 + l))];
        float[][] mu = [.. dims.Select((d, l) => TestVectors.Gaussian(d, 30 + l))];
        m.Learn(eps, mu);
        for (int l = 1; l < m.LayerCount; l++)
        {
            // The squares learning refreshes in its own pass are those an import of the weights recomputes.
            float[] learned = m.Layers[l].ColumnSquares.ToArray();
            m.Layers[l].RefreshColumnSquares();
            Assert.Equal(learned, m.Layers[l].ColumnSquares.ToArray());
        }
    }

    private static double[] Dense(HierarchicalGenerativeModel m, int level, double[] x)
    {
        GenerativeLayer layer = m.Layers[level];
        float[] w = m.CopyWeights(level);
        int r = layer.BlockRows, c = layer.BlockColumns;
        var y = new double[layer.LowerDimension];
        for (int row = 0; row < y.Length; row++)
        {
            int g = row / r, i = row % r;
            for (int j = 0; j < c; j++)
            {
                y[row] += w[(g * r * c) + (j * r) + i] * x[(g * c) + j];
            }
        }

        return y;
    }
}
