using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Actinf.Epistemic.State;

/// <summary>Base64 text of float32 arrays in little-endian byte order (the weight encoding of <see cref="WeightLayerState"/>).</summary>
internal static class Float32Base64
{
    /// <summary>Encodes the values: 4 bytes each, little-endian, then base64 (RFC 4648, with padding).</summary>
    public static string Encode(ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            return Convert.ToBase64String(MemoryMarshal.AsBytes(values));
        }

        var bytes = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        return Convert.ToBase64String(bytes);
    }

    /// <summary>Decodes base64 of little-endian float32 values; null when the text is not base64 or not a whole number of floats.</summary>
    public static float[]? TryDecode(string text)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length % sizeof(float) != 0)
        {
            return null;
        }

        var values = new float[bytes.Length / sizeof(float)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        }

        return values;
    }
}
