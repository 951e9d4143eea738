using Actinf.Epistemic.Actions;

namespace Actinf.Epistemic.Tests.Actions;

public class ContextKeywordsTests
{
    private static readonly string[] Vocabulary =
    [
        "kernel", "Kernel", "KERNEL", "kernels", "the", "The", "and", "why", "help", "neural", "net", "nets", "networks",
        "2024", "1e5", "x-ray", "-dash-", "--", "a", "ab", "abc", "Éclair", "éclair", "İstanbul", "naïve", "ß", "straße",
        "regularization", "over-fitting", "L2", "l2", "3d", "état", "日本語", "données",
        new string('w', 70), new string('W', 70) + "x", "co-operate", "because",
    ];

    private static readonly string[] Separators = [" ", "  ", ", ", "? ", ". ", "\n", " (", ") ", "/", "'", "—"];

    // A word: a letter or decimal digit, then letters, digits and hyphens (char.IsLetterOrDigit's categories).
    private static readonly System.Text.RegularExpressions.Regex WordPattern = new(@"[\p{L}\p{Nd}][\p{L}\p{Nd}-]*");

    // The definition, written plainly: match words, trim '-', lower-case, filter, score, sort.
    private static List<string> Reference(string[] texts, int count)
    {
        var stop = typeof(ContextKeywords).GetField("StopWords", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null) as HashSet<string>;
        var scores = new Dictionary<string, (double Score, int First)>(StringComparer.Ordinal);
        int order = 0;
        for (int t = 0; t < texts.Length; t++)
        {
            double weight = Math.Pow(0.8, texts.Length - 1 - t);
            foreach (System.Text.RegularExpressions.Match match in WordPattern.Matches(texts[t]))
            {
                string word = match.Value.Trim('-').ToLowerInvariant();
                if (word.Length < 3 || stop!.Contains(word) || word.All(char.IsDigit))
                {
                    continue;
                }

                scores[word] = scores.TryGetValue(word, out var s) ? (s.Score + weight, s.First) : (weight, order++);
            }
        }

        return [.. scores.OrderByDescending(kv => kv.Value.Score).ThenBy(kv => kv.Value.First).Take(count).Select(kv => kv.Key)];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Extract_RandomTexts_SameKeywordsAsTheDefinition(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 300; round++)
        {
            string[] texts = [.. Enumerable.Range(0, random.Next(0, 6)).Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 25)).Select(_ =>
                Vocabulary[random.Next(Vocabulary.Length)] + Separators[random.Next(Separators.Length)])))];
            int count = random.Next(0, 6);
            Assert.Equal(Reference(texts, count), ContextKeywords.Extract(texts, count));
        }
    }

    [Fact]
    public void Extract_AfterATextOfMoreWordsThanTheKeptTable_StillMatchesTheDefinition()
    {
        // Past 4,096 distinct words the scratch table is dropped rather than kept; the calls around it must not notice.
        string[] huge = [string.Join(' ', Enumerable.Range(0, 5000).Select(i => $"word{i:x}z"))];
        string[] small = ["kernel methods and kernel tricks"];
        Assert.Equal(Reference(small, 3), ContextKeywords.Extract(small, 3));
        Assert.Equal(Reference(huge, 4), ContextKeywords.Extract(huge, 4));
        Assert.Equal(Reference(small, 3), ContextKeywords.Extract(small, 3));
    }

    [Fact]
    public void Extract_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ContextKeywords.Extract(["kernel methods"], -1));
    }
}
