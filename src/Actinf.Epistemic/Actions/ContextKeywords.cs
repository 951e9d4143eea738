namespace Actinf.Epistemic.Actions;

/// <summary>Salient terms of recent texts: words of 3+ letters that are not stop words, weighted by recency.</summary>
public static class ContextKeywords
{
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
    public static IReadOnlyList<string> Extract(IReadOnlyList<string> texts, int count)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var scores = new Dictionary<string, (double Score, int First)>(StringComparer.Ordinal);
        int order = 0;
        for (int t = 0; t < texts.Count; t++)
        {
            double weight = Math.Pow(0.8, texts.Count - 1 - t);
            foreach (string word in Words(texts[t]))
            {
                if (word.Length < 3 || StopWords.Contains(word) || word.All(char.IsDigit))
                {
                    continue;
                }

                scores[word] = scores.TryGetValue(word, out var s) ? (s.Score + weight, s.First) : (weight, order++);
            }
        }

        return [.. scores.OrderByDescending(kv => kv.Value.Score).ThenBy(kv => kv.Value.First).Take(count).Select(kv => kv.Key)];
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

    private static IEnumerable<string> Words(string text)
    {
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

            if (i > start)
            {
                yield return text[start..i].Trim('-').ToLowerInvariant();
            }
        }
    }
}
