using Actinf.Epistemic.State;

namespace Actinf.Epistemic.Tests.State;

public class Float32Base64Tests
{
    // 1.0f = 0x3F800000 and -2.5f = 0xC0200000, little-endian: 00 00 80 3F 00 00 20 C0 (base64 by hand / Python).
    private const string OneAndMinusTwoPointFive = "AACAPwAAIMA=";

    [Fact]
    public void Encode_TwoFloats_LittleEndianBase64()
    {
        Assert.Equal(OneAndMinusTwoPointFive, Float32Base64.Encode([1f, -2.5f]));
    }

    [Fact]
    public void TryDecode_TwoFloats_ValuesBack()
    {
        float[]? values = Float32Base64.TryDecode(OneAndMinusTwoPointFive);

        Assert.Equal([1f, -2.5f], values!);
    }

    [Fact]
    public void TryDecode_SpecialValues_RoundTripBitForBit()
    {
        float[] values = [float.NaN, float.NegativeInfinity, -0f, float.Epsilon, float.MaxValue];

        float[] back = Float32Base64.TryDecode(Float32Base64.Encode(values))!;

        Assert.Equal(values.Select(BitConverter.SingleToInt32Bits), back.Select(BitConverter.SingleToInt32Bits));
    }

    [Theory]
    [InlineData("AAA=")] // 3 bytes: not a whole float
    [InlineData("not base64!")]
    public void TryDecode_Malformed_ReturnsNull(string text)
    {
        Assert.Null(Float32Base64.TryDecode(text));
    }
}
