namespace Actinf.Epistemic.Tests.Support;

internal static class TestVectors
{
    /// <summary>Gaussian vector with a seed.</summary>
    public static float[] Gaussian(int n, int seed, float scale = 1f)
    {
        var r = new Random(seed);
        var v = new float[n];
        for (int i = 0; i < n; i++)
        {
            double u1 = 1 - r.NextDouble(), u2 = r.NextDouble();
            v[i] = scale * (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return v;
    }

    /// <summary>base + noise·Gaussian.</summary>
    public static float[] Near(float[] center, int seed, float noise)
    {
        float[] n = Gaussian(center.Length, seed, noise);
        for (int i = 0; i < n.Length; i++)
        {
            n[i] += center[i];
        }

        return n;
    }
}
