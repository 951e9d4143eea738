using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Actinf.Epistemic.Errors;

namespace Actinf.Epistemic.Sessions;

/// <summary>Source-generated JSON (de)serialisation of <see cref="SessionState"/> (camelCase, enums as strings, float vectors as base64).</summary>
public static class SessionStateJson
{
    // Where a reused writer points between calls (never written to: Reset writes nothing).
    private static readonly ArrayBufferWriter<byte> Detached = new(1);

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Serialises a state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(SessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return JsonSerializer.Serialize(state, SessionStateJsonContext.Default.SessionState);
    }

    /// <summary>Serialises a state as UTF-8 JSON (the same bytes as the UTF-8 encoding of <see cref="Serialize(SessionState)"/>).</summary>
    /// <param name="state">The state.</param>
    /// <param name="destination">Receives the UTF-8 bytes; nothing else is allocated for the text, so a reused buffer keeps a save free of large allocations.</param>
    public static void Serialize(SessionState state, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(destination);
        // Every save of the server serialises a part: the thread's writer is reused (taken for the call, so a nested
        // use gets its own) and let go of the destination afterwards.
        Utf8JsonWriter writer = t_writer ?? new Utf8JsonWriter(destination);
        t_writer = null;
        writer.Reset(destination);
        try
        {
            JsonSerializer.Serialize(writer, state, SessionStateJsonContext.Default.SessionState);
        }
        finally
        {
            writer.Reset(Detached);
            t_writer = writer;
        }
    }

    /// <summary>Parses a state and checks its version.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ActiveInferenceException"><see cref="ErrorKind.InvalidModel"/> for malformed JSON (a vector that is neither base64 nor an array of numbers included) or an unsupported version.</exception>
    public static SessionState Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        SessionState? state;
        try
        {
            state = JsonSerializer.Deserialize(json, SessionStateJsonContext.Default.SessionState);
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }

        return Checked(state);
    }

    /// <summary>Parses a state from UTF-8 JSON and checks its version.</summary>
    /// <param name="utf8Json">The UTF-8 bytes.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ActiveInferenceException"><see cref="ErrorKind.InvalidModel"/> for malformed JSON or UTF-8, or an unsupported version.</exception>
    public static SessionState Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        SessionState? state;
        try
        {
            state = JsonSerializer.Deserialize(utf8Json, SessionStateJsonContext.Default.SessionState);
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }

        return Checked(state);
    }

    private static ActiveInferenceException Malformed(JsonException ex) =>
        new(ErrorKind.InvalidModel, $"The session state is not valid JSON: {ex.Message}", ex);

    private static SessionState Checked(SessionState? state)
    {
        if (state is null)
        {
            throw new ActiveInferenceException(ErrorKind.InvalidModel, "The session state is empty (JSON null).");
        }

        if (state.Version is < SessionState.OldestReadableVersion or > SessionState.CurrentVersion)
        {
            throw new ActiveInferenceException(ErrorKind.InvalidModel, $"Session state version {state.Version} is not supported; this engine reads versions {SessionState.OldestReadableVersion} to {SessionState.CurrentVersion}.");
        }

        // A version-1 document is read into the same record; it is written back as the current version.
        return state with { Version = SessionState.CurrentVersion };
    }
}

/// <summary>The source-generated serialisation context.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, Converters = [typeof(Float32VectorJsonConverter)])]
[JsonSerializable(typeof(SessionState))]
internal sealed partial class SessionStateJsonContext : JsonSerializerContext
{
}
