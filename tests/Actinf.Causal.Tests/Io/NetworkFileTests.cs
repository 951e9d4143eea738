using Actinf.Causal.Io;
using Actinf.Causal.Networks;

namespace Actinf.Causal.Tests.Io;

public class NetworkFileTests
{
    private static string Networks => Path.Combine(RepositoryFolders.TestDataPath("causal"), "networks");

    [Fact]
    public void Load_Bif_UsesBifReader()
    {
        BayesianNetwork network = NetworkFile.Load(Path.Combine(Networks, "asia.bif"));

        Assert.Equal("asia", network.Name);
        Assert.Equal(8, network.Count);
    }

    [Theory]
    [InlineData("asia.xml")]
    [InlineData("asia.xmlbif")]
    [InlineData("asia.XML")]
    public void Load_XmlExtensions_UseXmlBifReader(string fileName)
    {
        using var folder = new TempFolder();
        string path = folder.File(fileName);
        File.Copy(Path.Combine(Networks, "xmlbif", "asia.xml"), path);

        BayesianNetwork network = NetworkFile.Load(path);

        Assert.Equal("asia", network.Name);
        NetworkAssert.Equivalent(BifReader.ReadFile(Path.Combine(Networks, "asia.bif")), network, 1e-12);
    }

    [Fact]
    public void Load_UnsupportedExtension_ListsSupportedOnes()
    {
        using var folder = new TempFolder();
        string path = folder.File("asia.net");
        File.Copy(Path.Combine(Networks, "asia.bif"), path);

        ArgumentException e = Assert.Throws<ArgumentException>(() => NetworkFile.Load(path));

        Assert.Equal("path", e.ParamName);
        Assert.Contains("'.net'", e.Message, StringComparison.Ordinal);
        Assert.Contains(".bif, .xml, .xmlbif", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFoundNamingPath()
    {
        string path = Path.Combine(Networks, "no-such-network.bif");

        FileNotFoundException e = Assert.Throws<FileNotFoundException>(() => NetworkFile.Load(path));

        Assert.Equal(path, e.FileName);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }
}
