using System.Numerics.Tensors;
using Actinf.Epistemic.Errors;

namespace Actinf.Epistemic.Observations;

/// <summary>Validates raw embeddings and brings them to model units (mean square 1 per coordinate).</summary>
public static class EmbeddingScaling
{
    /// <summary>
    /// Checks <paramref name="embedding"/> and writes embedding · sqrt(d) / ||embedding||₂ to
    /// <paramref name="destination"/>.
    /// </summary>
    /// <param name="embedding">The raw embedding, length d.</param>
    /// <param name="destination">Receives the scaled vector; length d.</param>
    /// <exception cref="ActiveInferenceException">
    /// <see cref="ErrorKind.BeliefUpdateFailed"/> for a length that differs from <paramref name="destination"/>;
    /// <see cref="ErrorKind.NumericalInstability"/> for NaN, infinity or a zero vector.
    /// </exception>
    public static void ToModelUnits(ReadOnlySpan<float> embedding, Span<float> destination)
    {
        if (embedding.Length != destination.Length)
        {
            throw new ActiveInferenceException(
                ErrorKind.BeliefUpdateFailed,
                $"The embedding has {embedding.Length} values; the model's observation layer has {destination.Length}. Use an embedding generator of dimension {destination.Length} or configure Model.LayerDimensions[0] = {embedding.Length}.");
        }

        for (int i = 0; i < embedding.Length; i++)
        {
            if (!float.IsFinite(embedding[i]))
            {
                throw new ActiveInferenceException(
                    ErrorKind.NumericalInstability,
                    $"The embedding has a non-finite value ({embedding[i]}) at index {i}; every value must be a finite number.");
            }
        }

        double sumSquares = 0;
        for (int i = 0; i < embedding.Length; i++)
        {
            sumSquares += (double)embedding[i] * embedding[i];
        }

        double norm = Math.Sqrt(sumSquares);
        if (!(norm > 1e-30) || !double.IsFinite(norm))
        {
            throw new ActiveInferenceException(
                ErrorKind.NumericalInstability,
                "The embedding is the zero vector (or its norm under/overflows); it carries no direction to observe.");
        }

        TensorPrimitives.Multiply(embedding, (float)(Math.Sqrt(embedding.Length) / norm), destination);
    }
}
