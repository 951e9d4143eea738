using Actinf.Epistemic;
using Actinf.Epistemic.Contracts;
using Actinf.Epistemic.Sessions;
using Actinf.Server.Stores;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Actinf.Bench.Suites.Server;

/// <summary>
/// The session store alone: saving a session that has seen 120 observations, one save at a time and 100 sessions
/// saved at once (group commit: the saves that wait together share one transaction), with the two durabilities.
/// A save writes what an operation changed: the beliefs part (an <c>observe</c>, about 120 KB) or the actions part
/// (an <c>epistemic_action</c>, a few KB). Time per save.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project src/Actinf.Bench -- --filter '*SessionStoreBenchmarks*'</c>.</remarks>
[MemoryDiagnoser]
[BenchmarkCategory("server")]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 15, invocationCount: 1)]
public class SessionStoreBenchmarks : IDisposable
{
    /// <summary>Sessions saved at once by <see cref="SaveConcurrently"/>.</summary>
    public const int Sessions = 100;

    /// <summary>Saves per invocation of <see cref="SaveOneAtATime"/>.</summary>
    public const int SequentialSaves = 20;

    private string _folder = string.Empty;
    private SqliteSessionStore? _store;
    private SessionPartState[] _everyPart = [];
    private SessionPartState[] _saved = [];
    private Guid[] _ids = [];
    private long[] _versions = [];

    /// <summary>"full" (an fsync per commit) or "process".</summary>
    [Params("full", "process")]
    public string Durability { get; set; } = "full";

    /// <summary>The part each save writes: "beliefs" (as an observe) or "actions" (as an epistemic_action).</summary>
    [Params("beliefs", "actions")]
    public string Part { get; set; } = "beliefs";

    /// <summary>UTF-8 bytes written per save.</summary>
    public int StateLength => _saved.Sum(p => p.State.Length);

    /// <summary>Builds the state and stores the sessions once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        using (var engine = new ActiveInferenceEngine())
        {
            Guid id = engine.CreateSession().SessionId;
            float[][] embeddings = Epistemic.EpistemicWorkload.Embeddings(engine.Model.ObservationDimension);
            for (int i = 0; i < 120; i++)
            {
                int q = i % embeddings.Length;
                engine.Observe(new ObserveRequest(id, Epistemic.EpistemicWorkload.Questions[q].Text, embeddings[q], Domain: Epistemic.EpistemicWorkload.Questions[q].Domain));
            }

            engine.SelectActions(new EpistemicActionRequest(id, Force: true));
            _everyPart = [.. SessionStateAssembly.SingleParts.Select(part => new SessionPartState(part, ExportPart(engine, id, part)))];
        }

        SessionStateParts savedPart = Enum.Parse<SessionStateParts>(Part, ignoreCase: true);
        _saved = [.. _everyPart.Where(p => p.Part == savedPart)];

        // The sizes behind the figures (BenchmarkDotNet's log shows them): what each save writes, and each part.
        Console.WriteLine($"// SessionStoreBenchmarks: a save writes the {savedPart} part, {StateLength:N0} bytes; parts: {string.Join(", ", _everyPart.Select(p => $"{p.Part} {p.State.Length:N0} B"))}");

        _folder = Path.Combine(Path.GetTempPath(), "actinf-bench-store-" + Guid.NewGuid().ToString("N"));
        _store = new SqliteSessionStore(Path.Combine(_folder, "sessions.db"), Enum.Parse<StoreDurability>(Durability, ignoreCase: true));
        _ids = new Guid[Sessions];
        _versions = new long[Sessions];
        for (int s = 0; s < Sessions; s++)
        {
            _ids[s] = Guid.NewGuid();
            Save(s).GetAwaiter().GetResult();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Cleanup();
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the store and deletes its folder.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        _store = null;
        if (_folder.Length > 0 && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>20 saves of one session, each awaited before the next (one transaction each).</summary>
    /// <returns>The session's version.</returns>
    [Benchmark(OperationsPerInvoke = SequentialSaves)]
    public async Task<long> SaveOneAtATime()
    {
        for (int i = 0; i < SequentialSaves; i++)
        {
            await Save(0).ConfigureAwait(false);
        }

        return _versions[0];
    }

    /// <summary>One save of each of 100 sessions, all started at once.</summary>
    /// <returns>The sum of the versions.</returns>
    [Benchmark(OperationsPerInvoke = Sessions)]
    public async Task<long> SaveConcurrently()
    {
        var saves = new Task[Sessions];
        for (int s = 0; s < Sessions; s++)
        {
            int session = s;
            saves[s] = Task.Run(() => Save(session));
        }

        await Task.WhenAll(saves).ConfigureAwait(false);
        long sum = 0;
        foreach (long v in _versions)
        {
            sum += v;
        }

        return sum;
    }

    /// <summary>Transactions committed so far (fewer than the saves when they were grouped).</summary>
    public long Commits => _store!.Commits;

    /// <summary>Saves committed so far.</summary>
    public long CommittedWrites => _store!.CommittedWrites;

    private async Task Save(int session)
    {
        long expected = _versions[session];
        SessionPartState[] parts = expected == 0 ? _everyPart : _saved;
        await _store!.SaveAsync(new SessionRecord(_ids[session], expected + 1, DateTimeOffset.UtcNow, 0.5f, 0.5f, parts), expected).ConfigureAwait(false);
        _versions[session] = expected + 1;
    }

    private static byte[] ExportPart(ActiveInferenceEngine engine, Guid id, SessionStateParts part)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        engine.ExportSessionPart(id, part, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
