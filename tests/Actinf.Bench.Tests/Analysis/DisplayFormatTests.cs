using Actinf.Bench.Analysis;

namespace Actinf.Bench.Tests.Analysis;

public class DisplayFormatTests
{
    [Theory]
    [InlineData(0.5, "0.50 ns")]
    [InlineData(12.34, "12.3 ns")]
    [InlineData(300.2, "300 ns")]
    [InlineData(999.4, "999 ns")]
    [InlineData(999.6, "1.00 µs")]
    [InlineData(2_512, "2.51 µs")]
    [InlineData(12_003, "12.0 µs")]
    [InlineData(850_000, "850 µs")]
    [InlineData(1_130_000, "1.13 ms")]
    [InlineData(2_500_000_000, "2.50 s")]
    public void Time_ThreeSignificantDigits(double ns, string expected)
    {
        Assert.Equal(expected, DisplayFormat.Time(ns));
    }

    [Theory]
    [InlineData(31.84, "+31.8%")]
    [InlineData(-4.46, "-4.5%")]
    [InlineData(0.0, "0.0%")]
    [InlineData(null, "n/a")]
    public void Change_IsSigned(double? percent, string expected)
    {
        Assert.Equal(expected, DisplayFormat.Change(percent));
    }

    [Theory]
    [InlineData(1e-9, "<0.0001")]
    [InlineData(0.0042, "0.0042")]
    [InlineData(0.43, "0.43")]
    [InlineData(null, "n/a")]
    public void PValue_Formats(double? p, string expected)
    {
        Assert.Equal(expected, DisplayFormat.PValue(p));
    }

    [Theory]
    [InlineData(48, "48 B")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(12_582_912, "12.0 MiB")]
    [InlineData(8_589_934_592, "8.0 GiB")]
    public void Bytes_UsesBinaryUnits(double bytes, string expected)
    {
        Assert.Equal(expected, DisplayFormat.Bytes(bytes));
    }

    [Theory]
    [InlineData(4.2, "4.2")]
    [InlineData(0.875, "0.875")]
    [InlineData(1e-12, "1E-12")]
    [InlineData(0.0, "0")]
    public void Number_SmallValuesAreScientific(double value, string expected)
    {
        Assert.Equal(expected, DisplayFormat.Number(value));
    }
}
