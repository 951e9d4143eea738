namespace Actinf.Epistemic.Numerics;

/// <summary>The indices of the k largest positive scores of a span, in O(n): a selection of the k-th largest value, then one pass.</summary>
public static class LargestScores
{
    /// <summary>
    /// Writes the indices of the <paramref name="k"/> largest positive scores, in ascending index order; among equal
    /// scores at the cut the lower indices are taken. Scores ≤ 0 (and NaN) are never taken.
    /// </summary>
    /// <param name="scores">The scores.</param>
    /// <param name="k">How many to take (≥ 0).</param>
    /// <param name="work">Scratch of at least <paramref name="scores"/>.Length floats (overwritten).</param>
    /// <param name="destination">Receives the indices; at least min(<paramref name="k"/>, number of positive scores) long.</param>
    /// <returns>The number of indices written: min(<paramref name="k"/>, number of positive scores).</returns>
    /// <exception cref="ArgumentException"><paramref name="work"/> or <paramref name="destination"/> is too short, or <paramref name="k"/> is negative.</exception>
    /// <remarks>
    /// Replaces a bounded heap in the choice of a knowledge gap's dimensions (64 of 1536 on every
    /// <c>epistemic_action</c>), where the heap's insertions stood out in profiles of the server.
    /// </remarks>
    public static int Select(ReadOnlySpan<float> scores, int k, Span<float> work, Span<int> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (work.Length < scores.Length)
        {
            throw new ArgumentException($"The scratch holds {work.Length} floats; {scores.Length} are needed.", nameof(work));
        }

        int positive = 0;
        foreach (float s in scores)
        {
            if (s > 0)
            {
                work[positive++] = s;
            }
        }

        int taken = Math.Min(k, positive);
        if (destination.Length < taken)
        {
            throw new ArgumentException($"The destination holds {destination.Length} indices; {taken} are taken.", nameof(destination));
        }

        if (taken == 0)
        {
            return 0;
        }

        // The cut: the taken-th largest positive score. Every score above it is taken, and as many equal to it as fit.
        float cut = KthSmallest(work[..positive], positive - taken);
        int above = 0;
        foreach (float s in scores)
        {
            if (s > cut)
            {
                above++;
            }
        }

        int tiesLeft = taken - above;
        int written = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            float s = scores[i];
            if (s > cut || (s == cut && tiesLeft-- > 0))
            {
                destination[written++] = i;
            }
        }

        return written;
    }

    // Quickselect (Hoare partition, median of three): the value that would be at index n of the sorted span; reorders it.
    private static float KthSmallest(Span<float> values, int n)
    {
        int lo = 0, hi = values.Length - 1;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) / 2);
            float a = values[lo], b = values[mid], c = values[hi];
            float pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (n <= j)
            {
                hi = j;
            }
            else if (n >= i)
            {
                lo = i;
            }
            else
            {
                return values[n];
            }
        }

        return values[n];
    }
}
