using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Actinf.Epistemic.Observations;

/// <summary>
/// A deterministic, offline <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>: hashed character n-grams
/// and words projected to a fixed dimension (feature hashing). It is <b>lexical, not semantic</b>: texts that
/// share words and spellings get similar vectors; synonyms do not. Plug a real embedding model in through the
/// same interface for semantic similarity.
/// </summary>
/// <remarks>
/// For each lower-cased text, every word (letters and digits) and every character n-gram of length
/// <see cref="MinN"/>..<see cref="MaxN"/> of " word " contributes to coordinate h mod d with sign ±1, where h is
/// the 64-bit FNV-1a hash of the feature and the sign is its top bit (Weinberger et al., 2009, feature
/// hashing: an unbiased random projection of the sparse count vector). Words weigh 2, n-grams 1; the counts
/// pass through log(1 + c) and the vector is L2-normalised. An empty text gives the zero vector, which the
/// engine rejects as <see cref="Errors.ErrorKind.NumericalInstability"/>.
/// </remarks>
public sealed class HashedNgramEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Shortest character n-gram. 3.</summary>
    public const int MinN = 3;

    /// <summary>Longest character n-gram. 4.</summary>
    public const int MaxN = 4;

    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>Creates a generator of the given dimension.</summary>
    /// <param name="dimensions">Length of every vector (e.g. 1536, the model's layer 0).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is not positive.</exception>
    public HashedNgramEmbeddingGenerator(int dimensions = 1536)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        Dimensions = dimensions;
        _metadata = new EmbeddingGeneratorMetadata("actinf-hashed-ngrams", null, "hashed-char-3-4-grams+words", dimensions);
    }

    /// <summary>Length of every vector produced.</summary>
    public int Dimensions { get; }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (string value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vector = new float[Dimensions];
            Embed(value ?? string.Empty, vector);
            result.Add(new Embedding<float>(vector) { ModelId = _metadata.DefaultModelId });
        }

        return Task.FromResult(result);
    }

    /// <summary>Embeds one text synchronously into <paramref name="destination"/> (length <see cref="Dimensions"/>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="destination">Receives the L2-normalised vector (all zeros for a text without letters or digits).</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong length.</exception>
    public void Embed(string text, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (destination.Length != Dimensions)
        {
            throw new ArgumentException($"Destination has {destination.Length} values; expected {Dimensions}.", nameof(destination));
        }

        destination.Clear();
        Span<char> padded = stackalloc char[66];
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            int length = Math.Min(i - start, 64);
            if (length == 0)
            {
                continue;
            }

            padded[0] = ' ';
            for (int k = 0; k < length; k++)
            {
                padded[k + 1] = char.ToLowerInvariant(text[start + k]);
            }

            padded[length + 1] = ' ';
            ReadOnlySpan<char> word = padded[..(length + 2)];
            Add(destination, word, 2f);
            for (int n = MinN; n <= MaxN; n++)
            {
                for (int s = 0; s + n <= word.Length; s++)
                {
                    Add(destination, word.Slice(s, n), 1f);
                }
            }
        }

        for (int k = 0; k < destination.Length; k++)
        {
            float c = destination[k];
            destination[k] = MathF.CopySign(MathF.Log(1f + MathF.Abs(c)), c);
        }

        float norm = TensorPrimitives.Norm(destination);
        if (norm > 0)
        {
            TensorPrimitives.Divide(destination, norm, destination);
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void Add(Span<float> destination, ReadOnlySpan<char> feature, float weight)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in feature)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        // Final avalanche (splitmix64) so that low bits and the sign bit are well mixed.
        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9UL;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111ebUL;
        hash ^= hash >> 31;
        int index = (int)(hash % (ulong)Dimensions);
        destination[index] += (hash >> 63) == 0 ? weight : -weight;
    }
}
