using System.Numerics.Tensors;
using Actinf.Epistemic.Errors;
using Actinf.Epistemic.Observations;
using Microsoft.Extensions.AI;

namespace Actinf.Epistemic.Tests.Observations;

public class HashedNgramEmbeddingGeneratorTests
{
    [Fact]
    public async Task GenerateAsync_SameText_SameUnitVector()
    {
        using var g = new HashedNgramEmbeddingGenerator(256);
        GeneratedEmbeddings<Embedding<float>> a = await g.GenerateAsync(["Quantum entanglement basics"]);
        GeneratedEmbeddings<Embedding<float>> b = await g.GenerateAsync(["Quantum entanglement basics"]);
        Assert.Equal(256, a[0].Vector.Length);
        Assert.Equal(a[0].Vector.ToArray(), b[0].Vector.ToArray());
        Assert.Equal(1f, TensorPrimitives.Norm(a[0].Vector.Span), 4);
    }

    [Fact]
    public void Embed_SharedWords_MoreSimilarThanUnrelated()
    {
        var g = new HashedNgramEmbeddingGenerator();
        float[] a = new float[1536], b = new float[1536], c = new float[1536];
        g.Embed("How does gradient descent converge on convex losses?", a);
        g.Embed("Convergence of gradient descent for convex functions", b);
        g.Embed("Best recipe for sourdough bread at home", c);
        Assert.True(TensorPrimitives.CosineSimilarity(a, b) > TensorPrimitives.CosineSimilarity(a, c) + 0.2f);
    }

    [Fact]
    public void GetService_Metadata_ReportsDimensions()
    {
        var g = new HashedNgramEmbeddingGenerator(64);
        var meta = g.GetService<EmbeddingGeneratorMetadata>();
        Assert.Equal(64, meta?.DefaultModelDimensions);
    }

    [Fact]
    public void ToModelUnits_ScalesToMeanSquareOne()
    {
        float[] raw = [3f, 4f, 0f, 0f];
        var dst = new float[4];
        EmbeddingScaling.ToModelUnits(raw, dst);
        Assert.Equal(4f, TensorPrimitives.SumOfSquares(dst), 4);
    }

    [Theory]
    [InlineData(float.NaN, ErrorKind.NumericalInstability)]
    [InlineData(float.PositiveInfinity, ErrorKind.NumericalInstability)]
    [InlineData(0f, ErrorKind.NumericalInstability)]
    public void ToModelUnits_BadValues_Rejected(float value, ErrorKind kind)
    {
        float[] raw = [value, value == 0f ? 0f : 1f];
        var ex = Assert.Throws<ActiveInferenceException>(() => EmbeddingScaling.ToModelUnits(raw, new float[2]));
        Assert.Equal(kind, ex.Kind);
    }

    [Fact]
    public void ToModelUnits_WrongDimension_RejectedWithClearMessage()
    {
        var ex = Assert.Throws<ActiveInferenceException>(() => EmbeddingScaling.ToModelUnits(new float[768], new float[1536]));
        Assert.Equal(ErrorKind.BeliefUpdateFailed, ex.Kind);
        Assert.Contains("768", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1536", ex.Message, StringComparison.Ordinal);
    }
}
