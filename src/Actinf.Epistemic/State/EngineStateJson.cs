using System.Text.Json;
using System.Text.Json.Serialization;
using Actinf.Epistemic.Errors;

namespace Actinf.Epistemic.State;

/// <summary>Source-generated JSON (de)serialisation of <see cref="EngineState"/> (camelCase, enums as strings, like the session state).</summary>
public static class EngineStateJson
{
    /// <summary>Serialises a state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The JSON text (compact).</returns>
    public static string Serialize(EngineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return JsonSerializer.Serialize(state, EngineStateJsonContext.Default.EngineState);
    }

    /// <summary>Parses a state and checks its format version (shapes and values are checked by the importing engine).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ActiveInferenceException"><see cref="ErrorKind.InvalidModel"/> for malformed JSON, JSON null or an unsupported version.</exception>
    public static EngineState Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        EngineState? state;
        try
        {
            state = JsonSerializer.Deserialize(json, EngineStateJsonContext.Default.EngineState);
        }
        catch (JsonException ex)
        {
            throw new ActiveInferenceException(ErrorKind.InvalidModel, $"The engine state is not valid JSON of version {EngineState.CurrentVersion}: {ex.Message}", ex);
        }

        if (state is null)
        {
            throw new ActiveInferenceException(ErrorKind.InvalidModel, "The engine state is empty (JSON null).");
        }

        if (state.Version != EngineState.CurrentVersion)
        {
            throw new ActiveInferenceException(ErrorKind.InvalidModel, $"Engine state version {state.Version} is not supported; this engine reads version {EngineState.CurrentVersion}.");
        }

        return state;
    }
}

/// <summary>The source-generated serialisation context.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(EngineState))]
internal sealed partial class EngineStateJsonContext : JsonSerializerContext
{
}
