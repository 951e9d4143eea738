namespace Actinf.Causal.Inference;

/// <summary>Entropy, KL divergence and mutual information of discrete distributions, in nats (0 log 0 = 0).</summary>
public static class InformationMeasures
{
    /// <summary>H(p) = -sum p ln p.</summary>
    public static double Entropy(ReadOnlySpan<double> p)
    {
        double h = 0;
        foreach (double x in p)
        {
            if (x > 0)
            {
                h -= x * Math.Log(x);
            }
        }

        return h;
    }

    /// <summary>KL(p || q) = sum p ln(p / q); +infinity where p &gt; 0 and q = 0.</summary>
    public static double KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        if (p.Length != q.Length)
        {
            throw new ArgumentException($"distributions differ in length: {p.Length} and {q.Length}.", nameof(q));
        }

        double kl = 0;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] > 0)
            {
                if (q[i] <= 0)
                {
                    return double.PositiveInfinity;
                }

                kl += p[i] * Math.Log(p[i] / q[i]);
            }
        }

        return kl;
    }

    /// <summary>
    /// Mutual information I(A; B) of a joint table p(a, b) of shape (rows = |A|, columns = |B|) row-major,
    /// summing to 1: sum p(a,b) ln(p(a,b) / (p(a) p(b))).
    /// </summary>
    public static double MutualInformation(ReadOnlySpan<double> joint, int rows, int columns)
    {
        if (joint.Length != rows * columns)
        {
            throw new ArgumentException($"joint has {joint.Length} entries; expected {rows} x {columns}.", nameof(joint));
        }

        Span<double> pa = rows <= 256 ? stackalloc double[rows] : new double[rows];
        Span<double> pb = columns <= 256 ? stackalloc double[columns] : new double[columns];
        pa.Clear();
        pb.Clear();
        for (int a = 0; a < rows; a++)
        {
            for (int b = 0; b < columns; b++)
            {
                double p = joint[(a * columns) + b];
                pa[a] += p;
                pb[b] += p;
            }
        }

        double mi = 0;
        for (int a = 0; a < rows; a++)
        {
            for (int b = 0; b < columns; b++)
            {
                double p = joint[(a * columns) + b];
                if (p > 0)
                {
                    mi += p * Math.Log(p / (pa[a] * pb[b]));
                }
            }
        }

        return Math.Max(0, mi);
    }
}
