using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actinf.Epistemic.Sessions;

/// <summary>
/// A float vector of a <see cref="SessionState"/> as base64 of its float32 values in little-endian byte order
/// (format version 2, the encoding of the engine's weights); reads version 1's JSON arrays of numbers too.
/// </summary>
/// <remarks>
/// Why: a session holds about 21,000 floats (posterior, precisions, domain centroids, the embeddings of the
/// observation history). As decimal text they took 131 KB and about 7 ms to write and 10 ms to read, which made
/// saving a session after each update cost more than the update; as base64 they take 4/3 bytes each, are exact by
/// construction, and encode at memory speed.
/// </remarks>
internal sealed class Float32VectorJsonConverter : JsonConverter<float[]>
{
    public override float[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                if (!reader.TryGetBytesFromBase64(out byte[]? bytes) || bytes.Length % sizeof(float) != 0)
                {
                    throw new JsonException("A vector is not base64 of a whole number of float32 values.");
                }

                var values = new float[bytes.Length / sizeof(float)];
                if (BitConverter.IsLittleEndian)
                {
                    bytes.AsSpan().CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
                }
                else
                {
                    for (int i = 0; i < values.Length; i++)
                    {
                        values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
                    }
                }

                return values;
            case JsonTokenType.StartArray:
                return ReadNumbers(ref reader);
            default:
                throw new JsonException($"A vector must be a base64 string or an array of numbers, not {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, float[] value, JsonSerializerOptions options)
    {
        // WriteBase64StringValue writes the alphabet as it is; a string value would have '+' escaped as \u002B.
        if (BitConverter.IsLittleEndian)
        {
            writer.WriteBase64StringValue(MemoryMarshal.AsBytes(value.AsSpan()));
            return;
        }

        var bytes = new byte[value.Length * sizeof(float)];
        for (int i = 0; i < value.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), value[i]);
        }

        writer.WriteBase64StringValue(bytes);
    }

    private static float[] ReadNumbers(ref Utf8JsonReader reader)
    {
        var values = new List<float>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number)
            {
                throw new JsonException($"A vector's elements must be numbers, not {reader.TokenType}.");
            }

            values.Add(reader.GetSingle());
        }

        return [.. values];
    }
}
