namespace Actinf.Epistemic.Inference;

/// <summary>Scratch arrays of one belief update, allocated once per thread and model shape.</summary>
internal sealed class BeliefUpdaterWorkspace
{
    public BeliefUpdaterWorkspace(IReadOnlyList<int> dims)
    {
        int layers = dims.Count;
        Dimensions = dims.ToArray();
        Mu = Alloc(dims);
        Eps = Alloc(dims);
        Gradient = Alloc(dims);
        Scratch = Alloc(dims);
        Direction = Alloc(dims);
        Delta = Alloc(dims);
        Hessian = Alloc(dims);
        InverseHessian = Alloc(dims);
        Back = Alloc(dims);
        LayerPrecision = new float[layers];
        LogHessianSums = new double[layers];
        int d0 = dims[0];
        Observation = new float[d0];
        PriorMean = new float[d0];
        ObservationPrecision = new float[d0];
        PriorPrecision = new float[d0];
        Innovation = new float[d0];
        PredictionVariance = new float[d0];
        DataPrecision = new float[d0];
        DataTarget = new float[d0];
        LayerCount = layers;
    }

    public int[] Dimensions { get; }

    public int LayerCount { get; }

    public float[][] Mu { get; }

    public float[][] Eps { get; }

    public float[][] Gradient { get; }

    /// <summary>Per-layer scratch (warm-start targets, logarithms); no value survives a helper call.</summary>
    public float[][] Scratch { get; }

    public float[][] Direction { get; }

    public float[][] Delta { get; }

    public float[][] Hessian { get; }

    /// <summary>1/h: the preconditioner as a multiplier (no division per element and iteration).</summary>
    public float[][] InverseHessian { get; }

    /// <summary>
    /// A·d less its pi_l·delta_l part: −pi_(l−1) W_lᵀ delta_(l−1) for l ≥ 1, (pi_o + p⁻)·d_0 for layer 0
    /// (during the initial gradient, −pi_(l−1) W_lᵀ eps_(l−1)).
    /// </summary>
    public float[][] Back { get; }

    /// <summary>pi_l with the precision floor applied.</summary>
    public float[] LayerPrecision { get; }

    /// <summary>Σ_j ln h_l,j per layer (entropy term; layer 0 is also Σ ln p of the committed posterior).</summary>
    public double[] LogHessianSums { get; }

    public float[] Observation { get; }

    public float[] PriorMean { get; }

    public float[] ObservationPrecision { get; }

    public float[] PriorPrecision { get; }

    public float[] Innovation { get; }

    public float[] PredictionVariance { get; }

    /// <summary>pi_o + p⁻ (layer-0 curvature of the data terms).</summary>
    public float[] DataPrecision { get; }

    /// <summary>pi_o·o + p⁻·m.</summary>
    public float[] DataTarget { get; }

    public bool Matches(IReadOnlyList<int> dims)
    {
        if (dims.Count != Dimensions.Length)
        {
            return false;
        }

        for (int l = 0; l < dims.Count; l++)
        {
            if (dims[l] != Dimensions[l])
            {
                return false;
            }
        }

        return true;
    }

    private static float[][] Alloc(IReadOnlyList<int> dims)
    {
        var result = new float[dims.Count][];
        for (int l = 0; l < dims.Count; l++)
        {
            result[l] = new float[dims[l]];
        }

        return result;
    }
}
