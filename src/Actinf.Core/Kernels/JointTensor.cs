using System.Numerics.Tensors;

namespace Actinf.Core.Kernels;

/// <summary>Kernels between factorised beliefs and row-major joint tensors over the state space.</summary>
internal static class JointTensor
{
    /// <summary>
    /// destination[s] = prod_f q_f[s_f] for the flat factorised belief <paramref name="flat"/>, multiplied
    /// left to right (((q0·q1)·q2)…, as pymdp's spm_cross). When <paramref name="skipFactor"/> is a factor
    /// index, that factor is taken as all ones.
    /// </summary>
    public static void Outer(StateSpace space, ReadOnlySpan<double> flat, Span<double> destination, int skipFactor = -1)
    {
        int len = 1;
        destination[0] = 1.0;
        bool first = true;
        for (int f = 0; f < space.Factors; f++)
        {
            int n = space.Sizes[f];
            ReadOnlySpan<double> q = space.Factor(flat, f);
            // Expand in place from the back: block i (length n) overwrites destination[i] only for i = 0,
            // and its value is read before the write.
            for (int i = len - 1; i >= 0; i--)
            {
                double v = destination[i];
                Span<double> block = destination.Slice(i * n, n);
                if (f == skipFactor)
                {
                    block.Fill(v);
                }
                else if (first)
                {
                    q.CopyTo(block);
                }
                else
                {
                    TensorPrimitives.Multiply(q, v, block);
                }
            }

            first &= f == skipFactor;
            len *= n;
        }
    }

    /// <summary>destination[j] = sum of <paramref name="joint"/> over every axis but <paramref name="axis"/>, at index j of that axis.</summary>
    public static void SumAllBut(StateSpace space, ReadOnlySpan<double> joint, int axis, Span<double> destination)
    {
        int n = space.Sizes[axis];
        int inner = space.Strides[axis];
        int outer = space.JointSize / (n * inner);
        Span<double> d = destination[..n];
        d.Clear();
        for (int a = 0; a < outer; a++)
        {
            int baseIndex = a * n * inner;
            for (int j = 0; j < n; j++)
            {
                d[j] += inner == 1 ? joint[baseIndex + j] : TensorPrimitives.Sum(joint.Slice(baseIndex + (j * inner), inner));
            }
        }
    }
}
