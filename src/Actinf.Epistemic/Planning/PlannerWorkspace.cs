namespace Actinf.Epistemic.Planning;

/// <summary>Scratch of one policy evaluation (per thread, grown on demand and then reused).</summary>
internal sealed class PlannerWorkspace
{
    public const int MemoSize = 8;

    public float[] Scratch = new float[256];
    public float[] Base = new float[256];
    public int[] Offsets = new int[8];
    public PolicyCandidate[] Candidates = new PolicyCandidate[16];
    public float[] Added = new float[8 * 9];           // per depth: added precision per gap
    public float[] StepG = new float[16 * 9];          // per depth: one-step G per candidate
    public float[] StepE = new float[16 * 9];
    public float[] StepP = new float[16 * 9];
    public int[] Order = new int[16 * 9];
    public double[] Local = new double[16];
    public int[] Path = new int[9];
    public float[] MemoKey = new float[16 * MemoSize];  // per candidate: memo of (added → value)
    public float[] MemoValue = new float[16 * MemoSize];
    public int[] MemoCount = new int[16];
    public float[] VarianceKey = new float[8 * MemoSize];
    public float[] VarianceValue = new float[8 * MemoSize];
    public int[] VarianceCount = new int[8];

    // Leaves: plan k's steps are LeafSteps[k·Depth .. k·Depth + LeafLength[k]).
    public int Depth;
    public int LeafCount;
    public int[] LeafSteps = new int[1024 * 5];
    public int[] LeafLength = new int[1024];
    public float[] LeafG = new float[1024];
    public float[] LeafE = new float[1024];
    public float[] LeafP = new float[1024];
    public float[] LeafPrior = new float[1024];
    public double[] LeafLogit = new double[1024];

    public void Ensure(int dims, int gaps, int candidates, int depth, int leafCapacity)
    {
        Grow(ref Scratch, dims);
        Grow(ref Base, dims);
        Grow(ref Offsets, gaps + 1);
        Grow(ref Candidates, candidates);
        Grow(ref Added, gaps * (depth + 1));
        Grow(ref StepG, candidates * (depth + 1));
        Grow(ref StepE, candidates * (depth + 1));
        Grow(ref StepP, candidates * (depth + 1));
        Grow(ref Order, candidates * (depth + 1));
        Grow(ref Local, candidates);
        Grow(ref Path, depth + 1);
        Grow(ref MemoKey, candidates * MemoSize);
        Grow(ref MemoValue, candidates * MemoSize);
        Grow(ref MemoCount, candidates);
        Grow(ref VarianceKey, gaps * MemoSize);
        Grow(ref VarianceValue, gaps * MemoSize);
        Grow(ref VarianceCount, gaps);
        Grow(ref LeafSteps, leafCapacity * depth);
        Grow(ref LeafLength, leafCapacity);
        Grow(ref LeafG, leafCapacity);
        Grow(ref LeafE, leafCapacity);
        Grow(ref LeafP, leafCapacity);
        Grow(ref LeafPrior, leafCapacity);
        Grow(ref LeafLogit, leafCapacity);
        LeafCount = 0;
        Array.Clear(MemoCount, 0, candidates);
        Array.Clear(VarianceCount, 0, gaps);
    }

    private static void Grow<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            array = new T[Math.Max(length, array.Length * 2)];
        }
    }
}
