using Actinf.Causal.Io;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Tests.Io;

public class BifWriterTests
{
    private static string Networks => Path.Combine(RepositoryFolders.TestDataPath("causal"), "networks");

    public static TheoryData<string> ShippedFiles => BifReaderTests.ShippedFiles;

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Write_ShippedNetwork_ReadsBackUnchanged(string file)
    {
        BayesianNetwork network = BifReader.ReadFile(Path.Combine(Networks, file));

        BayesianNetwork back = BifReader.Parse(BifWriter.Write(network), network.Name);

        Assert.Equal(network.Variables.Select(v => v.Name), back.Variables.Select(v => v.Name));
        // Values are written exactly ("R"); re-reading divides each row by its sum again, which may move an ulp.
        NetworkAssert.Equivalent(network, back, 1e-15);
    }

    [Fact]
    public void Write_SmallNetwork_WritesTheDialect()
    {
        BayesianNetwork network = new NetworkBuilder("tiny")
            .AddVariable("rain", "yes", "no")
            .AddVariable("sprinkler", "on", "off")
            .AddVariable("wet", "yes", "no")
            .SetTable("rain", [], [0.2, 0.8])
            .SetTable("sprinkler", [], [0.5, 0.5])
            .SetTable("wet", ["rain", "sprinkler"], [0.99, 0.01, 0.9, 0.1, 0.8, 0.2, 1e-05, 0.99999])
            .Build();

        string text = BifWriter.Write(network);

        const string expected = """
            network tiny {
            }
            variable rain {
              type discrete [ 2 ] { yes, no };
            }
            variable sprinkler {
              type discrete [ 2 ] { on, off };
            }
            variable wet {
              type discrete [ 2 ] { yes, no };
            }
            probability ( rain ) {
              table 0.2, 0.8;
            }
            probability ( sprinkler ) {
              table 0.5, 0.5;
            }
            probability ( wet | rain, sprinkler ) {
              (yes, on) 0.99, 0.01;
              (yes, off) 0.9, 0.1;
              (no, on) 0.8, 0.2;
              (no, off) 1E-05, 0.99999;
            }

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void Write_OddStateNames_ReadBack()
    {
        BayesianNetwork network = new NetworkBuilder("odd")
            .AddVariable("size", "0-3_units", "12+", "<5", ">=7.5")
            .AddVariable("side", "Left/Right", "Abbrev.")
            .SetTable("size", [], [0.1, 0.2, 0.3, 0.4])
            .SetTable("side", ["size"], [0.5, 0.5, 0.25, 0.75, 1, 0, 0, 1])
            .Build();

        BayesianNetwork back = BifReader.Parse(BifWriter.Write(network), "odd");

        NetworkAssert.Equivalent(network, back, 0);
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("a,b")]
    [InlineData("x;")]
    [InlineData("a//b")]
    public void Write_UnwritableStateName_Throws(string state)
    {
        BayesianNetwork network = new NetworkBuilder("bad").AddVariable("v", state, "ok").SetTable("v", [], [0.5, 0.5]).Build();

        ArgumentException e = Assert.Throws<ArgumentException>(() => BifWriter.Write(network));

        Assert.Equal("network", e.ParamName);
        Assert.Contains($"state '{state}' of variable 'v'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NetworkNameWithSpace_WritesUnknown()
    {
        BayesianNetwork network = new NetworkBuilder("my net").AddVariable("v", "y", "n").SetTable("v", [], [0.5, 0.5]).Build();

        Assert.StartsWith("network unknown {\n", BifWriter.Write(network), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteFile_ThenReadFile_RoundTrips()
    {
        using var folder = new TempFolder();
        BayesianNetwork network = BifReader.ReadFile(Path.Combine(Networks, "survey.bif"));
        string path = folder.File("copy.bif");

        BifWriter.WriteFile(network, path);
        BayesianNetwork back = BifReader.ReadFile(path);

        Assert.Equal("copy", back.Name);
        NetworkAssert.Equivalent(network, back, 1e-15);
    }
}
