namespace Actinf.Core.Kernels;

/// <summary>
/// The layout of factorised beliefs: F factors with <c>Ns_f</c> states each, stored one after another in
/// one flat buffer (factor f at <see cref="Offsets"/>[f]), and the row-major joint space of size
/// <see cref="JointSize"/> (factor 0 slowest).
/// </summary>
internal sealed class StateSpace
{
    public StateSpace(ReadOnlySpan<int> sizes)
    {
        Sizes = sizes.ToArray();
        Offsets = new int[Sizes.Length];
        Strides = new int[Sizes.Length];
        int offset = 0;
        for (int f = 0; f < Sizes.Length; f++)
        {
            Offsets[f] = offset;
            offset += Sizes[f];
        }

        TotalSize = offset;
        int stride = 1;
        for (int f = Sizes.Length - 1; f >= 0; f--)
        {
            Strides[f] = stride;
            stride *= Sizes[f];
        }

        JointSize = stride;
    }

    public int[] Sizes { get; }

    public int[] Offsets { get; }

    /// <summary>Row-major stride of each factor in the joint space.</summary>
    public int[] Strides { get; }

    public int Factors => Sizes.Length;

    /// <summary>Sum of the factor sizes: length of a flat factorised belief.</summary>
    public int TotalSize { get; }

    /// <summary>Product of the factor sizes.</summary>
    public int JointSize { get; }

    public Span<double> Factor(Span<double> flat, int f) => flat.Slice(Offsets[f], Sizes[f]);

    public ReadOnlySpan<double> Factor(ReadOnlySpan<double> flat, int f) => flat.Slice(Offsets[f], Sizes[f]);
}
