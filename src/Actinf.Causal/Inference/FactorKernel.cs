namespace Actinf.Causal.Inference;

/// <summary>
/// The one kernel of variable elimination: multiply a set of factors and sum (or maximise) one variable
/// out, in a single pass over the output table with an odometer over the union scope, so the full
/// product is never materialised. Results are rescaled by their maximum (the log of the scale is carried
/// in <see cref="Factor.LogScale"/>) so long products never underflow.
/// </summary>
internal static class FactorKernel
{
    /// <summary>
    /// prod_f f, with <paramref name="eliminated"/> summed out (or maximised when <paramref name="maximise"/>),
    /// or nothing eliminated when it is -1. When maximising, <paramref name="argMax"/> receives, per output
    /// entry, the state of the eliminated variable that attains the maximum (first on ties; states &lt; 256).
    /// </summary>
    public static Factor Combine(List<Factor> factors, int eliminated, bool maximise, out byte[]? argMax)
    {
        // Union scope, ascending; the output scope is the union minus the eliminated variable.
        double logScale = 0;
        (int[] unionVars, int[] unionCards) = Union(factors, ref logScale);
        int eliminatedCard = 1;
        int d = unionVars.Length;
        int[] outVars = unionVars;
        int[] outCards = unionCards;
        if (eliminated >= 0)
        {
            int at = Array.BinarySearch(unionVars, eliminated);
            eliminatedCard = unionCards[at];
            d--;
            outVars = new int[d];
            outCards = new int[d];
            Array.Copy(unionVars, 0, outVars, 0, at);
            Array.Copy(unionVars, at + 1, outVars, at, d - at);
            Array.Copy(unionCards, 0, outCards, 0, at);
            Array.Copy(unionCards, at + 1, outCards, at, d - at);
        }

        long size = 1;
        foreach (int c in outCards)
        {
            size *= c;
        }

        if (maximise && eliminatedCard > 256)
        {
            throw new NotSupportedException($"maximising over a variable with {eliminatedCard} states: MPE and MAP support at most 256 states per variable.");
        }

        if (size * eliminatedCard > int.MaxValue)
        {
            throw new InsufficientMemoryException(
                $"exact inference needs a table of {size * eliminatedCard:N0} entries (treewidth too large for this query).");
        }

        int m = factors.Count;

        // stride[f * d + j]: stride of output digit j in factor f (0 when absent); elimStride[f] likewise.
        var stride = new int[m * Math.Max(d, 1)];
        var elimStride = new int[m];
        for (int f = 0; f < m; f++)
        {
            Factor factor = factors[f];
            int fs = 1;
            for (int i = factor.Variables.Length - 1; i >= 0; i--)
            {
                int v = factor.Variables[i];
                if (v == eliminated)
                {
                    elimStride[f] = fs;
                }
                else
                {
                    stride[(f * d) + Array.BinarySearch(outVars, v)] = fs;
                }

                fs *= factor.Cardinalities[i];
            }
        }

        var values = new double[size];
        argMax = maximise && eliminated >= 0 ? new byte[size] : null;
        var offsets = new int[m];
        var digits = new int[d];
        double[][] tables = new double[m][];
        for (int f = 0; f < m; f++)
        {
            tables[f] = factors[f].Values;
        }

        double max = 0;
        for (long o = 0; o < size; o++)
        {
            double acc = 0;
            int best = 0;
            for (int s = 0; s < eliminatedCard; s++)
            {
                double p = 1;
                for (int f = 0; f < m && p != 0; f++)
                {
                    p *= tables[f][offsets[f] + (s * elimStride[f])];
                }

                if (maximise)
                {
                    if (p > acc)
                    {
                        acc = p;
                        best = s;
                    }
                }
                else
                {
                    acc += p;
                }
            }

            values[o] = acc;
            if (argMax is not null)
            {
                argMax[o] = (byte)best;
            }

            if (acc > max)
            {
                max = acc;
            }

            // Odometer step over the output digits, last fastest; offsets follow incrementally.
            for (int j = d - 1; j >= 0; j--)
            {
                if (++digits[j] < outCards[j])
                {
                    for (int f = 0; f < m; f++)
                    {
                        offsets[f] += stride[(f * d) + j];
                    }

                    break;
                }

                digits[j] = 0;
                int back = outCards[j] - 1;
                for (int f = 0; f < m; f++)
                {
                    offsets[f] -= stride[(f * d) + j] * back;
                }
            }
        }

        if (max > 0)
        {
            double inverse = 1 / max;
            for (long o = 0; o < size; o++)
            {
                values[o] *= inverse;
            }

            logScale += Math.Log(max);
        }

        return new Factor(outVars, outCards, values, max > 0 ? logScale : double.NegativeInfinity);
    }

    /// <summary>
    /// prod_f f summed onto <paramref name="keep"/> (ascending variable indices, each in some factor):
    /// one pass over the union table, which is never materialised. Rescaled by its maximum like Combine.
    /// </summary>
    public static Factor Project(List<Factor> factors, int[] keep)
    {
        double logScale = 0;
        (int[] vars, int[] cards) = Union(factors, ref logScale);
        int d = vars.Length;
        long unionSize = 1;
        foreach (int c in cards)
        {
            unionSize *= c;
        }

        if (unionSize > int.MaxValue)
        {
            throw new InsufficientMemoryException($"exact inference needs a clique of {unionSize:N0} entries (treewidth too large for this query).");
        }

        var keepCards = new int[keep.Length];
        int outSize = 1;
        for (int j = 0; j < keep.Length; j++)
        {
            keepCards[j] = cards[Array.BinarySearch(vars, keep[j])];
            outSize *= keepCards[j];
        }

        // Per union digit: stride in each factor, and stride in the output (0 when summed out).
        int m = factors.Count;
        var stride = new int[m * Math.Max(d, 1)];
        var outStride = new int[d];
        for (int f = 0; f < m; f++)
        {
            Factor factor = factors[f];
            int[] fs = factor.Strides();
            for (int i = 0; i < factor.Variables.Length; i++)
            {
                stride[(f * d) + Array.BinarySearch(vars, factor.Variables[i])] = fs[i];
            }
        }

        int os = 1;
        for (int j = keep.Length - 1; j >= 0; j--)
        {
            outStride[Array.BinarySearch(vars, keep[j])] = os;
            os *= keepCards[j];
        }

        var values = new double[outSize];
        var offsets = new int[m];
        var digits = new int[d];
        int outOffset = 0;
        for (long u = 0; u < unionSize; u++)
        {
            double p = 1;
            for (int f = 0; f < m && p != 0; f++)
            {
                p *= factors[f].Values[offsets[f]];
            }

            values[outOffset] += p;
            for (int j = d - 1; j >= 0; j--)
            {
                if (++digits[j] < cards[j])
                {
                    for (int f = 0; f < m; f++)
                    {
                        offsets[f] += stride[(f * d) + j];
                    }

                    outOffset += outStride[j];
                    break;
                }

                digits[j] = 0;
                int back = cards[j] - 1;
                for (int f = 0; f < m; f++)
                {
                    offsets[f] -= stride[(f * d) + j] * back;
                }

                outOffset -= outStride[j] * back;
            }
        }

        double max = 0;
        foreach (double x in values)
        {
            max = Math.Max(max, x);
        }

        if (max > 0)
        {
            double inverse = 1 / max;
            for (int o = 0; o < outSize; o++)
            {
                values[o] *= inverse;
            }

            logScale += Math.Log(max);
        }

        return new Factor(keep, keepCards, values, max > 0 ? logScale : double.NegativeInfinity);
    }

    /// <summary>The union of the factors' scopes, ascending, with cardinalities; adds up their log scales.</summary>
    private static (int[] Variables, int[] Cardinalities) Union(List<Factor> factors, ref double logScale)
    {
        int total = 0;
        foreach (Factor f in factors)
        {
            total += f.Variables.Length;
            logScale += f.LogScale;
        }

        Span<long> keyed = total <= 64 ? stackalloc long[total] : new long[total];
        int k = 0;
        foreach (Factor f in factors)
        {
            for (int i = 0; i < f.Variables.Length; i++)
            {
                keyed[k++] = ((long)f.Variables[i] << 32) | (uint)f.Cardinalities[i];
            }
        }

        keyed.Sort();
        int distinct = 0;
        for (int i = 0; i < total; i++)
        {
            if (i == 0 || (keyed[i] >> 32) != (keyed[i - 1] >> 32))
            {
                keyed[distinct++] = keyed[i];
            }
        }

        var variables = new int[distinct];
        var cardinalities = new int[distinct];
        for (int i = 0; i < distinct; i++)
        {
            variables[i] = (int)(keyed[i] >> 32);
            cardinalities[i] = (int)(keyed[i] & 0xFFFFFFFF);
        }

        return (variables, cardinalities);
    }
}
