using Actinf.Epistemic.Observations;

namespace Actinf.Bench.Suites.Epistemic;

/// <summary>Seeded inputs shared by the epistemic benchmarks: texts embedded by the built-in generator.</summary>
internal static class EpistemicWorkload
{
    /// <summary>Questions in two domains (so that some observations are surprising).</summary>
    public static readonly (string Text, string Domain)[] Questions =
    [
        ("Why does regularization reduce overfitting in deep neural networks?", "machine learning"),
        ("How does dropout compare with weight decay as a regularizer?", "machine learning"),
        ("Is early stopping a form of regularization against overfitting?", "machine learning"),
        ("What does the learning rate schedule change in stochastic gradient descent?", "machine learning"),
        ("Why does sourdough need a long cold fermentation?", "baking"),
        ("How much hydration does a rustic loaf need?", "baking"),
        ("Can batch normalization replace dropout in convolutional networks?", "machine learning"),
        ("What is the role of the validation set when tuning regularization?", "machine learning"),
    ];

    /// <summary>The questions' embeddings in model units (1536-d, built-in hashed n-gram generator).</summary>
    public static float[][] Embeddings(int dimension)
    {
        var generator = new HashedNgramEmbeddingGenerator(dimension);
        var result = new float[Questions.Length][];
        for (int i = 0; i < Questions.Length; i++)
        {
            var raw = new float[dimension];
            generator.Embed(Questions[i].Text, raw);
            result[i] = new float[dimension];
            EmbeddingScaling.ToModelUnits(raw, result[i]);
        }

        return result;
    }
}
