using Actinf.Causal.Io;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Tests.Io;

public partial class BifReaderTests
{
    private static string Networks => Path.Combine(RepositoryFolders.TestDataPath("causal"), "networks");

    // The table of tests/data/causal/networks/README.md: nodes, edges, roots, max states, max parents, CPT entries.
    public static TheoryData<string, int, int, int, int, int, int> ReadmeTable => new()
    {
        { "cancer.bif", 5, 4, 2, 2, 2, 20 },
        { "earthquake.bif", 5, 4, 2, 2, 2, 20 },
        { "survey.bif", 6, 6, 2, 3, 2, 37 },
        { "asia.bif", 8, 8, 2, 2, 2, 36 },
        { "sachs.bif", 11, 17, 2, 3, 3, 267 },
        { "alarm.bif", 37, 46, 12, 4, 4, 752 },
        { "hailfinder.bif", 56, 66, 17, 11, 4, 3741 },
        { "hepar2.bif", 70, 123, 9, 4, 6, 2139 },
        { "win95pts.bif", 76, 112, 34, 2, 7, 1148 },
        { "pathfinder.bif", 109, 195, 1, 63, 5, 97851 },
        { "andes.bif", 223, 338, 89, 2, 6, 2314 },
        { "pigs.bif", 441, 592, 145, 3, 2, 8427 },
        { "link.bif", 724, 1125, 184, 4, 3, 20502 },
    };

    public static TheoryData<string> ShippedFiles => [.. ReadmeTable.Select(row => (string)row[0])];

    [Fact]
    public void ReadmeTable_ShippedFiles_AreAllListed()
    {
        string[] shipped = [.. Directory.GetFiles(Networks, "*.bif").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        string[] listed = [.. ReadmeTable.Select(row => (string)row[0]).Order(StringComparer.Ordinal)];
        Assert.Equal(listed, shipped);
    }

    [Theory]
    [MemberData(nameof(ReadmeTable))]
    public void ReadFile_ShippedNetwork_MatchesReadmeCounts(string file, int nodes, int edges, int roots, int maxStates, int maxParents, int cptEntries)
    {
        BayesianNetwork network = BifReader.ReadFile(Path.Combine(Networks, file));

        Assert.Equal(Path.GetFileNameWithoutExtension(file), network.Name);
        Assert.Equal(nodes, network.Count);
        Assert.Equal(edges, network.Graph.EdgeCount);
        Assert.Equal(roots, network.Variables.Count(v => network.ParentsOf(v.Index).Length == 0));
        Assert.Equal(maxStates, network.Variables.Max(v => v.Cardinality));
        Assert.Equal(maxParents, network.Variables.Max(v => network.ParentsOf(v.Index).Length));
        Assert.Equal(cptEntries, network.Variables.Sum(v => network.CptOf(v.Index).Length));
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void ReadFile_ShippedNetwork_RowsAreNormalised(string file)
    {
        BayesianNetwork network = BifReader.ReadFile(Path.Combine(Networks, file));

        foreach (Variable v in network.Variables)
        {
            ReadOnlySpan<double> cpt = network.CptOf(v.Index);
            for (int row = 0; row < cpt.Length; row += v.Cardinality)
            {
                double sum = 0;
                foreach (double p in cpt.Slice(row, v.Cardinality))
                {
                    Assert.True(p >= 0, $"negative entry in the CPT of '{v.Name}'");
                    sum += p;
                }

                Assert.True(Math.Abs(sum - 1) <= 1e-12, $"a row of '{v.Name}' sums to {sum:R}");
            }
        }
    }

    // Values read by eye from the files.
    [Theory]
    [InlineData("asia.bif", "tub", "yes", new[] { "yes" }, 0.05)]
    [InlineData("asia.bif", "tub", "no", new[] { "no" }, 0.99)]
    [InlineData("asia.bif", "asia", "yes", new string[0], 0.01)]
    [InlineData("asia.bif", "either", "no", new[] { "no", "no" }, 1.0)]
    [InlineData("asia.bif", "either", "no", new[] { "yes", "no" }, 0.0)]
    [InlineData("asia.bif", "dysp", "yes", new[] { "no", "yes" }, 0.7)]
    [InlineData("survey.bif", "T", "train", new[] { "self", "big" }, 0.21)]
    [InlineData("alarm.bif", "HISTORY", "TRUE", new[] { "TRUE" }, 0.9)]
    [InlineData("alarm.bif", "STROKEVOLUME", "NORMAL", new[] { "TRUE", "FALSE" }, 0.49)]
    [InlineData("alarm.bif", "STROKEVOLUME", "HIGH", new[] { "FALSE", "FALSE" }, 0.05)]
    [InlineData("pathfinder.bif", "F1", "Absent", new[] { "ALIP" }, 1.0)]
    public void ReadFile_ShippedNetwork_HasEntryAsWritten(string file, string variable, string state, string[] parentStates, double expected)
    {
        BayesianNetwork network = BifReader.ReadFile(Path.Combine(Networks, file));

        Assert.Equal(expected, network.Probability(variable, state, parentStates), 1e-6);
    }

    [Fact]
    public void ReadFile_Pathfinder_DividesRowBySum()
    {
        // The Fault table sums to 1.00000003; entry 43 (Large_cell__dif) reads 0.13488275.
        BayesianNetwork network = BifReader.ReadFile(Path.Combine(Networks, "pathfinder.bif"));

        Assert.Equal(0.13488275 / 1.00000003, network.Probability("Fault", "Large_cell__dif"), 1e-15);
    }

    [Fact]
    public void ReadFile_Alarm_KeepsDeclarationAndParentOrder()
    {
        BayesianNetwork network = BifReader.ReadFile(Path.Combine(Networks, "alarm.bif"));

        Variable stroke = network["STROKEVOLUME"];
        Assert.Equal(["LOW", "NORMAL", "HIGH"], stroke.States);
        Assert.Equal(["HYPOVOLEMIA", "LVFAILURE"], network.ParentsOf(stroke.Index).ToArray().Select(p => network[p].Name));
    }

    [Fact]
    public void Parse_CommentsPropertiesDefaultRowsAndOddNames_AreRead()
    {
        const string text = """
            // a line comment
            /* a block
               comment */
            network unknown {
              property version = 1.0 ;
            }
            variable size { // comment after a brace
              type discrete [ 4 ] { 0-3_units, 12+, <5, >=7.5 };
              property position = (10, 20) ;
            }
            variable side {
              type discrete[2]{Left/Right,Abbrev.};/* glued comment */
            }
            probability ( size ) {
              table .25, 2.5e-1, 0.25, 25E-2;
            }
            probability ( side | size ) {
              property note = "a ; inside quotes" ;
              default 0.3, 0.7;
              (<5) 0.5, 0.5;
              (12+) 1e-05, 0.99999;
            }
            """;

        BayesianNetwork network = BifReader.Parse(text, "odd");

        Assert.Equal("odd", network.Name);
        Assert.Equal(["0-3_units", "12+", "<5", ">=7.5"], network["size"].States);
        Assert.Equal(["Left/Right", "Abbrev."], network["side"].States);
        Assert.Equal([0.25, 0.25, 0.25, 0.25], network.CptOf(network["size"].Index).ToArray());
        Assert.Equal(0.5, network.Probability("side", "Left/Right", "<5"), 1e-15);
        Assert.Equal(0.99999, network.Probability("side", "Abbrev.", "12+"), 1e-15);
        // The default row fills the configurations not listed, whether it comes before or after the rows.
        Assert.Equal(0.3, network.Probability("side", "Left/Right", "0-3_units"), 1e-15);
        Assert.Equal(0.7, network.Probability("side", "Abbrev.", ">=7.5"), 1e-15);
    }

    [Fact]
    public void Parse_TableInConditionalBlock_IsChildMajor()
    {
        // X | A (2 states), B (3 states). BIF's table lists P(x0 | a, b) for (a0,b0), (a0,b1), (a0,b2), (a1,b0),
        // (a1,b1), (a1,b2), then P(x1 | ...) in the same order: child state slowest, last parent fastest.
        const string text = """
            variable A { type discrete [ 2 ] { a0, a1 }; }
            variable B { type discrete [ 3 ] { b0, b1, b2 }; }
            variable X { type discrete [ 2 ] { x0, x1 }; }
            probability ( A ) { table 0.5, 0.5; }
            probability ( B ) { table 0.2, 0.3, 0.5; }
            probability ( X | A, B ) {
              table 0.1, 0.2, 0.3, 0.4, 0.5, 0.6,
                    0.9, 0.8, 0.7, 0.6, 0.5, 0.4;
            }
            """;

        BayesianNetwork network = BifReader.Parse(text, "transpose");

        // Our layout: rows (a0,b0), (a0,b1), ..., (a1,b2); X's states fastest.
        double[] expected = [0.1, 0.9, 0.2, 0.8, 0.3, 0.7, 0.4, 0.6, 0.5, 0.5, 0.6, 0.4];
        double[] actual = network.CptOf(network["X"].Index).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-15);
        }

        Assert.Equal(0.4, network.Probability("X", "x0", "a1", "b0"), 1e-15);
        Assert.Equal(0.7, network.Probability("X", "x1", "a0", "b2"), 1e-15);
    }

    [Fact]
    public void Parse_ProbabilityBlockBeforeVariable_IsAccepted()
    {
        const string text = """
            probability ( b | a ) { (y) 0.2, 0.8; (n) 0.6, 0.4; }
            probability ( a ) { table 0.5, 0.5; }
            variable a { type discrete [ 2 ] { y, n }; }
            variable b { type discrete [ 2 ] { y, n }; }
            """;

        BayesianNetwork network = BifReader.Parse(text, "late");

        Assert.Equal(["a", "b"], network.Variables.Select(v => v.Name));
        Assert.Equal(0.6, network.Probability("b", "y", "n"), 1e-15);
    }

    [Fact]
    public void Parse_NullText_Throws()
    {
        ArgumentNullException e = Assert.Throws<ArgumentNullException>(() => BifReader.Parse(null!, "x"));
        Assert.Equal("text", e.ParamName);
    }

    [Fact]
    public void Parse_BlankName_Throws()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => BifReader.Parse("", " "));
        Assert.Equal("name", e.ParamName);
    }
}
