using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Actinf.Epistemic;
using Actinf.Epistemic.Contracts;
using Actinf.Epistemic.Sessions;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Epistemic;

/// <summary>
/// Export and import of one session's whole state (what the MCP server saves after every update and reads back
/// on a cache miss), for a session that has seen 120 observations: the current format (version 2, float vectors
/// as base64) and version 1's layout (vectors as arrays of decimal numbers, written here by the reflection
/// serializer with the same naming) for comparison; and the UTF-8 path the server uses (export into a reused
/// buffer, import from bytes).
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project src/Actinf.Bench -- --filter '*SessionStateBenchmarks*'</c>.</remarks>
[MemoryDiagnoser]
[BenchmarkCategory("epistemic")]
public class SessionStateBenchmarks : IDisposable
{
    /// <summary>The version-1 layout: camelCase, enums as strings, float vectors as JSON arrays of numbers.</summary>
    private static readonly JsonSerializerOptions VersionOneLayout = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    private ActiveInferenceEngine? _engine;
    private Guid _session;
    private string _current = string.Empty;
    private string _versionOne = string.Empty;
    private SessionState? _state;
    private byte[] _currentUtf8 = [];
    private readonly ArrayBufferWriter<byte> _buffer = new();

    /// <summary>Length in characters of the current export (after <see cref="Setup"/>).</summary>
    public int CurrentLength => _current.Length;

    /// <summary>Length in bytes of the UTF-8 encoding of the current export.</summary>
    public int CurrentUtf8Length => _currentUtf8.Length;

    /// <summary>Length in characters of the version-1 layout of the same state.</summary>
    public int VersionOneLength => _versionOne.Length;

    /// <summary>Creates a session and feeds it 120 questions (the history keeps the last ones).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _engine = new ActiveInferenceEngine();
        _session = _engine.CreateSession().SessionId;
        float[][] embeddings = EpistemicWorkload.Embeddings(_engine.Model.ObservationDimension);
        for (int i = 0; i < 120; i++)
        {
            int q = i % embeddings.Length;
            (string text, string domain) = EpistemicWorkload.Questions[q];
            _engine.Observe(new ObserveRequest(_session, text, embeddings[q], Domain: domain));
        }

        _current = _engine.ExportSession(_session);
        _currentUtf8 = Encoding.UTF8.GetBytes(_current);
        _state = SessionStateJson.Deserialize(_current);
        _versionOne = JsonSerializer.Serialize(_state with { Version = 1 }, VersionOneLayout);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Cleanup();
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the engine.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _engine?.Dispose();
        _engine = null;
    }

    /// <summary>ExportSession: the session's state as version-2 JSON.</summary>
    /// <returns>The document's length.</returns>
    [Benchmark(Baseline = true)]
    public int Export() => _engine!.ExportSession(_session).Length;

    /// <summary>ImportSession of the version-2 document (parse, check, rebuild the session).</summary>
    /// <returns>The imported id's hash.</returns>
    [Benchmark]
    public int Import() => _engine!.ImportSession(_current, replace: true).SessionId.GetHashCode();

    /// <summary>ExportSession into a reused UTF-8 buffer (what the server saves after every update).</summary>
    /// <returns>The document's length in bytes.</returns>
    [Benchmark]
    public int ExportUtf8()
    {
        _buffer.ResetWrittenCount();
        _engine!.ExportSession(_session, _buffer);
        return _buffer.WrittenCount;
    }

    /// <summary>ImportSession of the version-2 document from its UTF-8 bytes (what the server does on a cache miss).</summary>
    /// <returns>The imported id's hash.</returns>
    [Benchmark]
    public int ImportUtf8() => _engine!.ImportSession(_currentUtf8, replace: true).SessionId.GetHashCode();

    /// <summary>The same state written in version 1's layout (decimal numbers): what the export cost before format 2.</summary>
    /// <returns>The document's length.</returns>
    [Benchmark]
    public int ExportVersionOneLayout() => JsonSerializer.Serialize(_state, VersionOneLayout).Length;

    /// <summary>ImportSession of the version-1 document (still read).</summary>
    /// <returns>The imported id's hash.</returns>
    [Benchmark]
    public int ImportVersionOne() => _engine!.ImportSession(_versionOne, replace: true).SessionId.GetHashCode();
}
