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
        Preconditioned = Alloc(dims);
        Direction = Alloc(dims);
        Delta = Alloc(dims);
        Hessian = Alloc(dims);
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

    public float[][] Preconditioned { get; }

    public float[][] Direction { get; }

    public float[][] Delta { get; }

    public float[][] Hessian { get; }

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
