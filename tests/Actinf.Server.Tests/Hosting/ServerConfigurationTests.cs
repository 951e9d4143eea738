using Actinf.Server.Hosting;
using Actinf.Server.Stores;
using Actinf.Server.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Actinf.Server.Tests.Hosting;

/// <summary>Settings from a JSON file, ACTINF_* variables and flags, in that rising precedence (issue #6).</summary>
public sealed class ServerConfigurationTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public void Load_FileEnvironmentAndFlags_LaterSourcesWin()
    {
        using var folder = new TempFolder();
        string file = folder.File("server.json");
        File.WriteAllText(file, """
            {
              "Store": "/from/file.db",
              "Http": "127.0.0.1:9000",
              "LogLevel": "Information",
              "MaxLoadedSessions": 50,
              "IdleTimeout": "00:02:00",
              "Durability": "Process",
              "Engine": { "UncertaintyThreshold": 0.45, "BeliefUpdater": { "MaxIterations": 7 } }
            }
            """);
        var environment = new Dictionary<string, string?>
        {
            ["ACTINF_HTTP"] = "127.0.0.1:9001",
            ["ACTINF_MAXLOADEDSESSIONS"] = "60",
            ["ACTINF_ENGINE__UNCERTAINTYTHRESHOLD"] = "0.5",
            ["ACTINF_PYMDP_BASELINE"] = "an unrelated variable of another tool",
        };
        var flags = new Dictionary<string, string?> { ["Http"] = "127.0.0.1:9002", ["Store"] = null };

        ServerOptions o = ServerConfiguration.Load(file, flags, environment);

        Assert.Equal("/from/file.db", o.StorePath);              // file only (a null flag is no flag)
        Assert.Equal("127.0.0.1:9002", o.HttpEndpoint);          // flag over environment over file
        Assert.Equal(60, o.MaxLoadedSessions);                   // environment over file
        Assert.Equal(TimeSpan.FromMinutes(2), o.IdleTimeout);
        Assert.Equal(LogLevel.Information, o.LogLevel);
        Assert.Equal(StoreDurability.Process, o.Durability);
        Assert.Equal(0.5f, o.Engine.UncertaintyThreshold);      // nested key from the environment
        Assert.Equal(7, o.Engine.BeliefUpdater.MaxIterations);   // nested section from the file
        Assert.Equal(new Epistemic.Configuration.EngineOptions().MaxActionsPerResponse, o.Engine.MaxActionsPerResponse);
    }

    [Fact]
    public void Load_ConfigFileFromTheEnvironment_IsRead()
    {
        using var folder = new TempFolder();
        string file = folder.File("server.json");
        File.WriteAllText(file, """{ "Networks": "/srv/networks" }""");
        ServerOptions o = ServerConfiguration.Load(null, null, new Dictionary<string, string?> { ["ACTINF_CONFIG"] = file });
        Assert.Equal("/srv/networks", o.NetworksDirectory);
        Assert.Null(o.HttpEndpoint);
        Assert.Equal(StoreDurability.Full, o.Durability);
    }

    [Fact]
    public void Load_MisspeltKeyInTheFile_NamesTheKeyAndTheFile()
    {
        using var folder = new TempFolder();
        string file = folder.File("server.json");
        File.WriteAllText(file, """{ "Stor": "/x.db" }""");
        ArgumentException e = Assert.Throws<ArgumentException>(() => ServerConfiguration.Load(file, null, NoEnvironment));
        Assert.Contains("Stor", e.Message, StringComparison.Ordinal);
        Assert.Contains(file, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "MaxLoadedSessions": "many" }""", "MaxLoadedSessions")]
    [InlineData("""{ "MaxLoadedSessions": 0 }""", "MaxLoadedSessions")]
    [InlineData("""{ "Http": "somewhere" }""", "somewhere")]
    [InlineData("""{ "Durability": "Eventually" }""", "Durability")]
    public void Load_BadValue_NamesTheSetting(string json, string named)
    {
        using var folder = new TempFolder();
        string file = folder.File("server.json");
        File.WriteAllText(file, json);
        ArgumentException e = Assert.Throws<ArgumentException>(() => ServerConfiguration.Load(file, null, NoEnvironment));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingOrBrokenFile_SaysSo()
    {
        using var folder = new TempFolder();
        Assert.Contains("does not exist", Assert.Throws<ArgumentException>(() => ServerConfiguration.Load(folder.File("none.json"), null, NoEnvironment)).Message, StringComparison.Ordinal);
        string broken = folder.File("broken.json");
        File.WriteAllText(broken, "{ \"Store\": ");
        Assert.Contains("not valid JSON", Assert.Throws<ArgumentException>(() => ServerConfiguration.Load(broken, null, NoEnvironment)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreDurability.Full, 2L)]
    [InlineData(StoreDurability.Process, 1L)]
    public void DurableSqlite_Durability_SetsTheSynchronousMode(StoreDurability durability, long synchronous)
    {
        using var folder = new TempFolder();
        using SqliteConnection connection = DurableSqlite.Open(folder.File("s.db"), durability, out _);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(synchronous, (long)command.ExecuteScalar()!);
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string)command.ExecuteScalar()!);
    }
}
