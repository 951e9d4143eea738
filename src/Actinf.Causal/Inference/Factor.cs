namespace Actinf.Causal.Inference;

/// <summary>
/// A non-negative table over a set of variables (network indices, ascending), row-major with the last
/// variable fastest. Values may be scaled: the true table is Values * exp(LogScale).
/// </summary>
internal sealed class Factor
{
    public Factor(int[] variables, int[] cardinalities, double[] values, double logScale = 0)
    {
        Variables = variables;
        Cardinalities = cardinalities;
        Values = values;
        LogScale = logScale;
    }

    /// <summary>Variable indices, strictly ascending.</summary>
    public int[] Variables { get; }

    /// <summary>States per variable, aligned with <see cref="Variables"/>.</summary>
    public int[] Cardinalities { get; }

    /// <summary>The scaled table.</summary>
    public double[] Values { get; }

    /// <summary>ln of the scale factor applied to <see cref="Values"/>.</summary>
    public double LogScale { get; set; }

    /// <summary>A scalar factor with value exp(logScale).</summary>
    public static Factor Scalar(double value, double logScale) => new([], [], [value], logScale);

    /// <summary>Position of <paramref name="variable"/> in <see cref="Variables"/>, or -1.</summary>
    public int IndexOf(int variable)
    {
        for (int i = 0; i < Variables.Length; i++)
        {
            if (Variables[i] == variable)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Row-major strides aligned with <see cref="Variables"/>.</summary>
    public int[] Strides()
    {
        var strides = new int[Variables.Length];
        int stride = 1;
        for (int i = Variables.Length - 1; i >= 0; i--)
        {
            strides[i] = stride;
            stride *= Cardinalities[i];
        }

        return strides;
    }
}
