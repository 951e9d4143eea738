using Actinf.Causal.Io;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Tests.Io;

// Malformed files: syntax problems are BifFormatException (with a line), problems of meaning are
// NetworkValidationException naming the variable.
public partial class BifReaderTests
{
    private const string TwoBinaries = """
        variable a { type discrete [ 2 ] { y, n }; }
        variable b { type discrete [ 2 ] { y, n }; }
        probability ( a ) { table 0.5, 0.5; }

        """; // three lines, so an appended block starts on line 4

    [Fact]
    public void Parse_Cycle_NamesTheCycle()
    {
        const string text = """
            variable a { type discrete [ 2 ] { y, n }; }
            variable b { type discrete [ 2 ] { y, n }; }
            variable c { type discrete [ 2 ] { y, n }; }
            probability ( a | c ) { (y) 0.5, 0.5; (n) 0.5, 0.5; }
            probability ( b | a ) { (y) 0.5, 0.5; (n) 0.5, 0.5; }
            probability ( c | b ) { (y) 0.5, 0.5; (n) 0.5, 0.5; }
            """;

        NetworkValidationException e = Assert.Throws<NetworkValidationException>(() => BifReader.Parse(text, "loop"));

        Assert.Contains("cycle", e.Message, StringComparison.Ordinal);
        Assert.Contains("a -> b", e.Message, StringComparison.Ordinal);
        Assert.Contains("b -> c", e.Message, StringComparison.Ordinal);
        Assert.Contains("c -> a", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RowNotSummingToOne_NamesVariableAndParentValues()
    {
        string text = TwoBinaries + "probability ( b | a ) { (y) 0.5, 0.5; (n) 0.5, 0.6; }";

        NetworkValidationException e = Assert.Throws<NetworkValidationException>(() => BifReader.Parse(text, "sums"));

        Assert.Contains("'b'", e.Message, StringComparison.Ordinal);
        Assert.Contains("(a=n)", e.Message, StringComparison.Ordinal);
        Assert.Contains("sums to 1.1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownParent_NamesItAndTheLine()
    {
        string text = TwoBinaries + "probability ( b | zzz ) { (y) 0.5, 0.5; (n) 0.5, 0.5; }";

        NetworkValidationException e = Assert.Throws<NetworkValidationException>(() => BifReader.Parse(text, "unknown"));

        Assert.Contains("unknown variable 'zzz'", e.Message, StringComparison.Ordinal);
        Assert.Contains("parent of 'b'", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("unknown line 4:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownStateInRow_NamesStateAndParent()
    {
        string text = TwoBinaries + "probability ( b | a ) {\n (y) 0.5, 0.5;\n (maybe) 0.5, 0.5;\n}";

        NetworkValidationException e = Assert.Throws<NetworkValidationException>(() => BifReader.Parse(text, "state"));

        Assert.Contains("unknown state 'maybe'", e.Message, StringComparison.Ordinal);
        Assert.Contains("parent 'a'", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("state line 6:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateVariable_NamesItAndTheLine()
    {
        string text = TwoBinaries + "variable a { type discrete [ 3 ] { p, q, r }; }";

        NetworkValidationException e = Assert.Throws<NetworkValidationException>(() => BifReader.Parse(text, "twice"));

        Assert.Contains("duplicate variable 'a'", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("twice line 4:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SecondProbabilityBlock_NamesBothLines()
    {
        string text = TwoBinaries + "probability ( b ) { table 0.5, 0.5; }\nprobability ( b ) { table 0.1, 0.9; }";

        NetworkValidationException e = Assert.Throws<NetworkValidationException>(() => BifReader.Parse(text, "again"));

        Assert.Contains("second probability block for 'b'", e.Message, StringComparison.Ordinal);
        Assert.Contains("the first is on line 4", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("again line 5:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingRow_NamesVariableAndParentValues()
    {
        string text = TwoBinaries + "probability ( b | a ) { (y) 0.5, 0.5; }";

        NetworkValidationException e = Assert.Throws<NetworkValidationException>(() => BifReader.Parse(text, "gap"));

        Assert.Contains("'b' has no row for (a=n)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingProbabilityBlock_NamesVariable()
    {
        NetworkValidationException e = Assert.Throws<NetworkValidationException>(() => BifReader.Parse(TwoBinaries, "none"));

        Assert.Contains("'b' has no probability table", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ConditionalTableOfWrongSize_NamesVariableAndCounts()
    {
        string text = TwoBinaries + "probability ( b | a ) { table 0.5, 0.5, 0.5; }";

        NetworkValidationException e = Assert.Throws<NetworkValidationException>(() => BifReader.Parse(text, "size"));

        Assert.Contains("table of 'b' has 3 values; expected 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StateCountDisagreesWithStates_ThrowsFormatErrorWithLine()
    {
        const string text = "network unknown {\n}\nvariable a {\n  type discrete [ 3 ] { y, n };\n}\n";

        BifFormatException e = Assert.Throws<BifFormatException>(() => BifReader.Parse(text, "count"));

        Assert.Equal(4, e.LineNumber);
        Assert.Equal("count", e.FileName);
        Assert.Contains("variable 'a' declares [ 3 ] states but lists 2 (y, n)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(10)]
    [InlineData(25)]
    [InlineData(40)]
    public void Parse_TruncatedFile_ThrowsFormatErrorAtEndOfFile(int cut)
    {
        string full = TwoBinaries + "probability ( b | a ) {\n  (y) 0.5, 0.5;\n  (n) 0.5, 0.5;\n}\n";
        string text = full[..^cut];
        int lastLine = text.Count(c => c == '\n') + 1;

        BifFormatException e = Assert.Throws<BifFormatException>(() => BifReader.Parse(text, "cut"));

        Assert.Equal(lastLine, e.LineNumber);
        Assert.Contains("end of file", e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"cut line {lastLine}: expected ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probability ( b ) { table 0.5, 0.5 }", "expected a probability, ',' or ';' in the table of 'b' but found '}'")]
    [InlineData("probability ( b ) { table 0.5, 0.5x; }", "expected a probability in the table of 'b' but found '0.5x'")]
    [InlineData("probability ( b | a ) { (y) 0.5, 0.5; (n) 0.5, O.5; }", "expected a probability in the row (n) of 'b' but found 'O.5'")]
    [InlineData("probability ( b | a ] { }", "expected a parent of 'b', ',' or ')' but found ']'")]
    [InlineData("probability ( b ) { 0.5, 0.5; }", "in the probability block of 'b' but found '0.5'")]
    [InlineData("probabilty ( b ) { table 0.5, 0.5; }", "expected 'network', 'variable' or 'probability' but found 'probabilty'")]
    [InlineData("variable c { type continuous; }", "expected 'discrete' (the only supported type) in variable 'c' but found 'continuous'")]
    [InlineData("variable c { type discrete [ two ] { p, q }; }", "the number of states of variable 'c' (a non-negative integer) but found 'two'")]
    [InlineData("variable c { }", "variable 'c' has no 'type discrete [ k ] { ... };' declaration")]
    public void Parse_SyntaxError_SaysWhatWasExpectedAndFound(string block, string expected)
    {
        BifFormatException e = Assert.Throws<BifFormatException>(() => BifReader.Parse(TwoBinaries + block, "syntax"));

        Assert.Equal(4, e.LineNumber);
        Assert.StartsWith("syntax line 4: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnterminatedComment_ThrowsFormatErrorAtItsStart()
    {
        string text = TwoBinaries + "/* never closed\n\n";

        BifFormatException e = Assert.Throws<BifFormatException>(() => BifReader.Parse(text, "comment"));

        Assert.Equal(4, e.LineNumber);
        Assert.Contains("'*/'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_Errors_NameTheFile()
    {
        using var folder = new TempFolder();
        string syntax = folder.File("broken.bif");
        File.WriteAllText(syntax, TwoBinaries + "probability ( b ) { table 0.5 0.5 }");
        string meaning = folder.File("meaning.bif");
        File.WriteAllText(meaning, TwoBinaries + "probability ( b ) { table 0.5, 0.6; }");

        BifFormatException format = Assert.Throws<BifFormatException>(() => BifReader.ReadFile(syntax));
        NetworkValidationException validation = Assert.Throws<NetworkValidationException>(() => BifReader.ReadFile(meaning));

        Assert.Equal("broken.bif", format.FileName);
        Assert.StartsWith("broken.bif line 4:", format.Message, StringComparison.Ordinal);
        Assert.StartsWith("meaning.bif:", validation.Message, StringComparison.Ordinal);
        Assert.Contains("'b'", validation.Message, StringComparison.Ordinal);
    }
}
