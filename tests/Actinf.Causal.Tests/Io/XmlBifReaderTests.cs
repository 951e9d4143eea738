using Actinf.Causal.Io;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Tests.Io;

public class XmlBifReaderTests
{
    private static string Networks => Path.Combine(RepositoryFolders.TestDataPath("causal"), "networks");

    [Theory]
    [InlineData("asia")]
    [InlineData("alarm")]
    [InlineData("hailfinder")]
    public void ReadFile_ShippedCopy_EqualsItsBifTwin(string name)
    {
        BayesianNetwork bif = BifReader.ReadFile(Path.Combine(Networks, name + ".bif"));

        BayesianNetwork xml = XmlBifReader.ReadFile(Path.Combine(Networks, "xmlbif", name + ".xml"));

        Assert.Equal(name, xml.Name);
        NetworkAssert.Equivalent(bif, xml, 1e-12);
    }

    [Fact]
    public void Parse_TwoParentTable_IsRowMajorWithChildFastest()
    {
        // Inline DTD (as some XMLBIF writers emit), properties, whitespace around names and a table over lines.
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE BIF [ <!ELEMENT BIF ( NETWORK )*> ]>
            <BIF VERSION="0.3">
              <NETWORK>
                <NAME>ignored</NAME>
                <PROPERTY>note = anything</PROPERTY>
                <VARIABLE TYPE="nature"><NAME> A </NAME><OUTCOME>a0</OUTCOME><OUTCOME>a1</OUTCOME></VARIABLE>
                <VARIABLE TYPE="nature"><NAME>B</NAME><OUTCOME>b0</OUTCOME><OUTCOME>b1</OUTCOME><OUTCOME>b2</OUTCOME></VARIABLE>
                <VARIABLE TYPE="nature"><NAME>X</NAME><OUTCOME>x0</OUTCOME><OUTCOME>x1</OUTCOME><PROPERTY>position = (1, 2)</PROPERTY></VARIABLE>
                <DEFINITION><FOR>A</FOR><TABLE>0.5 0.5</TABLE></DEFINITION>
                <DEFINITION><FOR>B</FOR><TABLE>0.2 0.3 0.5</TABLE></DEFINITION>
                <DEFINITION>
                  <FOR>X</FOR><GIVEN>A</GIVEN><GIVEN>B</GIVEN>
                  <TABLE>0.1 0.9 0.2 0.8 0.3 0.7
                         0.4 0.6 0.5 0.5 0.6 0.4</TABLE>
                </DEFINITION>
              </NETWORK>
            </BIF>
            """;

        BayesianNetwork network = XmlBifReader.Parse(xml, "small");

        Assert.Equal("small", network.Name);
        Assert.Equal(["A", "B", "X"], network.Variables.Select(v => v.Name));
        Assert.Equal(0.4, network.Probability("X", "x0", "a1", "b0"), 1e-15);
        Assert.Equal(0.7, network.Probability("X", "x1", "a0", "b2"), 1e-15);
        Assert.Equal(0.4, network.Probability("X", "x1", "a1", "b2"), 1e-15);
    }

    [Fact]
    public void Parse_MalformedXml_ThrowsFormatErrorWithLine()
    {
        const string xml = "<BIF>\n<NETWORK>\n<VARIABLE>\n</NETWORK>\n</BIF>";

        BifFormatException e = Assert.Throws<BifFormatException>(() => XmlBifReader.Parse(xml, "broken"));

        Assert.Equal(4, e.LineNumber);
        Assert.StartsWith("broken line 4: malformed XML", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<NETWORK><VARIABLE TYPE=\"nature\"><OUTCOME>y</OUTCOME></VARIABLE></NETWORK>", "expected a non-empty <NAME> in <VARIABLE>")]
    [InlineData("<NETWORK><VARIABLE TYPE=\"decision\"><NAME>d</NAME><OUTCOME>y</OUTCOME></VARIABLE></NETWORK>", "TYPE=\"decision\" on variable 'd'")]
    [InlineData("<NETWORK><DEFINITION><TABLE>1</TABLE></DEFINITION></NETWORK>", "expected a non-empty <FOR> in <DEFINITION>")]
    [InlineData("<NETWORK><VARIABLE><NAME>v</NAME><OUTCOME>y</OUTCOME></VARIABLE><DEFINITION><FOR>v</FOR></DEFINITION></NETWORK>", "expected a <TABLE> in the <DEFINITION> of 'v'")]
    [InlineData("<NETWORK><VARIABLE><NAME>v</NAME><OUTCOME>y</OUTCOME></VARIABLE><DEFINITION><FOR>v</FOR><TABLE>one</TABLE></DEFINITION></NETWORK>", "expected a probability in the <TABLE> of 'v' but found 'one'")]
    [InlineData("<VARIABLE/>", "expected a <NETWORK> element in <BIF>")]
    public void Parse_LayoutError_ThrowsFormatError(string body, string expected)
    {
        BifFormatException e = Assert.Throws<BifFormatException>(() => XmlBifReader.Parse("<BIF>\n" + body + "\n</BIF>", "layout"));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.True(e.LineNumber > 0);
    }

    [Fact]
    public void Parse_WrongRoot_ThrowsFormatError()
    {
        BifFormatException e = Assert.Throws<BifFormatException>(() => XmlBifReader.Parse("<NETWORK/>", "root"));

        Assert.Contains("expected the root element <BIF> but found <NETWORK>", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownGiven_NamesVariableAndLine()
    {
        const string xml = """
            <BIF><NETWORK>
            <VARIABLE><NAME>v</NAME><OUTCOME>y</OUTCOME><OUTCOME>n</OUTCOME></VARIABLE>
            <DEFINITION><FOR>v</FOR><GIVEN>ghost</GIVEN><TABLE>0.5 0.5 0.5 0.5</TABLE></DEFINITION>
            </NETWORK></BIF>
            """;

        NetworkValidationException e = Assert.Throws<NetworkValidationException>(() => XmlBifReader.Parse(xml, "given"));

        Assert.StartsWith("given line 3:", e.Message, StringComparison.Ordinal);
        Assert.Contains("unknown variable 'ghost'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TableOfWrongSize_NamesVariable()
    {
        const string xml = """
            <BIF><NETWORK>
            <VARIABLE><NAME>v</NAME><OUTCOME>y</OUTCOME><OUTCOME>n</OUTCOME></VARIABLE>
            <DEFINITION><FOR>v</FOR><TABLE>0.2 0.3 0.5</TABLE></DEFINITION>
            </NETWORK></BIF>
            """;

        NetworkValidationException e = Assert.Throws<NetworkValidationException>(() => XmlBifReader.Parse(xml, "size"));

        Assert.Contains("CPT of 'v' has 3 entries; expected 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RowNotSummingToOne_NamesVariable()
    {
        const string xml = """
            <BIF><NETWORK>
            <VARIABLE><NAME>v</NAME><OUTCOME>y</OUTCOME><OUTCOME>n</OUTCOME></VARIABLE>
            <DEFINITION><FOR>v</FOR><TABLE>0.2 0.3</TABLE></DEFINITION>
            </NETWORK></BIF>
            """;

        NetworkValidationException e = Assert.Throws<NetworkValidationException>(() => XmlBifReader.Parse(xml, "sum"));

        Assert.StartsWith("sum: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("CPT row of 'v' given no parents sums to 0.5", e.Message, StringComparison.Ordinal);
    }
}
