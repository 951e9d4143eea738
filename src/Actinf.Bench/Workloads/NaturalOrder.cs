namespace Actinf.Bench.Workloads;

/// <summary>Orders names with digit runs compared as numbers, so that <c>grid3x3</c> comes before <c>grid15x15</c>.</summary>
internal static class NaturalOrder
{
    /// <summary>Compares two names: digit runs by value, everything else ordinally.</summary>
    public static int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                int si = i, sj = j;
                while (i < x.Length && char.IsAsciiDigit(x[i]))
                {
                    i++;
                }

                while (j < y.Length && char.IsAsciiDigit(y[j]))
                {
                    j++;
                }

                // Compare digit runs by value: strip leading zeros, then by length, then digit by digit.
                ReadOnlySpan<char> a = x.AsSpan(si, i - si).TrimStart('0');
                ReadOnlySpan<char> b = y.AsSpan(sj, j - sj).TrimStart('0');
                int byValue = a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
                if (byValue != 0)
                {
                    return byValue;
                }

                continue;
            }

            int c = x[i].CompareTo(y[j]);
            if (c != 0)
            {
                return c;
            }

            i++;
            j++;
        }

        return (x.Length - i).CompareTo(y.Length - j) is var rest and not 0 ? rest : string.CompareOrdinal(x, y);
    }
}
