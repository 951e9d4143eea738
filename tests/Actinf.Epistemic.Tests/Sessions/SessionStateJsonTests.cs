using System.Buffers;
using Actinf.Epistemic.Contracts;
using Actinf.Epistemic.Errors;
using Actinf.Epistemic.Sessions;
using Actinf.Epistemic.Tests.Support;

namespace Actinf.Epistemic.Tests.Sessions;

public class SessionStateJsonTests
{
    private static readonly System.Text.Json.JsonSerializerOptions LenientJson = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
    };

    private static (ActiveInferenceEngine Engine, Guid Id) Populated(ManualTimeProvider clock)
    {
        var engine = new ActiveInferenceEngine(timeProvider: clock);
        Guid id = engine.CreateSession().SessionId;
        engine.SetGoals(id, [new GoalInput("understand regularization", Weight: 2f)]);
        engine.Observe(new ObserveRequest(id, "Why does regularization reduce overfitting?", Domain: "ml"));
        engine.Observe(new ObserveRequest(id, "What is a Fourier transform?", Domain: "signals"));
        var actions = engine.SelectActions(new EpistemicActionRequest(id, Force: true)).Actions;
        engine.RecordFeedback(new FeedbackRequest(id, actions[0].ActionId, true));
        return (engine, id);
    }

    [Fact]
    public void ExportImport_RoundTrip_Identical()
    {
        var clock = new ManualTimeProvider();
        var (engine, id) = Populated(clock);
        using (engine)
        {
            string json = engine.ExportSession(id);
            Assert.Contains("\"version\":2", json, StringComparison.Ordinal);
            using var other = new ActiveInferenceEngine(timeProvider: clock);
            Assert.Equal(id, other.ImportSession(json).SessionId);
            Assert.Equal(json, other.ExportSession(id));
            Assert.Equal(engine.GetSession(id) with { DomainUncertainty = null! }, other.GetSession(id) with { DomainUncertainty = null! });
            Assert.Equal(engine.GetSession(id).DomainUncertainty, other.GetSession(id).DomainUncertainty);
        }
    }

    [Fact]
    public void ExportUtf8_Populated_SameBytesAsTheTextExportAndImportsBack()
    {
        var clock = new ManualTimeProvider();
        var (engine, id) = Populated(clock);
        using (engine)
        {
            string json = engine.ExportSession(id);
            var buffer = new ArrayBufferWriter<byte>();
            buffer.Write("stale"u8); // a reused buffer is appended to, so callers reset it first
            buffer.ResetWrittenCount();
            engine.ExportSession(id, buffer);
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(json), buffer.WrittenSpan.ToArray());

            using var other = new ActiveInferenceEngine(timeProvider: clock);
            Assert.Equal(id, other.ImportSession(buffer.WrittenSpan).SessionId);
            Assert.Equal(json, other.ExportSession(id));
            Assert.Throws<ActiveInferenceException>(() => other.ImportSession(buffer.WrittenSpan));
        }
    }

    [Fact]
    public void ExportUtf8_OneAfterAnotherIntoDifferentBuffers_EachHoldsOnlyItsOwnSession()
    {
        // The UTF-8 writer is reused between calls on a thread: nothing of one export may leak into the next.
        var clock = new ManualTimeProvider();
        var (engine, first) = Populated(clock);
        using (engine)
        {
            Guid second = engine.CreateSession().SessionId;
            foreach (Guid id in new[] { first, second, first, second })
            {
                var buffer = new ArrayBufferWriter<byte>();
                engine.ExportSession(id, buffer);
                Assert.Equal(System.Text.Encoding.UTF8.GetBytes(engine.ExportSession(id)), buffer.WrittenSpan.ToArray());
            }
        }
    }

    [Fact]
    public void ExportUtf8_IntoARoomyBuffer_AllocatesNoCopyOfTheVectors()
    {
        // The document is a view of the session's arrays, serialised under its lock: a server exports after every
        // call, and copying the beliefs, centroids and history (over 90 KB here) was most of what an observe allocated.
        var clock = new ManualTimeProvider();
        var (engine, id) = Populated(clock);
        using (engine)
        {
            var buffer = new ArrayBufferWriter<byte>(1 << 20);
            engine.ExportSession(id, buffer); // warm: the JIT and the serializer's metadata allocate once
            foreach (SessionStateParts part in new[] { SessionStateParts.All, SessionStateParts.Beliefs })
            {
                buffer.ResetWrittenCount();
                long before = GC.GetAllocatedBytesForCurrentThread();
                engine.ExportSessionPart(id, part, buffer);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.True(buffer.WrittenCount > 50_000, $"the {part} document is {buffer.WrittenCount} bytes");
                Assert.True(allocated < 16 * 1024, $"exporting {part} allocated {allocated} bytes");
            }
        }
    }

    [Fact]
    public void ImportUtf8_InvalidUtf8OrBadDocument_InvalidModel()
    {
        using var engine = new ActiveInferenceEngine();
        Assert.Equal(ErrorKind.InvalidModel, Assert.Throws<ActiveInferenceException>(() => engine.ImportSession(new byte[] { 0x7b, 0xff, 0xfe, 0x7d })).Kind);
        Assert.Equal(ErrorKind.InvalidModel, Assert.Throws<ActiveInferenceException>(() => engine.ImportSession("{\"version\":3}"u8)).Kind);
        Assert.Equal(0, engine.GetMetrics().Sessions);
    }

    [Fact]
    public void Import_SameEngineWithoutReplace_Throws_WithReplace_Succeeds()
    {
        var clock = new ManualTimeProvider();
        var (engine, id) = Populated(clock);
        using (engine)
        {
            string json = engine.ExportSession(id);
            Assert.Throws<ActiveInferenceException>(() => engine.ImportSession(json));
            engine.ImportSession(json, replace: true);
            Assert.Equal(json, engine.ExportSession(id));
        }
    }

    [Fact]
    public void Import_ImportedSession_BehavesLikeOriginal()
    {
        var clock = new ManualTimeProvider();
        var options = new Actinf.Epistemic.Configuration.EngineOptions { Model = new() { LearnWeights = false } };
        using var a = new ActiveInferenceEngine(options, timeProvider: clock);
        Guid id = a.CreateSession().SessionId;
        a.Observe(new ObserveRequest(id, "Why does regularization reduce overfitting?", Domain: "ml"));
        using var b = new ActiveInferenceEngine(options, timeProvider: clock);
        b.ImportSession(a.ExportSession(id));
        var next = new ObserveRequest(id, "Is dropout a regularizer?", Domain: "ml");
        Assert.Equal(a.Observe(next).UncertaintyLevel, b.Observe(next).UncertaintyLevel);
        Assert.Equal(a.ExportSession(id), b.ExportSession(id));
    }

    [Theory]
    [InlineData("{\"version\":3}", ErrorKind.InvalidModel)]
    [InlineData("{\"version\":0}", ErrorKind.InvalidModel)]
    [InlineData("{\"version\":2}", ErrorKind.InvalidModel)]
    [InlineData("{\"version\":2,\"layerDimensions\":null}", ErrorKind.InvalidModel)]
    [InlineData("{\"version\":2,\"precision\":\"not base64!\"}", ErrorKind.InvalidModel)]
    [InlineData("{\"version\":2,\"precision\":\"AAA=\"}", ErrorKind.InvalidModel)]
    [InlineData("{\"version\":2,\"precision\":[1,\"x\"]}", ErrorKind.InvalidModel)]
    [InlineData("{\"version\":2,\"precision\":{}}", ErrorKind.InvalidModel)]
    [InlineData("not json", ErrorKind.InvalidModel)]
    [InlineData("{\"version\":1,\"layerDimensions\":[4]}", ErrorKind.InvalidModel)]
    public void Import_BadDocument_Rejected(string json, ErrorKind kind)
    {
        using var engine = new ActiveInferenceEngine();
        Assert.Equal(kind, Assert.Throws<ActiveInferenceException>(() => engine.ImportSession(json)).Kind);
    }

    [Fact]
    public void Export_Vectors_AreBase64OfLittleEndianFloat32()
    {
        var clock = new ManualTimeProvider();
        var (engine, id) = Populated(clock);
        using (engine)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(engine.ExportSession(id));
            byte[] bytes = Convert.FromBase64String(doc.RootElement.GetProperty("precision").GetString()!);
            Assert.Equal(1536 * sizeof(float), bytes.Length);
            float[] precision = SessionStateJson.Deserialize(engine.ExportSession(id)).Precision;
            for (int i = 0; i < precision.Length; i += 97)
            {
                Assert.Equal(precision[i], System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float))));
            }
        }
    }

    [Fact]
    public void Import_VersionOneDocument_ReadAndWrittenBackAsVersionTwoWithTheSameValues()
    {
        var clock = new ManualTimeProvider();
        var (engine, id) = Populated(clock);
        using (engine)
        {
            string current = engine.ExportSession(id);

            // Version 1 wrote every vector as an array of numbers; the plain serializer does the same.
            SessionState state = SessionStateJson.Deserialize(current) with { Version = 1 };
            string versionOne = System.Text.Json.JsonSerializer.Serialize(state, LenientJson);
            Assert.Contains("\"precision\":[", versionOne, StringComparison.Ordinal);
            using var other = new ActiveInferenceEngine(timeProvider: clock);
            other.ImportSession(versionOne);
            Assert.Equal(current, other.ExportSession(id));
        }
    }

    [Fact]
    public void Import_NonFiniteValue_NumericalInstability()
    {
        var clock = new ManualTimeProvider();
        var (engine, id) = Populated(clock);
        using (engine)
        {
            SessionState state = SessionStateJson.Deserialize(engine.ExportSession(id));
            state.Means[1][0] = float.NaN;
            var json = System.Text.Json.JsonSerializer.Serialize(state, LenientJson);
            var ex = Assert.ThrowsAny<ActiveInferenceException>(() => engine.ImportSession(json, replace: true));
            Assert.Contains(ex.Kind, new[] { ErrorKind.NumericalInstability, ErrorKind.InvalidModel });
        }
    }
}
