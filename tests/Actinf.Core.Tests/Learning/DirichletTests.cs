using System.Runtime.Intrinsics;
using Actinf.Core.Kernels;
using Actinf.Core.Learning;
using Actinf.Core.Tests.Support;

namespace Actinf.Core.Tests.Learning;

public class DirichletTests
{
    private const double Eps = 1e-16;

    /// <summary>Rows (the kernel's inner length) from 1 to 3 × Vector256 count + 1, with 1, 3 and 5 columns.</summary>
    public static TheoryData<int, int> Shapes()
    {
        var rows = new TheoryData<int, int>();
        for (int r = 1; r <= (3 * Vector256<double>.Count) + 1; r++)
        {
            rows.Add(r, 1);
            rows.Add(r, 3);
            rows.Add(r, 5);
        }

        rows.Add(0, 3);
        rows.Add(3, 0);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void NoveltyWeights_EachShape_MatchesScalarTwin(int rows, int columns)
    {
        var rng = new Random((rows * 100) + columns);
        double[] p = Concentrations(rng, rows * columns);
        var actual = new double[rows * columns];

        Dirichlet.NoveltyWeights(p, rows, columns, actual);

        for (int c = 0; c < columns; c++)
        {
            double sum = 0;
            for (int r = 0; r < rows; r++)
            {
                sum += p[(r * columns) + c] + Eps;
            }

            for (int r = 0; r < rows; r++)
            {
                int i = (r * columns) + c;
                double expected = p[i] > 0 ? (1 / sum) - (1 / (p[i] + Eps)) : 0.0;
                AssertClose(expected, actual[i], 1e-15);
            }
        }
    }

    [Fact]
    public void NoveltyWeights_StructuralZeros_ExactlyZeroNotInfinityTimesZero()
    {
        var w = new double[4];

        Dirichlet.NoveltyWeights([0, 2, 0, 6], 2, 2, w);

        // Column 0 = [0, 0]: masked entirely; column 1 = [2, 6]: 1/8 - 1/2 and 1/8 - 1/6.
        Assert.Equal(0.0, w[0]);
        Assert.Equal(0.0, w[2]);
        Assert.Equal((1.0 / 8) - (1.0 / 2), w[1], 1e-15);
        Assert.Equal((1.0 / 8) - (1.0 / 6), w[3], 1e-15);
    }

    [Theory]
    [MemberData(nameof(ExtremeDoubles.NonNegativeRows), MemberType = typeof(ExtremeDoubles))]
    public void NoveltyWeights_ExtremeConcentration_FiniteAndNonPositive(double v)
    {
        var w = new double[3];

        Dirichlet.NoveltyWeights([v, 1, 1e-300], 3, 1, w);

        // 1/Σ ≤ 1/p for every p in the column, so every weight is ≤ 0; ε caps |w| at 1e16.
        Assert.All(w, x => Assert.True(double.IsFinite(x) && x <= 0 && x >= -1e16, $"weight {x:R} for p = {v:R}"));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void NoveltyWeightsUnmasked_EachShape_MatchesScalarTwin(int rows, int columns)
    {
        var rng = new Random((rows * 100) + columns + 7);
        double[] p = Concentrations(rng, rows * columns);
        double eps = Math.Exp(-16);
        var actual = new double[rows * columns];

        Dirichlet.NoveltyWeightsUnmasked(p, rows, columns, eps, actual);

        for (int c = 0; c < columns; c++)
        {
            double sum = 0;
            for (int r = 0; r < rows; r++)
            {
                sum += p[(r * columns) + c] + eps;
            }

            for (int r = 0; r < rows; r++)
            {
                int i = (r * columns) + c;
                AssertClose((1 / sum) - (1 / (p[i] + eps)), actual[i], 1e-15);
            }
        }
    }

    /// <summary><see cref="Shapes"/> without the empty columns of zero rows (a distribution needs an entry).</summary>
    public static TheoryData<int, int> NonEmptyColumnShapes()
    {
        var rows = new TheoryData<int, int>();
        foreach (object[] row in Shapes())
        {
            if ((int)row[0] > 0)
            {
                rows.Add((int)row[0], (int)row[1]);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(NonEmptyColumnShapes))]
    public void NormalizeColumns_EachShape_MatchesScalarTwinAndSumsToOne(int rows, int columns)
    {
        var rng = new Random((rows * 100) + columns + 13);
        double[] p = Concentrations(rng, rows * columns);
        for (int c = 0; c < columns; c++)
        {
            p[c] += 0.5; // row 0 positive: every column has a positive sum
        }

        var actual = new double[rows * columns];

        Dirichlet.NormalizeColumns(p, rows, columns, actual);

        for (int c = 0; c < columns; c++)
        {
            double sum = 0;
            for (int r = 0; r < rows; r++)
            {
                sum += p[(r * columns) + c];
            }

            double total = 0;
            for (int r = 0; r < rows; r++)
            {
                int i = (r * columns) + c;
                AssertClose(p[i] / sum, actual[i], 1e-15);
                total += actual[i];
            }

            Assert.Equal(1.0, total, 1e-14);
        }
    }

    [Fact]
    public void NormalizeColumns_InPlace_EqualsOutOfPlace()
    {
        double[] p = Concentrations(new Random(5), 12);
        p[0] += 1;
        p[1] += 1;
        p[2] += 1;
        var expected = new double[12];
        Dirichlet.NormalizeColumns(p, 4, 3, expected);

        Dirichlet.NormalizeColumns(p, 4, 3, p);

        Assert.Equal(expected, p);
    }

    [Fact]
    public void NormalizeColumns_StructuralZeros_StayExactlyZero()
    {
        var q = new double[6];

        Dirichlet.NormalizeColumns([0, 3, 2, 0, 2, 1], 3, 2, q);

        Assert.Equal([0.0, 0.75, 0.5, 0.0, 0.5, 0.25], q);
    }

    [Fact]
    public void NormalizeColumns_AllZeroColumn_GivesNaNAsDocumented()
    {
        var q = new double[2];

        Dirichlet.NormalizeColumns([0, 0], 2, 1, q);

        Assert.All(q, v => Assert.True(double.IsNaN(v)));
    }

    public static TheoryData<double[], double> LogBetaValues() => new()
    {
        // B(1, 1) = 1; B(2, 3) = 1/12; B(1/2, 1/2) = π; B(1, 1, 1) = Γ(1)³/Γ(3) = 1/2; B(a) of one entry = 0.
        { [1.0, 1.0], 0.0 },
        { [2.0, 3.0], Math.Log(1.0 / 12) },
        { [0.5, 0.5], Math.Log(Math.PI) },
        { [1.0, 1.0, 1.0], Math.Log(0.5) },
        { [7.5], 0.0 },
        { [100.0, 200.0], -192.13419227497895 },
    };

    [Theory]
    [MemberData(nameof(LogBetaValues))]
    public void LogBeta_ClosedForms_Match(double[] z, double expected)
    {
        Assert.True(Math.Abs(Dirichlet.LogBeta(z) - expected) <= 1e-13 * Math.Max(1, Math.Abs(expected)), $"lnB = {Dirichlet.LogBeta(z):R}, expected {expected:R}");
    }

    public static TheoryData<int> Lengths() => [.. Enumerable.Range(1, (3 * Vector256<double>.Count) + 1)];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void LogBeta_EachLength_MatchesScalarTwin(int length)
    {
        var rng = new Random(length);
        double[] z = [.. Enumerable.Range(0, length).Select(_ => 0.1 + (10 * rng.NextDouble()))];

        double expected = z.Sum(SpecialFunctions.LogGamma) - SpecialFunctions.LogGamma(z.Sum());

        AssertClose(expected, Dirichlet.LogBeta(z), 1e-13, atol: 1e-13);
    }

    [Fact]
    public void NoveltyWeights_ShortDestination_ThrowsNamingDestination()
    {
        var ex = Assert.Throws<ArgumentException>(() => Dirichlet.NoveltyWeights(new double[6], 2, 3, new double[5]));

        Assert.Equal("destination", ex.ParamName);
    }

    [Fact]
    public void NoveltyWeights_ShortConcentration_ThrowsNamingConcentration()
    {
        var ex = Assert.Throws<ArgumentException>(() => Dirichlet.NoveltyWeights(new double[5], 2, 3, new double[6]));

        Assert.Equal("concentration", ex.ParamName);
    }

    [Fact]
    public void NoveltyWeightsUnmasked_ShortDestination_ThrowsNamingDestination()
    {
        var ex = Assert.Throws<ArgumentException>(() => Dirichlet.NoveltyWeightsUnmasked(new double[6], 2, 3, Eps, new double[5]));

        Assert.Equal("destination", ex.ParamName);
    }

    [Fact]
    public void ColumnsArePositive_ZeroColumn_ReportsIt()
    {
        Assert.True(Dirichlet.ColumnsArePositive([1, 0, 0, 2], 2, 2, out int none));
        Assert.Equal(-1, none);

        Assert.False(Dirichlet.ColumnsArePositive([1, 0, 0, 0], 2, 2, out int bad));
        Assert.Equal(1, bad);
    }

    private static double[] Concentrations(Random rng, int n)
    {
        var p = new double[n];
        for (int i = 0; i < n; i++)
        {
            p[i] = rng.Next(4) == 0 ? 0.0 : 0.01 + (10 * rng.NextDouble());
        }

        return p;
    }

    private static void AssertClose(double expected, double actual, double rtol, double atol = 0)
    {
        Assert.True(Math.Abs(actual - expected) <= atol + (rtol * Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
    }
}
