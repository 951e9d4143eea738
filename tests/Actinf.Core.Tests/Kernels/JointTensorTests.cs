using System.Runtime.Intrinsics;
using Actinf.Core.Kernels;
using Actinf.Core.Tests.Support;

namespace Actinf.Core.Tests.Kernels;

public class JointTensorTests
{
    /// <summary>Factor size n (1 to 3 × Vector256 count + 1) in every position of 1-, 2- and 3-factor layouts.</summary>
    public static TheoryData<int[]> Layouts()
    {
        var rows = new TheoryData<int[]>();
        var seen = new HashSet<string>();
        for (int n = 1; n <= (3 * Vector256<double>.Count) + 1; n++)
        {
            foreach (int[] sizes in new[] { [n], [n, 3], [2, n], new[] { 3, n, 2 } })
            {
                if (seen.Add(string.Join(',', sizes)))
                {
                    rows.Add(sizes);
                }
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Outer_EachLayoutAndSkippedFactor_EqualsScalarTwinExactly(int[] sizes)
    {
        var space = new StateSpace(sizes);
        var rng = new Random(Seed(sizes));
        double[] flat = RandomBeliefs(rng, sizes);
        for (int skip = -1; skip < sizes.Length; skip++)
        {
            var actual = new double[space.JointSize];

            JointTensor.Outer(space, flat, actual, skip);

            // Same left-to-right product as the kernel (spm_cross), so equality is exact.
            double[] expected = ScalarOuter(sizes, flat, skip);
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void SumAllBut_EachLayoutAndAxis_MatchesScalarTwin(int[] sizes)
    {
        var space = new StateSpace(sizes);
        var rng = new Random(Seed(sizes) + 1);
        double[] joint = [.. Enumerable.Range(0, space.JointSize).Select(_ => (2 * rng.NextDouble()) - 1)];
        for (int axis = 0; axis < sizes.Length; axis++)
        {
            var actual = new double[sizes[axis] + 2];
            actual.AsSpan().Fill(double.NaN);

            JointTensor.SumAllBut(space, joint, axis, actual);

            double[] expected = ScalarSumAllBut(sizes, joint, axis);
            for (int j = 0; j < sizes[axis]; j++)
            {
                double scale = ScalarSumAllBut(sizes, [.. joint.Select(Math.Abs)], axis)[j];
                Assert.True(Math.Abs(actual[j] - expected[j]) <= 1e-14 * scale, $"axis {axis}, j {j}: expected {expected[j]:R}, got {actual[j]:R}");
            }

            // Only the first Ns entries are written.
            Assert.True(double.IsNaN(actual[sizes[axis]]));
        }
    }

    [Fact]
    public void Outer_ThenSumAllBut_RecoversEachFactorMarginal()
    {
        int[] sizes = [3, 4, 2];
        var space = new StateSpace(sizes);
        double[] flat = RandomBeliefs(new Random(7), sizes);
        var joint = new double[space.JointSize];
        JointTensor.Outer(space, flat, joint);
        for (int f = 0; f < sizes.Length; f++)
        {
            var marginal = new double[sizes[f]];

            JointTensor.SumAllBut(space, joint, f, marginal);

            ReadOnlySpan<double> q = space.Factor(flat, f);
            for (int j = 0; j < sizes[f]; j++)
            {
                Assert.Equal(q[j], marginal[j], 1e-15);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ExtremeDoubles.NonNegativeRows), MemberType = typeof(ExtremeDoubles))]
    public void Outer_ExtremeEntries_EqualsScalarTwin(double v)
    {
        int[] sizes = [2, 2];
        var space = new StateSpace(sizes);
        double[] flat = [v, 1 - 1e-16, 0.5, v];
        var actual = new double[4];

        JointTensor.Outer(space, flat, actual);

        Assert.Equal(ScalarOuter(sizes, flat, -1), actual);
    }

    private static int Seed(int[] sizes) => sizes.Aggregate(17, (h, n) => (h * 31) + n);

    private static double[] RandomBeliefs(Random rng, int[] sizes)
    {
        var flat = new List<double>();
        foreach (int n in sizes)
        {
            flat.AddRange(RandomModels.Distribution(rng, n));
        }

        return [.. flat];
    }

    private static double[] ScalarOuter(int[] sizes, double[] flat, int skip)
    {
        int joint = sizes.Aggregate(1, (a, b) => a * b);
        var result = new double[joint];
        var index = new int[sizes.Length];
        for (int s = 0; s < joint; s++)
        {
            Decode(sizes, s, index);
            double v = 1.0;
            int offset = 0;
            for (int f = 0; f < sizes.Length; f++)
            {
                if (f != skip)
                {
                    v *= flat[offset + index[f]];
                }

                offset += sizes[f];
            }

            result[s] = v;
        }

        return result;
    }

    private static double[] ScalarSumAllBut(int[] sizes, double[] joint, int axis)
    {
        var result = new double[sizes[axis]];
        var index = new int[sizes.Length];
        for (int s = 0; s < joint.Length; s++)
        {
            Decode(sizes, s, index);
            result[index[axis]] += joint[s];
        }

        return result;
    }

    private static void Decode(int[] sizes, int flatIndex, int[] index)
    {
        for (int f = sizes.Length - 1; f >= 0; f--)
        {
            index[f] = flatIndex % sizes[f];
            flatIndex /= sizes[f];
        }
    }
}
