namespace Actinf.Epistemic.Actions;

/// <summary>Salient terms of recent texts: words of 3+ letters that are not stop words, weighted by recency.</summary>
public static class ContextKeywords
{
    // A table that grew past this many words is dropped rather than kept (clearing costs its capacity on every call).
    private const int MaxKeptWords = 4096;

    [ThreadStatic]
    private static Dictionary<string, (double Score, int First)>? t_scores;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "but", "not", "you", "your", "all", "any", "can", "had", "her", "was", "one", "our",
        "out", "has", "have", "how", "its", "may", "new", "now", "see", "who", "did", "does", "get", "got", "let",
        "put", "say", "she", "too", "use", "used", "using", "with", "this", "that", "from", "they", "them", "then",
        "than", "there", "their", "what", "when", "where", "which", "while", "will", "would", "could", "should",
        "about", "into", "onto", "over", "under", "some", "such", "very", "just", "also", "only", "more", "most",
        "much", "many", "each", "other", "been", "being", "were", "why", "here", "want", "need", "like", "know",
        "make", "made", "does", "doing", "done", "way", "ways", "thing", "things", "tell", "please", "help", "explain",
        "question", "between", "because", "after", "before", "again", "these", "those", "same", "well", "work", "works",
    };

    /// <summary>
    /// Extracts up to <paramref name="count"/> keywords from <paramref name="texts"/> (most recent last); a
    /// word's score is Σ over texts of 0.8^(age) per occurrence. Ties keep first appearance order.
    /// </summary>
    /// <param name="texts">Texts, oldest first.</param>
    /// <param name="count">Maximum keywords.</param>
    /// <returns>Lower-cased keywords, most salient first.</returns>
    /// <remarks>Runs for every knowledge gap of every <c>epistemic_action</c>: words are lower-cased into a stack
    /// buffer and looked up as spans, so only a word seen for the first time becomes a string, and the table of
    /// scores is the thread's own, reused.</remarks>
    public static IReadOnlyList<string> Extract(IReadOnlyList<string> texts, int count)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        // The thread's scratch table, taken for the call (a second use on the thread while this one runs gets its own).
        Dictionary<string, (double Score, int First)> scores = t_scores ?? new(StringComparer.Ordinal);
        t_scores = null;
        try
        {
            AddScores(texts, scores);
            return MostSalient(scores, count);
        }
        finally
        {
            if (scores.Count <= MaxKeptWords)
            {
                scores.Clear();
                t_scores = scores;
            }
        }
    }

    private static void AddScores(IReadOnlyList<string> texts, Dictionary<string, (double Score, int First)> scores)
    {
        Dictionary<string, (double Score, int First)>.AlternateLookup<ReadOnlySpan<char>> byWord = scores.GetAlternateLookup<ReadOnlySpan<char>>();
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> stopWord = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[64];
        int order = 0;
        for (int t = 0; t < texts.Count; t++)
        {
            double weight = Math.Pow(0.8, texts.Count - 1 - t);
            string text = texts[t];
            int i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && !char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }

                int start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '-'))
                {
                    i++;
                }

                ReadOnlySpan<char> raw = text.AsSpan(start, i - start).Trim('-');
                if (raw.Length < 3)
                {
                    continue;
                }

                Span<char> word = raw.Length <= buffer.Length ? buffer[..raw.Length] : new char[raw.Length];
                raw.ToLowerInvariant(word);
                if (stopWord.Contains(word) || IsAllDigits(word))
                {
                    continue;
                }

                byWord[word] = byWord.TryGetValue(word, out var seen) ? (seen.Score + weight, seen.First) : (weight, order++);
            }
        }
    }

    /// <summary>A short excerpt of a text: its first sentence, at most <paramref name="maxLength"/> characters, cut at a word.</summary>
    /// <param name="text">The text.</param>
    /// <param name="maxLength">Maximum length.</param>
    /// <returns>The excerpt without trailing punctuation ("" for an empty text).</returns>
    public static string Excerpt(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        string s = text.Trim();
        int end = s.IndexOfAny(['.', '?', '!', '\n']);
        if (end > 0)
        {
            s = s[..end];
        }

        if (s.Length > maxLength)
        {
            int cut = s.LastIndexOf(' ', maxLength);
            s = s[..(cut > maxLength / 2 ? cut : maxLength)] + "…";
        }

        return s.TrimEnd(' ', ',', ';', ':');
    }

    private static bool IsAllDigits(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // The first `count` words by score, descending, then by first appearance: a selection, since count is small.
    private static string[] MostSalient(Dictionary<string, (double Score, int First)> scores, int count)
    {
        int n = Math.Min(count, scores.Count);
        var chosen = new string[n];
        var chosenKeys = new (double Score, int First)[n];
        int filled = 0;
        foreach (KeyValuePair<string, (double Score, int First)> kv in scores)
        {
            int at = filled;
            while (at > 0 && Before(kv.Value, chosenKeys[at - 1]))
            {
                at--;
            }

            if (at >= n)
            {
                continue;
            }

            int last = Math.Min(filled, n - 1);
            for (int j = last; j > at; j--)
            {
                chosen[j] = chosen[j - 1];
                chosenKeys[j] = chosenKeys[j - 1];
            }

            chosen[at] = kv.Key;
            chosenKeys[at] = kv.Value;
            filled = Math.Min(filled + 1, n);
        }

        return chosen;
    }

    private static bool Before((double Score, int First) a, (double Score, int First) b) =>
        a.Score > b.Score || (a.Score == b.Score && a.First < b.First);
}
