namespace Actinf.Causal.Inference;

/// <summary>
/// The interaction (moral) graph of a set of factors: variables are adjacent when some factor mentions
/// both. Variables get local indices 0..Count-1; adjacency is a bit matrix of Count rows of
/// <see cref="Words"/> 64-bit words.
/// </summary>
internal sealed class InteractionGraph
{
    private readonly Dictionary<int, int> _local = [];

    public InteractionGraph(List<Factor> factors, ReadOnlySpan<int> cardinalities)
    {
        var variables = new List<int>();
        foreach (Factor f in factors)
        {
            foreach (int v in f.Variables)
            {
                if (_local.TryAdd(v, variables.Count))
                {
                    variables.Add(v);
                }
            }
        }

        Variables = [.. variables];
        Count = Variables.Length;
        Words = Math.Max(1, (Count + 63) >> 6);
        Cards = new int[Count];
        for (int i = 0; i < Count; i++)
        {
            Cards[i] = cardinalities[Variables[i]];
        }

        Adjacency = new ulong[Count * Words];
        foreach (Factor f in factors)
        {
            foreach (int a in f.Variables)
            {
                int la = _local[a];
                foreach (int b in f.Variables)
                {
                    int lb = _local[b];
                    if (la != lb)
                    {
                        Adjacency[(la * Words) + (lb >> 6)] |= 1UL << lb;
                    }
                }
            }
        }
    }

    /// <summary>Network index of each local variable.</summary>
    public int[] Variables { get; }

    /// <summary>Number of variables.</summary>
    public int Count { get; }

    /// <summary>64-bit words per adjacency row.</summary>
    public int Words { get; }

    /// <summary>States of each local variable.</summary>
    public int[] Cards { get; }

    /// <summary>Row-major bit matrix: bit b of row a is set when a and b are adjacent.</summary>
    public ulong[] Adjacency { get; }

    /// <summary>The local index of network variable <paramref name="variable"/>, if it is in some factor.</summary>
    public bool TryLocal(int variable, out int local) => _local.TryGetValue(variable, out local);
}
